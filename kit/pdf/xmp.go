package pdf

import (
	"bytes"
	"encoding/xml"
	"time"

	"github.com/awarekit/awarekit/kit/layout"
)

// xmp returns the document's XMP metadata packet (ISO 16684-1): the title
// in the edition's language, the language, the PDF/UA-1 identification,
// the producer and the dates, all from the page description and the
// edition's date, so that the same input gives the same bytes.
func xmp(pg *layout.Page, created time.Time) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	date := created.UTC().Format("2006-01-02T15:04:05Z")
	lang := pg.Lang
	if lang == "" {
		lang = "x-default"
	}
	var b bytes.Buffer
	b.WriteString(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(pg.Title) + `</rdf:li><rdf:li xml:lang="` + esc(lang) + `">` + esc(pg.Title) + `</rdf:li></rdf:Alt></dc:title>
`)
	if pg.Lang != "" {
		b.WriteString(`   <dc:language><rdf:Bag><rdf:li>` + esc(pg.Lang) + `</rdf:li></rdf:Bag></dc:language>
`)
	}
	if pg.Author != "" {
		b.WriteString(`   <dc:creator><rdf:Seq><rdf:li>` + esc(pg.Author) + `</rdf:li></rdf:Seq></dc:creator>
`)
	}
	if pg.Subject != "" {
		b.WriteString(`   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">` + esc(pg.Subject) + `</rdf:li></rdf:Alt></dc:description>
`)
	}
	b.WriteString(`   <pdf:Producer>` + esc(Producer) + `</pdf:Producer>
   <pdf:Keywords>` + esc(pg.Keywords) + `</pdf:Keywords>
   <xmp:CreatorTool>` + esc(Creator) + `</xmp:CreatorTool>
   <xmp:CreateDate>` + date + `</xmp:CreateDate>
   <xmp:ModifyDate>` + date + `</xmp:ModifyDate>
   <xmp:MetadataDate>` + date + `</xmp:MetadataDate>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`)
	return b.Bytes()
}
