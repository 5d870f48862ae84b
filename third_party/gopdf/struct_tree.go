package gopdf

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
)

// Tagged PDF (PDF 32000-1 §14.6–14.8, ISO 14289-1 PDF/UA): marked content
// in the page content streams, a structure tree that gives the document's
// logical order, and the catalog entries readers look for. Nothing here
// changes a document that does not call these functions.

// StructElement is an element of the document's logical structure: a
// heading, a paragraph, a list item, a figure… Its kids are other elements,
// marked-content sequences of pages (BeginMarkedContent) and annotations
// (AddTaggedExternalLink), in the order they were added: the order in
// which assistive technology reads them.
type StructElement struct {
	// Type is a standard structure type (Document, Part, Sect, H1…H6, P,
	// L, LI, Lbl, LBody, Figure, Link, Span…).
	Type string
	// Alt is the alternative description (/Alt) of a Figure or Formula.
	Alt string
	// ActualText replaces the element's content when it is read (/ActualText).
	ActualText string
	// Lang is the element's language (/Lang) when it is not the document's.
	Lang string

	parent *StructElement
	kids   []structKid
	objID  int // 1-based object number, set when the document is written
}

// structKid is one kid of an element: an element, a marked-content
// sequence (page and MCID) or an annotation.
type structKid struct {
	elem  *StructElement
	page  int // index of the page object in pdfObjs (MCR, OBJR)
	mcid  int // MCR: the marked-content identifier; -1 for an OBJR
	annot int // OBJR: index of the annotation in pdfObjs
}

// structTree is the document's structure: its top-level elements and, per
// page, the element of each MCID.
type structTree struct {
	top      []*StructElement
	pageMCID map[int][]*StructElement // page object index → element per MCID
	annots   []annotParent            // annotations that are structure kids, in order
	written  bool                     // objects added to the document
}

type annotParent struct {
	annot int // index of the annotation in pdfObjs
	elem  *StructElement
}

// ViewerPreferences are the catalog's /ViewerPreferences entries gopdf
// writes.
type ViewerPreferences struct {
	// DisplayDocTitle: the window shows the document's title, not its
	// file name (required by PDF/UA).
	DisplayDocTitle bool
}

// SetLanguage sets the document's natural language (/Lang in the
// catalog), a BCP 47 tag such as "fr-FR".
func (gp *GoPdf) SetLanguage(lang string) {
	gp.pdfObjs[gp.indexOfCatalogObj].(*CatalogObj).lang = lang
}

// SetViewerPreferences sets the catalog's /ViewerPreferences.
func (gp *GoPdf) SetViewerPreferences(v ViewerPreferences) {
	gp.pdfObjs[gp.indexOfCatalogObj].(*CatalogObj).viewerPrefs = &v
}

// SetXMPMetadata attaches an XMP packet (an XML document) to the catalog
// as its /Metadata stream, written uncompressed as ISO 16684-1 asks.
func (gp *GoPdf) SetXMPMetadata(xmp []byte) {
	c := gp.pdfObjs[gp.indexOfCatalogObj].(*CatalogObj)
	if c.metadataObjID > 0 {
		gp.pdfObjs[c.metadataObjID-1].(*metadataObj).data = xmp
		return
	}
	c.metadataObjID = gp.addObj(&metadataObj{data: xmp, getRoot: func() *GoPdf { return gp }}) + 1
}

// AddStructElement adds an element of type typ as the last kid of parent,
// or as a top-level element of the structure tree when parent is nil, and
// returns it. Using it makes the document a tagged PDF: the catalog gets
// /MarkInfo <</Marked true>> and /StructTreeRoot, every page /Tabs /S.
func (gp *GoPdf) AddStructElement(parent *StructElement, typ string) *StructElement {
	if gp.structTree == nil {
		gp.structTree = &structTree{pageMCID: map[int][]*StructElement{}}
	}
	e := &StructElement{Type: typ, parent: parent}
	if parent == nil {
		gp.structTree.top = append(gp.structTree.top, e)
	} else {
		parent.kids = append(parent.kids, structKid{elem: e, mcid: -1})
	}
	return e
}

// BeginMarkedContent starts, on the current page, a marked-content
// sequence tagged with elem's type and the page's next MCID, and makes it
// elem's last kid. Everything drawn until EndMarkedContent belongs to
// elem. It returns the MCID.
func (gp *GoPdf) BeginMarkedContent(elem *StructElement) int {
	page := gp.curr.IndexOfPageObj
	if gp.structTree == nil {
		gp.structTree = &structTree{pageMCID: map[int][]*StructElement{}}
	}
	mcid := len(gp.structTree.pageMCID[page])
	gp.structTree.pageMCID[page] = append(gp.structTree.pageMCID[page], elem)
	elem.kids = append(elem.kids, structKid{page: page, mcid: mcid})
	gp.getContent().listCache.append(cacheContentMarked{op: fmt.Sprintf("/%s <</MCID %d>> BDC\n", pdfName(elem.Type), mcid)})
	return mcid
}

