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

// ReadXLIFF parses an XLIFF 2.0 or 1.2 document (told apart by the root
// element's namespace and version). A 2.0 unit split into several segments
// by a tool is joined back. Inline markup (<ph/>, <pc>, <g>…) is refused:
// awarekit's texts have none. Each unit remembers its line, and no error
// quotes the file's content.
func ReadXLIFF(name string, r io.Reader) (*Catalog, error) {
	dec := xml.NewDecoder(r)
	malformed := func(err error) error {
		line, _ := dec.InputPos()
		if se, ok := err.(*xml.SyntaxError); ok {
			return fmt.Errorf("%s:%d: not well-formed XML: %s", name, se.Line, se.Msg)
		}
		return fmt.Errorf("%s:%d: not well-formed XML", name, line)
	}
	var root xml.StartElement
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, malformed(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			root = se
			break
		}
	}
	version := attr(root, "version")
	switch {
	case root.Name.Local == "xliff" && root.Name.Space == xliffNS && version == "2.0":
		c := &Catalog{Source: attr(root, "srcLang"), Target: attr(root, "trgLang")}
		if c.Source == "" || c.Target == "" {
			return nil, fmt.Errorf("%s: srcLang and trgLang are required", name)
		}
		return c, readUnits(name, dec, c, "unit", read20, malformed)
	case root.Name.Local == "xliff" && root.Name.Space == xliff12NS && version == "1.2":
		c := &Catalog{}
		return c, readUnits(name, dec, c, "trans-unit", read12, malformed)
	}
	return nil, fmt.Errorf("%s: not an XLIFF 1.2 or 2.0 document (the root must be <xliff version=\"1.2\"> or <xliff version=\"2.0\"> in the OASIS namespace)", name)
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// readUnits decodes every element named unit (at any depth) with read,
// checking ids; the <file> elements of XLIFF 1.2 carry the languages.
func readUnits(name string, dec *xml.Decoder, c *Catalog, unit string, read func(*xml.Decoder, *xml.StartElement) (Unit, error), malformed func(error) error) error {
	seen := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return malformed(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, _ := dec.InputPos()
		switch se.Name.Local {
		case "file":
			if unit != "trans-unit" {
				continue
			}
			src, trg := attr(se, "source-language"), attr(se, "target-language")
			if src == "" || trg == "" {
				return fmt.Errorf("%s:%d: <file> needs source-language and target-language", name, line)
			}
			if c.Source != "" && (c.Source != src || c.Target != trg) {
				return fmt.Errorf("%s:%d: the <file> elements are for different languages", name, line)
			}
			c.Source, c.Target = src, trg
		case unit:
			u, err := read(dec, &se)
			if err != nil {
				if _, ok := err.(*xml.SyntaxError); ok {
					return malformed(err)
				}
				return fmt.Errorf("%s:%d: %v", name, line, err)
			}
			if u.ID == "" {
				return fmt.Errorf("%s:%d: a unit without id", name, line)
			}
			if seen[u.ID] {
				return fmt.Errorf("%s:%d: unit %s is given twice", name, line, showID(u.ID))
			}
			seen[u.ID] = true
			u.Line = line
			c.Units = append(c.Units, u)
		}
	}
	if c.Source == "" || c.Target == "" {
		return fmt.Errorf("%s: no <file> with source-language and target-language", name)
	}
	return nil
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

// read20 decodes an XLIFF 2.0 <unit>.
func read20(dec *xml.Decoder, se *xml.StartElement) (Unit, error) {
	var xu xliffUnit
	if err := dec.DecodeElement(&xu, se); err != nil {
		return Unit{}, err
	}
	u := Unit{ID: xu.ID, State: StateNew}
	var src, trg strings.Builder
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
		s, err := plainText(p.Source)
		if err != nil {
			return Unit{}, fmt.Errorf("unit %s: %v", showID(xu.ID), err)
		}
		src.WriteString(s)
		if p.Target != nil {
			t, err := plainText(*p.Target)
			if err != nil {
				return Unit{}, fmt.Errorf("unit %s: %v", showID(xu.ID), err)
			}
			trg.WriteString(t)
			hasTarget = true
		} else if p.XMLName.Local == "ignorable" {
			trg.WriteString(s)
		}
		if p.XMLName.Local == "segment" {
			segs++
			if p.State == "" || p.State == "initial" {
				translated = false
			}
		}
	}
	if segs == 0 {
		return Unit{}, fmt.Errorf("unit %s has no segment", showID(xu.ID))
	}
	u.Source, u.Target = src.String(), trg.String()
	switch {
	case !hasTarget || u.Target == "":
		u.Target, u.State = "", StateNew
	case translated:
		u.State = StateTranslated
	default:
		u.State = StateStale // a target not marked translated: imported only if changed
	}
	return u, nil
}

func plainText(t xliffText) (string, error) {
	if strings.Contains(strings.ReplaceAll(t.Inner, "<![CDATA[", ""), "<") {
		return "", fmt.Errorf("inline markup (<ph/>, <pc>, <g>…) is not supported: write plain text")
	}
	return t.Text, nil
}
