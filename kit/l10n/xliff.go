package l10n

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// XLIFF 2.0 core (OASIS, 2014): one <file> per edition, one <unit> per
// string whose id is the string id, one <segment> holding <source> and,
// once translated, <target>. Notes: category "context" (where the text is
// shown, its room on the poster), "location" (the source file and line)
// and "instructions" (hints). A stale translation keeps its target with
// state="initial"; a translated one has state="translated".
const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

// WriteXLIFF writes c as an XLIFF 2.0 document.
func WriteXLIFF(w io.Writer, c *Catalog) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<xliff xmlns=%q version=\"2.0\" srcLang=%q trgLang=%q>\n", xliffNS, c.Source, c.Target)
	fmt.Fprintf(&b, "  <file id=%q original=%q xml:space=\"preserve\">\n", "f-"+c.Target, "data/"+c.Target)
	for _, u := range c.Units {
		fmt.Fprintf(&b, "    <unit id=%q>\n", u.ID)
		var notes [][2]string
		if u.Context != "" {
			notes = append(notes, [2]string{"context", u.Context})
		}
		if u.Ref != "" {
			notes = append(notes, [2]string{"location", u.Ref})
		}
		for _, n := range u.Notes {
			notes = append(notes, [2]string{"instructions", n})
		}
		if len(notes) > 0 {
			b.WriteString("      <notes>\n")
			for _, n := range notes {
				fmt.Fprintf(&b, "        <note category=%q>%s</note>\n", n[0], xmlText(n[1]))
			}
			b.WriteString("      </notes>\n")
		}
		state := "initial"
		if u.State == StateTranslated {
			state = "translated"
		}
		fmt.Fprintf(&b, "      <segment state=%q>\n", state)
		fmt.Fprintf(&b, "        <source>%s</source>\n", xmlText(u.Source))
		if u.Target != "" {
			fmt.Fprintf(&b, "        <target>%s</target>\n", xmlText(u.Target))
		}
		b.WriteString("      </segment>\n    </unit>\n")
	}
	b.WriteString("  </file>\n</xliff>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// xmlText escapes text content: only what XML requires, so that
// apostrophes and line breaks stay readable (xml:space is preserve).
var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "\r", "&#xD;")

func xmlText(s string) string { return xmlEscaper.Replace(s) }

type xliffDoc struct {
	XMLName xml.Name    `xml:"xliff"`
	Version string      `xml:"version,attr"`
	SrcLang string      `xml:"srcLang,attr"`
	TrgLang string      `xml:"trgLang,attr"`
	Files   []xliffFile `xml:"file"`
}

type xliffFile struct {
	ID     string      `xml:"id,attr"`
	Units  []xliffUnit `xml:"unit"`
	Groups []struct {
		Units []xliffUnit `xml:"unit"`
	} `xml:"group"`
}

type xliffUnit struct {
	ID    string      `xml:"id,attr"`
	Parts []xliffPart `xml:",any"`
}

// xliffPart is a <segment>, an <ignorable> (whitespace between segments
// after a tool segmented the text) or <notes>/<originalData> (ignored).
type xliffPart struct {
	XMLName xml.Name
	State   string     `xml:"state,attr"`
	Source  xliffText  `xml:"source"`
	Target  *xliffText `xml:"target"`
	Notes   []struct {
		Category string `xml:"category,attr"`
		Text     string `xml:",chardata"`
	} `xml:"note"`
}

type xliffText struct {
	Inner string `xml:",innerxml"`
	Text  string `xml:",chardata"`
}

// ReadXLIFF parses an XLIFF 2.0 document. A unit split into several
// segments by a tool is joined back. Inline markup (<ph/>, <pc>…) is
// refused: awarekit's texts have none.
func ReadXLIFF(name string, r io.Reader) (*Catalog, error) {
	var d xliffDoc
	dec := xml.NewDecoder(r)
	if err := dec.Decode(&d); err != nil {
		return nil, fmt.Errorf("%s: not well-formed XML: %v", name, err)
	}
	if d.XMLName.Space != xliffNS || d.Version != "2.0" {
		return nil, fmt.Errorf("%s: not an XLIFF 2.0 document (namespace %q, version %q)", name, d.XMLName.Space, d.Version)
	}
	if d.SrcLang == "" || d.TrgLang == "" {
		return nil, fmt.Errorf("%s: srcLang and trgLang are required", name)
	}
	c := &Catalog{Source: d.SrcLang, Target: d.TrgLang}
	seen := map[string]bool{}
	for _, f := range d.Files {
		units := f.Units
		for _, g := range f.Groups {
			units = append(units, g.Units...)
		}
		for _, xu := range units {
			if xu.ID == "" {
				return nil, fmt.Errorf("%s: a unit without id", name)
			}
			if seen[xu.ID] {
				return nil, fmt.Errorf("%s: unit %q is given twice", name, xu.ID)
			}
			seen[xu.ID] = true
			u := Unit{ID: xu.ID, State: StateNew}
			translated, hasTarget, segs := true, false, 0
			for _, p := range xu.Parts {
				if p.XMLName.Space == xliffNS && p.XMLName.Local == "notes" {
					for _, n := range p.Notes {
						switch n.Category {
						case "context":
							u.Context = n.Text
						case "location":
							u.Ref = n.Text
						default:
							u.Notes = append(u.Notes, n.Text)
						}
					}
				}
				if p.XMLName.Space != xliffNS || p.XMLName.Local != "segment" && p.XMLName.Local != "ignorable" {
					continue
				}
				src, err := plainText(p.Source)
				if err != nil {
					return nil, fmt.Errorf("%s: unit %q: %v", name, xu.ID, err)
				}
				u.Source += src
				if p.Target != nil {
					t, err := plainText(*p.Target)
					if err != nil {
						return nil, fmt.Errorf("%s: unit %q: %v", name, xu.ID, err)
					}
					u.Target += t
					hasTarget = true
				} else if p.XMLName.Local == "ignorable" {
					u.Target += src
				}
				if p.XMLName.Local == "segment" {
					segs++
					if p.State == "" || p.State == "initial" {
						translated = false
					}
				}
			}
			if segs == 0 {
				return nil, fmt.Errorf("%s: unit %q has no segment", name, xu.ID)
			}
			switch {
			case !hasTarget || u.Target == "":
				u.Target, u.State = "", StateNew
			case translated:
				u.State = StateTranslated
			default:
				u.State = StateStale // a target not marked translated: imported only if changed
			}
			c.Units = append(c.Units, u)
		}
	}
	return c, nil
}

func plainText(t xliffText) (string, error) {
	if strings.Contains(strings.ReplaceAll(t.Inner, "<![CDATA[", ""), "<") {
		return "", fmt.Errorf("inline markup (<ph/>, <pc>…) is not supported: write plain text")
	}
	return t.Text, nil
}
