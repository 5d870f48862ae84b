package layout

// Blocks: what a box shows, as the composers make it and the typesetter
// sets it. A composer (one file per box kind, registered in composers)
// turns the edition's content into a tree of blocks, each with its role in
// the page's structure and its place in the reading order (the order of
// the tree); the generic typesetter (typeset.go) tags them into the page's
// elements, fits them into the box in one of the arrangements the composer
// offers and places them. The PDF backend tags what they became; the
// preview ignores the roles.

// BlockKind is what a block is, and so its role in the page's structure.
type BlockKind uint8

// Block kinds, with the structure element each becomes (PDF 32000-1
// §14.8.4).
const (
	// BlockHeading is a heading: Level 1 or 2 (H1, H2), or 0 for the
	// box's own level (H1 in the poster's title box on the front, H2
	// elsewhere).
	BlockHeading BlockKind = iota + 1
	// BlockPara is a paragraph of styled spans (P).
	BlockPara
	// BlockList is a list (L); its Parts are its items.
	BlockList
	// BlockItem is a list item (LI): the first Label spans of its first
	// paragraph are its label (Lbl), the rest of its paragraphs and its
	// Parts its body (LBody).
	BlockItem
	// BlockCard is a contact card: a list item (LI, LBody) whose body is
	// its Parts (the name and purpose paragraphs, the link to the number
	// or address holding its QR code).
	BlockCard
	// BlockLink is a link (Link, described by Alt, opening Target): its
	// paragraphs' text and its Parts (a QR code) are inside it.
	BlockLink
	// BlockQR is a QR code opening Target: a figure with its alternative
	// text Alt.
	BlockQR
	// BlockIcon is a vector icon (Icon): a figure with its alternative
	// text Alt.
	BlockIcon
	// BlockImage is a raster image (Data, Size: a logo): a figure with its
	// alternative text Alt.
	BlockImage
	// BlockDecoration is drawn but not read (an artifact): its text is
	// left out of the structure.
	BlockDecoration
)

// Block is one part of a box's content.
type Block struct {
	Kind   BlockKind
	Level  int     // a heading's level (1, 2; 0: the box's own)
	Paras  []Para  // its text
	Label  int     // an item's label: the number of leading spans of its first paragraph
	Alt    string  // a figure's alternative text, a link's description
	Target string  // what a QR code encodes, what a link opens
	Icon   string  // an icon's name (icons.go)
	Data   []byte  // an image's bytes (PNG or JPEG, checked by the loader)
	Size   [2]int  // an image's size in pixels
	Parts  []Block // a list's items, a card's, item's or link's inner blocks

	elem int // the element it became (index in Page.Elems + 1), set by tag; 0 for none
}

// Text blocks.
func heading(level int, ps ...Para) Block { return Block{Kind: BlockHeading, Level: level, Paras: ps} }
func paragraph(ps ...Para) Block          { return Block{Kind: BlockPara, Paras: ps} }
func list(items ...Block) Block           { return Block{Kind: BlockList, Parts: items} }

// listItem is an item whose first label spans of ps[0] are its label, the
// other paragraphs continuing its body.
func listItem(label int, ps ...Para) Block { return Block{Kind: BlockItem, Label: label, Paras: ps} }

// textParas returns the paragraphs of blocks and of their parts, in
// reading order: what a stack of text sets.
func textParas(blocks []Block) []Para {
	var out []Para
	var walk func([]Block)
	walk = func(bs []Block) {
		for i := range bs {
			out = append(out, bs[i].Paras...)
			walk(bs[i].Parts)
		}
	}
	walk(blocks)
	return out
}

// firstPara returns the first paragraph of blocks, or nil.
func firstPara(blocks []Block) *Para {
	for i := range blocks {
		if len(blocks[i].Paras) > 0 {
			return &blocks[i].Paras[0]
		}
		if p := firstPara(blocks[i].Parts); p != nil {
			return p
		}
	}
	return nil
}

// find returns the first block of that kind among blocks and their parts,
// or nil.
func find(blocks []Block, kind BlockKind) *Block {
	for i := range blocks {
		if blocks[i].Kind == kind {
			return &blocks[i]
		}
		if f := find(blocks[i].Parts, kind); f != nil {
			return f
		}
	}
	return nil
}

// tag makes the elements of blocks, in reading order, under parent (0:
// the top of the page), and sets the element of every span; each block
// keeps its element (elem) for the shapes, images and links placed for it.
func (l *layouter) tag(b *Box, blocks []Block, parent int) {
	for i := range blocks {
		k := &blocks[i]
		switch k.Kind {
		case BlockHeading:
			kind := l.headingKind(b)
			switch k.Level {
			case 1:
				kind = ElemH1
			case 2:
				kind = ElemH2
			}
			k.elem = l.elem(kind, parent, "")
			setParas(k.Paras, k.elem)
		case BlockPara:
			k.elem = l.elem(ElemP, parent, "")
			setParas(k.Paras, k.elem)
		case BlockList:
			k.elem = l.elem(ElemL, parent, "")
		case BlockItem, BlockCard:
			li := l.elem(ElemLI, parent, "")
			n := 0
			if len(k.Paras) > 0 {
				n = min(k.Label, len(k.Paras[0].Spans))
			}
			if n > 0 {
				setSpans(k.Paras[0].Spans[:n], l.elem(ElemLbl, li, ""))
				k.elem = l.elem(ElemLBody, li, "")
				setSpans(k.Paras[0].Spans[n:], k.elem)
				setParas(k.Paras[1:], k.elem)
			} else {
				k.elem = l.elem(ElemLBody, li, "")
				setParas(k.Paras, k.elem)
			}
		case BlockLink:
			k.elem = l.elem(ElemLink, parent, k.Alt)
			setParas(k.Paras, k.elem)
		case BlockQR, BlockIcon, BlockImage:
			k.elem = l.elem(ElemFigure, parent, k.Alt)
		case BlockDecoration:
			setParas(k.Paras, 0)
			continue
		}
		l.tag(b, k.Parts, k.elem)
	}
}

func setParas(ps []Para, e int) {
	for i := range ps {
		setSpans(ps[i].Spans, e)
	}
}