// BeginArtifact starts an artifact on the current page: content that is
// not part of the document's logical structure (backgrounds, rules, crop
// marks). End it with EndMarkedContent.
func (gp *GoPdf) BeginArtifact() {
	gp.getContent().listCache.append(cacheContentMarked{op: "/Artifact BMC\n"})
}

// EndMarkedContent ends the marked-content sequence or artifact begun last.
func (gp *GoPdf) EndMarkedContent() {
	gp.getContent().listCache.append(cacheContentMarked{op: "EMC\n"})
}

// AddTaggedExternalLink adds a link annotation, as AddExternalLink does,
// that is the last kid of elem (normally a Link element) and whose
// /Contents is contents, a description of the link for those who cannot
// see it.
func (gp *GoPdf) AddTaggedExternalLink(url, contents string, x, y, w, h float64, elem *StructElement) {
	gp.UnitsToPointsVar(&x, &y, &w, &h)
	page := gp.pdfObjs[gp.curr.IndexOfPageObj].(*PageObj)
	index := gp.addObj(annotObj{linkOption{x, gp.config.PageSize.H - y, w, h, url, ""}, func() *GoPdf {
		return gp
	}})
	page.LinkObjIds = append(page.LinkObjIds, index+1)
	if gp.structTree == nil {
		gp.structTree = &structTree{pageMCID: map[int][]*StructElement{}}
	}
	gp.structTree.annots = append(gp.structTree.annots, annotParent{annot: index, elem: elem})
	elem.kids = append(elem.kids, structKid{page: gp.curr.IndexOfPageObj, mcid: -1, annot: index})
	gp.pdfObjs[index] = taggedAnnotObj{annotObj: gp.pdfObjs[index].(annotObj), contents: contents}
}

// taggedAnnotObj is a link annotation with its place in the structure
// tree (/StructParent) and its description (/Contents).
type taggedAnnotObj struct {
	annotObj
	contents     string
	structParent int
}

func (o taggedAnnotObj) write(w io.Writer, objID int) error {
	var b strings.Builder
	if err := o.writeExternalLink(&b, o.linkOption, objID); err != nil {
		return err
	}
	s := strings.TrimSuffix(strings.TrimSpace(b.String()), ">>")
	extra := fmt.Sprintf(" /StructParent %d /Contents %s", o.structParent, textString(o.GetRoot().protection(), objID, o.contents))
	_, err := io.WriteString(w, s+extra+">>\n")
	return err
}

// cacheContentMarked is a marked-content operator in a content stream.
type cacheContentMarked struct{ op string }

func (c cacheContentMarked) write(w io.Writer, protection *PDFProtection) error {
	_, err := io.WriteString(w, c.op)
	return err
}

// prepareStructTree adds the structure tree's objects to the document
// (once) and sets the references of the catalog, pages and annotations.
func (gp *GoPdf) prepareStructTree() {
	t := gp.structTree
	if t == nil || t.written {
		return
	}
	t.written = true
	// Every element, depth first, gets an object.
	var all []*StructElement
	var walk func(e *StructElement)
	walk = func(e *StructElement) {
		all = append(all, e)
		for _, k := range e.kids {
			if k.elem != nil {
				walk(k.elem)
			}
		}
	}
	for _, e := range t.top {
		walk(e)
	}
	root := &structTreeRootObj{tree: t}
	rootIndex := gp.addObj(root)
	for _, e := range all {
		e.objID = gp.addObj(&structElemObj{elem: e, rootID: rootIndex + 1, getRoot: func() *GoPdf { return gp }}) + 1
	}
	// Parent tree keys: the pages with marked content in page order, then
	// the annotations.
	key := 0
	for i, o := range gp.pdfObjs {
		if p, ok := o.(*PageObj); ok {
			p.tabs = "S"
			if len(t.pageMCID[i]) > 0 {
				p.structParents = key
				root.pageKeys = append(root.pageKeys, i)
				key++
			}
		}
	}
	for _, a := range t.annots {
		o := gp.pdfObjs[a.annot].(taggedAnnotObj)
		o.structParent = key
		gp.pdfObjs[a.annot] = o
		key++
	}
	root.nextKey = key
	c := gp.pdfObjs[gp.indexOfCatalogObj].(*CatalogObj)
	c.structTreeRootID = rootIndex + 1
	c.marked = true
}

// structTreeRootObj is the StructTreeRoot with its parent tree inline.
type structTreeRootObj struct {
	tree     *structTree
	pageKeys []int // page object index per parent tree key
	nextKey  int
}

func (r *structTreeRootObj) init(func() *GoPdf) {}
func (r *structTreeRootObj) getType() string    { return "StructTreeRoot" }

