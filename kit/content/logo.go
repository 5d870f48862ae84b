package content

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"  // logos may be JPEG
	_ "image/png" // or PNG
	"io/fs"
	"regexp"
	"strings"
)

// Limits on a logo, checked from the file's header before anything is
// decoded: a decompression bomb or a 20000 × 20000 image is refused without
// allocating its pixels.
const (
	MaxLogoBytes  = 2 << 20
	MaxLogoSide   = 4000
	MaxLogoPixels = 12_000_000
)

var imageRE = regexp.MustCompile(`(?i)^[0-9a-z_-]+\.(png|jpe?g)$`)

// logo checks and reads the edition's logo file.
func (l *loader) logo(e *Edition) {
	c := checker{l: l, file: fileEdition}
	if strings.TrimSpace(e.LogoAlt) == "" {
		c.add("logo_alt", "missing: the logo's alternative text (what a screen reader says instead of the image, e.g. the organisation's name)")
	}
	if !imageRE.MatchString(e.Logo) {
		c.add("logo", "%q is not a PNG or JPEG file name in the edition folder (no folders, no ..)", e.Logo)
		return
	}
	if l.bad[e.Logo] {
		return // a symbolic link, already reported
	}
	st, err := l.lstat(e.Logo)
	switch {
	case err != nil:
		c.add("logo", "%s: no such file in %s", e.Logo, l.dir)
		return
	case !st.Mode().IsRegular():
		c.add("logo", "%s is %s, not a regular file", e.Logo, notRegular(st.Mode()))
		return
	case st.Size() > MaxLogoBytes:
		c.add("logo", "%s is too large: %d bytes (at most %d)", e.Logo, st.Size(), MaxLogoBytes)
		return
	}
	b, err := fs.ReadFile(l.fsys, e.Logo)
	if err != nil {
		c.add("logo", "cannot read %s: %v", e.Logo, unwrapPath(err))
		return
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	switch {
	case err != nil:
		c.add("logo", "%s is not a readable PNG or JPEG image", e.Logo)
		return
	case cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide || cfg.Width*cfg.Height > MaxLogoPixels:
		c.add("logo", "%s is %d × %d pixels: at most %d on a side and %d pixels in all", e.Logo, cfg.Width, cfg.Height, MaxLogoSide, MaxLogoPixels)
		return
	case format != "png" && format != "jpeg":
		c.add("logo", "%s is a %s image: use PNG or JPEG", e.Logo, format)
		return
	}
	if why := pdfCannotEmbed(b, format); why != "" {
		c.add("logo", "%s is %s: the PDF writer cannot embed it; %s", e.Logo, why, "save it as an 8-bit, non-interlaced PNG or a baseline JPEG")
		return
	}
	// Decode it once now, within the limits, so that a broken body fails
	// here rather than in a backend.
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		c.add("logo", "%s cannot be decoded: %v", e.Logo, err)
		return
	}
	e.LogoData, e.LogoSize = b, [2]int{cfg.Width, cfg.Height}
}

// pdfCannotEmbed says why the PDF writer (gopdf v0.33, image_obj_parse.go)
// would refuse an image that Go decodes, or "" when it embeds it: gopdf
// reads a PNG's header itself and stops at a bit depth over 8, an
// interlaced image or an unknown colour type; a JPEG must be RGB (YCbCr),
// grey or CMYK. check then fails where build would.
func pdfCannotEmbed(b []byte, format string) string {
	switch format {
	case "png":
		// Signature (8), IHDR length (4) and type (4), width, height (8),
		// then bit depth, colour type, compression, filter, interlace.
		if len(b) < 29 || string(b[12:16]) != "IHDR" {
			return "a PNG whose first chunk is not its header"
		}
		depth, ctype, interlace := b[24], b[25], b[28]
		switch {
		case depth > 8:
			return fmt.Sprintf("a %d-bit PNG", depth)
		case interlace != 0:
			return "an interlaced PNG"
		case ctype != 0 && ctype != 2 && ctype != 3 && ctype != 4 && ctype != 6:
			return fmt.Sprintf("a PNG of unknown colour type %d", ctype)
		case b[26] != 0 || b[27] != 0:
			return "a PNG with an unknown compression or filter method"
		}
	case "jpeg":
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(b))
		if err != nil {
			return "an unreadable JPEG"
		}
		switch cfg.ColorModel {
		case color.YCbCrModel, color.GrayModel, color.CMYKModel:
		default:
			return "a JPEG in a colour model other than RGB, grey or CMYK"
		}
	}
	return ""
}
