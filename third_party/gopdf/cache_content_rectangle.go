package gopdf

import (
	"io"
	"strconv"
)

type cacheContentRectangle struct {
	pageHeight       float64
	x                float64
	y                float64
	width            float64
	height           float64
	style            PaintStyle
	extGStateIndexes []int
}

func NewCacheContentRectangle(pageHeight float64, rectOpts DrawableRectOptions) ICacheContent {
	if rectOpts.PaintStyle == "" {
		rectOpts.PaintStyle = DrawPaintStyle
	}

	return cacheContentRectangle{
		x:                rectOpts.X,
		y:                rectOpts.Y,
		width:            rectOpts.W,
		height:           rectOpts.H,
		pageHeight:       pageHeight,
		style:            rectOpts.PaintStyle,
		extGStateIndexes: rectOpts.extGStateIndexes,
	}
}

func (c cacheContentRectangle) write(w io.Writer, protection *PDFProtection) error {
	var scratch [96]byte
	b := append(scratch[:0], "q\n"...)

	for _, extGStateIndex := range c.extGStateIndexes {
		b = append(b, "/GS"...)
		b = strconv.AppendInt(b, int64(extGStateIndex), 10)
		b = append(b, " gs\n"...)
	}

	b = appendFixed2(b, c.x)
	b = append(b, ' ')
	b = appendFixed2(b, c.pageHeight-c.y)
	b = append(b, ' ')
	b = appendFixed2(b, c.width)
	b = append(b, ' ')
	b = appendFixed2(b, c.height)
	b = append(b, " re "...)
	b = append(b, c.style...)
	b = append(b, "\nQ\n"...)

	if _, err := w.Write(b); err != nil {
		return err
	}

	return nil
}
