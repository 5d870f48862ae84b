package gopdf

import (
	"fmt"
	"io"
)

// CatalogObj : catalog dictionary
type CatalogObj struct { //impl IObj
	outlinesObjID int

	// Tagged PDF (struct_tree.go): 0 or "" when unset.
	lang             string
	viewerPrefs      *ViewerPreferences
	metadataObjID    int
	structTreeRootID int
	marked           bool
}

func (c *CatalogObj) init(funcGetRoot func() *GoPdf) {
	c.outlinesObjID = -1

}

func (c *CatalogObj) getType() string {
	return "Catalog"
}

func (c *CatalogObj) write(w io.Writer, objID int) error {
	io.WriteString(w, "<<\n")
	fmt.Fprintf(w, "  /Type /%s\n", c.getType())
	io.WriteString(w, "  /Pages 2 0 R\n")
	if c.outlinesObjID >= 0 {
		io.WriteString(w, "  /PageMode /UseOutlines\n")
		fmt.Fprintf(w, "  /Outlines %d 0 R\n", c.outlinesObjID)
	}
	if c.lang != "" {
		fmt.Fprintf(w, "  /Lang %s\n", textString(nil, 0, c.lang))
	}
	if c.marked {
		io.WriteString(w, "  /MarkInfo << /Marked true >>\n")
	}
	if c.structTreeRootID > 0 {
		fmt.Fprintf(w, "  /StructTreeRoot %d 0 R\n", c.structTreeRootID)
	}
	if c.viewerPrefs != nil && c.viewerPrefs.DisplayDocTitle {
		io.WriteString(w, "  /ViewerPreferences << /DisplayDocTitle true >>\n")
	}
	if c.metadataObjID > 0 {
		fmt.Fprintf(w, "  /Metadata %d 0 R\n", c.metadataObjID)
	}
	io.WriteString(w, ">>\n")
	return nil
}

func (c *CatalogObj) SetIndexObjOutlines(index int) {
	c.outlinesObjID = index + 1
}