func (r *structTreeRootObj) write(w io.Writer, objID int) error {
	var b strings.Builder
	b.WriteString("<<\n  /Type /StructTreeRoot\n  /K [")
	for _, e := range r.tree.top {
		fmt.Fprintf(&b, " %d 0 R", e.objID)
	}
	b.WriteString(" ]\n  /ParentTree << /Nums [")
	for key, page := range r.pageKeys {
		fmt.Fprintf(&b, "\n    %d [", key)
		for _, e := range r.tree.pageMCID[page] {
			fmt.Fprintf(&b, " %d 0 R", e.objID)
		}
		b.WriteString(" ]")
	}
	for i, a := range r.tree.annots {
		fmt.Fprintf(&b, "\n    %d %d 0 R", len(r.pageKeys)+i, a.elem.objID)
	}
	fmt.Fprintf(&b, "\n  ] >>\n  /ParentTreeNextKey %d\n>>\n", r.nextKey)
	_, err := io.WriteString(w, b.String())
	return err
}

// structElemObj writes one StructElement.
type structElemObj struct {
	elem    *StructElement
	rootID  int
	getRoot func() *GoPdf
}

func (s *structElemObj) init(func() *GoPdf) {}
func (s *structElemObj) getType() string    { return "StructElem" }

func (s *structElemObj) write(w io.Writer, objID int) error {
	e := s.elem
	prot := s.getRoot().protection()
	var b strings.Builder
	fmt.Fprintf(&b, "<<\n  /Type /StructElem\n  /S /%s\n", pdfName(e.Type))
	parent := s.rootID
	if e.parent != nil {
		parent = e.parent.objID
	}
	fmt.Fprintf(&b, "  /P %d 0 R\n", parent)
	// /Pg: the page of the first marked content, so that MCIDs on that
	// page are written as plain integers.
	pg := -1
	for _, k := range e.kids {
		if k.elem == nil {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		fmt.Fprintf(&b, "  /Pg %d 0 R\n", pg+1)
	}
	b.WriteString("  /K [")
	for _, k := range e.kids {
		switch {
		case k.elem != nil:
			fmt.Fprintf(&b, " %d 0 R", k.elem.objID)
		case k.mcid < 0:
			fmt.Fprintf(&b, " <</Type /OBJR /Pg %d 0 R /Obj %d 0 R>>", k.page+1, k.annot+1)
		case k.page == pg:
			fmt.Fprintf(&b, " %d", k.mcid)
		default:
			fmt.Fprintf(&b, " <</Type /MCR /Pg %d 0 R /MCID %d>>", k.page+1, k.mcid)
		}
	}
	b.WriteString(" ]\n")
	for _, f := range []struct{ key, v string }{{"Alt", e.Alt}, {"ActualText", e.ActualText}, {"Lang", e.Lang}} {
		if f.v != "" {
			fmt.Fprintf(&b, "  /%s %s\n", f.key, textString(prot, objID, f.v))
		}
	}
	b.WriteString(">>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// metadataObj is an XMP metadata stream.
type metadataObj struct {
	data    []byte
	getRoot func() *GoPdf
}

func (m *metadataObj) init(func() *GoPdf) {}
func (m *metadataObj) getType() string    { return "Metadata" }

func (m *metadataObj) write(w io.Writer, objID int) error {
	data := m.data
	if p := m.getRoot().protection(); p != nil {
		var err error
		if data, err = rc4Cip(p.objectkey(objID), data); err != nil {
			return err
		}
	}
	if _, err := fmt.Fprintf(w, "<<\n  /Type /Metadata\n  /Subtype /XML\n  /Length %d\n>>\nstream\n", len(data)); err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\nendstream\n")
	return err
}

// textString writes s as a PDF text string (§7.9.2.2): a literal string
// when it is printable ASCII, else UTF-16BE with a byte order mark, in hex;
// encrypted when the document is.
func textString(p *PDFProtection, objID int, s string) string {
	ascii := true
	for _, r := range s {
		if r < 0x20 || r > 0x7e {
			ascii = false
			break
		}
	}
	var raw []byte
	if ascii {
		raw = []byte(s)
	} else {
		raw = []byte{0xfe, 0xff}
		for _, u := range utf16.Encode([]rune(s)) {
			raw = append(raw, byte(u>>8), byte(u))
		}
	}
	if p != nil {
		if enc, err := rc4Cip(p.objectkey(objID), raw); err == nil {
			return fmt.Sprintf("<%X>", enc)
		}
	}
	if !ascii {
		return fmt.Sprintf("<%X>", raw)
	}
	return "(" + strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`).Replace(s) + ")"
}

// pdfName escapes a name's delimiters and non-regular characters as #xx
// (§7.3.5).
func pdfName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '!' || c > '~' || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
