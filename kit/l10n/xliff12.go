package l10n

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// XLIFF 1.2 (OASIS, 2008), what translate-toolkit (Weblate, Pootle),
// OmegaT and most translators' tools read: one <file> per edition, one
// <trans-unit> per string, whose id (and resname) is the string id.
// Developer notes carry the same lines as the PO export's #. comments
// ("Where: …" first, then the hints), a location context group the source
// file and line. A translated unit is approved="yes" with <target
// state="translated">; a stale one keeps its target with
// state="needs-review-translation" and is not approved (a fuzzy entry in
// PO terms); a new one has no target.
const xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"

// WriteXLIFF12 writes c as an XLIFF 1.2 document.
func WriteXLIFF12(w io.Writer, c *Catalog) error {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<xliff xmlns=%q version=\"1.2\">\n", xliff12NS)
	fmt.Fprintf(&b, "  <file original=%q source-language=%q target-language=%q datatype=\"plaintext\" xml:space=\"preserve\">\n", "data/"+c.Target, c.Source, c.Target)
	b.WriteString("    <body>\n")
	for _, u := range c.Units {
		approved := ""
		if u.State == StateTranslated && u.Target != "" {
			approved = ` approved="yes"`
		}
		fmt.Fprintf(&b, "      <trans-unit id=%q resname=%q%s xml:space=\"preserve\">\n", u.ID, u.ID, approved)
		fmt.Fprintf(&b, "        <source>%s</source>\n", xmlText(u.Source))
		if u.Target != "" {
			state := "translated"
			if u.State != StateTranslated {
				state = "needs-review-translation"
			}
			fmt.Fprintf(&b, "        <target state=%q>%s</target>\n", state, xmlText(u.Target))
		}
		if u.Ref != "" {
			file, line := u.Ref, ""
			if i := strings.LastIndexByte(u.Ref, ':'); i > 0 {
				if _, err := strconv.Atoi(u.Ref[i+1:]); err == nil {
					file, line = u.Ref[:i], u.Ref[i+1:]
				}
			}
			b.WriteString("        <context-group name=\"location\" purpose=\"location\">\n")
			fmt.Fprintf(&b, "          <context context-type=\"sourcefile\">%s</context>\n", xmlText(file))
			if line != "" {
				fmt.Fprintf(&b, "          <context context-type=\"linenumber\">%s</context>\n", line)
			}
			b.WriteString("        </context-group>\n")
		}
		if u.Context != "" {
			fmt.Fprintf(&b, "        <note from=\"developer\">%s</note>\n", xmlText("Where: "+u.Context))
		}
		for _, n := range u.Notes {
			fmt.Fprintf(&b, "        <note from=\"developer\">%s</note>\n", xmlText(n))
		}
		b.WriteString("      </trans-unit>\n")
	}
	b.WriteString("    </body>\n  </file>\n</xliff>\n")
	_, err := w.Write(b.Bytes())
	return err
}

type xliff12Unit struct {
	ID       string    `xml:"id,attr"`
	Approved string    `xml:"approved,attr"`
	Source   xliffText `xml:"source"`
	Target   *struct {
		State string `xml:"state,attr"`
		xliffText
	} `xml:"target"`
	Notes []struct {
		From string `xml:"from,attr"`
		Text string `xml:",chardata"`
	} `xml:"note"`
	Groups []struct {
		Purpose  string `xml:"purpose,attr"`
		Contexts []struct {
			Type string `xml:"context-type,attr"`
			Text string `xml:",chardata"`
		} `xml:"context"`
	} `xml:"context-group"`
}

// read12 decodes an XLIFF 1.2 <trans-unit>.
func read12(dec *xml.Decoder, se *xml.StartElement) (Unit, error) {
	var xu xliff12Unit
	if err := dec.DecodeElement(&xu, se); err != nil {
		return Unit{}, err
	}
	u := Unit{ID: xu.ID, State: StateNew}
	src, err := plainText(xu.Source)
	if err != nil {
		return Unit{}, fmt.Errorf("unit %s: %v", showID(xu.ID), err)
	}
	u.Source = src
	if xu.Target != nil {
		t, err := plainText(xu.Target.xliffText)
		if err != nil {
			return Unit{}, fmt.Errorf("unit %s: %v", showID(xu.ID), err)
		}
		u.Target = t
	}
	for _, n := range xu.Notes {
		if n.From == "developer" && u.Context == "" && len(u.Notes) == 0 && strings.HasPrefix(n.Text, "Where: ") {
			u.Context = strings.TrimPrefix(n.Text, "Where: ")
			continue
		}
		u.Notes = append(u.Notes, n.Text)
	}
	for _, g := range xu.Groups {
		if g.Purpose != "location" {
			continue
		}
		var file, line string
		for _, cx := range g.Contexts {
			switch cx.Type {
			case "sourcefile":
				file = cx.Text
			case "linenumber":
				line = cx.Text
			}
		}
		u.Ref = file
		if line != "" {
			u.Ref += ":" + line
		}
	}
	switch {
	case u.Target == "":
		u.State = StateNew
	case strings.HasPrefix(xu.Target.State, "needs-"):
		u.State = StateStale
	case xu.Approved == "yes", xu.Target.State == "translated", xu.Target.State == "signed-off", xu.Target.State == "final":
		u.State = StateTranslated
	default:
		u.State = StateStale // a target not marked translated: imported only if changed
	}
	return u, nil
}
