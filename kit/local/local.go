// Package local holds the local block of a personalised poster: the
// contact a school, police station or NGO adds under the national content
// (local_name, local_role, local_phone, local_hours, local_address,
// local_url and an optional logo), and its validation with the rules of
// `awarekit check`: a phone number valid for the edition's region and not
// premium rate, an https URL without a user part, no control or bidi
// characters, length limits, a logo that really is a PNG or JPEG within
// size limits. Every problem is reported per field, all at once.
//
// It only checks and holds values; it reads no file and draws nothing
// (kit/layout places the block, the CLI and the WebAssembly page feed it).
// The block is the distributing organisation's: nothing in it is sourced
// or verified by the publisher.
package local

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // logos may be JPEG
	_ "image/png"  // or PNG
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// The form's field names, in the order they are printed: the CSV columns
// of `awarekit personalise` and the name attributes of the web form.
const (
	FieldName    = "local_name"
	FieldRole    = "local_role"
	FieldPhone   = "local_phone"
	FieldHours   = "local_hours"
	FieldAddress = "local_address"
	FieldURL     = "local_url"
	FieldLogo    = "local_logo"
)

// Fields lists the text fields in printing order.
var Fields = []string{FieldName, FieldRole, FieldPhone, FieldHours, FieldAddress, FieldURL}

// Limits: lengths in characters, and the logo's bytes and pixels (checked
// from the header before the image is decoded).
var MaxLen = map[string]int{
	FieldName: 80, FieldRole: 80, FieldPhone: 30, FieldHours: 120, FieldAddress: 160, FieldURL: 200,
}

const (
	MaxLogoBytes  = 1 << 20
	MaxLogoSide   = 3000
	MaxLogoPixels = 6_000_000
)

// Block is a checked local block.
type Block struct {
	Name, Role, Phone, Hours, Address, URL string
	Dial                                   string // the phone in E.164 form, for tel: links
	Logo                                   []byte // PNG or JPEG, checked; nil when none
	LogoSize                               [2]int // pixels
}

// Get returns the value of a text field.
func (b *Block) Get(field string) string {
	switch field {
	case FieldName:
		return b.Name
	case FieldRole:
		return b.Role
	case FieldPhone:
		return b.Phone
	case FieldHours:
		return b.Hours
	case FieldAddress:
		return b.Address
	case FieldURL:
		return b.URL
	}
	return ""
}

// FieldError is a problem with one field.
type FieldError struct {
	Field string `json:"field"`
	Msg   string `json:"msg"`
}

func (e FieldError) Error() string { return e.Field + ": " + e.Msg }

// Errors lists every problem found, in field order.
type Errors []FieldError

func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "; ")
}

// Parse checks the values of a form or CSV row (field name → text) and the
// logo's bytes (nil when none), for an edition of region (FR, LU…). Unknown
// field names are problems too.
func Parse(values map[string]string, logo []byte, region string) (*Block, Errors) {
	var errs Errors
	add := func(f, format string, args ...any) { errs = append(errs, FieldError{f, fmt.Sprintf(format, args...)}) }
	for k := range values {
		if !isField(k) {
			add(k, "unknown field (the fields are %s)", strings.Join(Fields, ", "))
		}
	}
	b := &Block{}
	for _, f := range Fields {
		v := strings.TrimSpace(values[f])
		if msg := checkText(v, MaxLen[f]); msg != "" {
			add(f, "%s", msg)
			continue
		}
		switch f {
		case FieldName:
			if v == "" {
				add(f, "missing: the name of the school, station or organisation")
			}
			b.Name = v
		case FieldRole:
			b.Role = v
		case FieldPhone:
			if v != "" {
				dial, msg := checkPhone(v, region)
				if msg != "" {
					add(f, "%s", msg)
				}
				b.Phone, b.Dial = v, dial
			}
		case FieldHours:
			b.Hours = v
		case FieldAddress:
			b.Address = v
		case FieldURL:
			if v != "" {
				if msg := checkURL(v); msg != "" {
					add(f, "%s", msg)
				}
				b.URL = v
			}
		}
	}
	if logo != nil {
		size, msg := checkLogo(logo)
		if msg != "" {
			add(FieldLogo, "%s", msg)
		} else {
			b.Logo, b.LogoSize = logo, size
		}
	}
	// Unknown fields first in map order would not be stable: sort them in
	// field order, unknown ones last by name.
	sortErrors(errs)
	if len(errs) > 0 {
		return nil, errs
	}
	return b, nil
}

func isField(k string) bool {
	for _, f := range Fields {
		if k == f {
			return true
		}
	}
	return k == FieldLogo
}

func rank(f string) int {
	for i, g := range Fields {
		if f == g {
			return i
		}
	}
	if f == FieldLogo {
		return len(Fields)
	}
	return len(Fields) + 1
}

func sortErrors(es Errors) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0; j-- {
			a, b := es[j-1], es[j]
			if rank(a.Field) > rank(b.Field) || rank(a.Field) == rank(b.Field) && rank(a.Field) > len(Fields) && a.Field > b.Field {
				es[j-1], es[j] = b, a
			}
		}
	}
}

// checkText refuses invalid UTF-8, control characters (line breaks
// included: every field is one line), bidi controls and texts over max
// characters.
func checkText(v string, max int) string {
	if !utf8.ValidString(v) {
		return "not valid UTF-8 text"
	}
	for _, r := range v {
		switch {
		case isBidi(r):
			return fmt.Sprintf("contains the invisible direction character U+%04X: remove it", r)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return fmt.Sprintf("contains the control character U+%04X (one line of text, no tabs)", r)
		}
	}
	if n := utf8.RuneCountInString(v); n > max {
		return fmt.Sprintf("too long: %d characters (at most %d)", n, max)
	}
	return ""
}

func isBidi(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// checkPhone returns the number's E.164 form, or why it is refused.
func checkPhone(v, region string) (dial, msg string) {
	for _, r := range v {
		if !strings.ContainsRune("0123456789+ .-()\u00a0\u202f", r) {
			return "", fmt.Sprintf("%q is not a phone number (digits, spaces, + . - ( ) only)", v)
		}
	}
	num, err := phonenumbers.Parse(v, region)
	if err != nil {
		return "", fmt.Sprintf("%q is not a phone number valid in %s", v, region)
	}
	digits := phonenumbers.GetNationalSignificantNumber(num)
	short := phonenumbers.IsValidShortNumberForRegion(num, region)
	if !phonenumbers.IsValidNumberForRegion(num, region) && !short {
		return "", fmt.Sprintf("%q is not a phone number valid in %s", v, region)
	}
	if !short && phonenumbers.GetNumberType(num) == phonenumbers.PREMIUM_RATE {
		return "", fmt.Sprintf("%q is a premium-rate number: give a number that costs the caller nothing or a normal rate", v)
	}
	if short {
		return digits, ""
	}
	return phonenumbers.Format(num, phonenumbers.E164), ""
}

// checkURL accepts an absolute https URL with a host and no user part.
func checkURL(v string) string {
	u, err := url.Parse(v)
	switch {
	case err != nil || strings.ContainsAny(v, " \\"):
		return fmt.Sprintf("%q is not a valid URL", v)
	case u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		return fmt.Sprintf("%q must be an address starting with https://", v)
	case u.User != nil:
		return fmt.Sprintf("%q has a user part before @: give the site's address only", v)
	case u.Hostname() == "" || strings.HasPrefix(u.Hostname(), ".") || !strings.Contains(u.Hostname(), "."):
		return fmt.Sprintf("%q has no valid host name", v)
	}
	return ""
}

// checkLogo returns the logo's size in pixels, or why it is refused.
func checkLogo(b []byte) ([2]int, string) {
	if len(b) > MaxLogoBytes {
		return [2]int{}, fmt.Sprintf("the logo is too large: %d bytes (at most %d)", len(b), MaxLogoBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	switch {
	case err != nil || (format != "png" && format != "jpeg"):
		return [2]int{}, "the logo is not a PNG or JPEG image"
	case cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide || cfg.Width*cfg.Height > MaxLogoPixels:
		return [2]int{}, fmt.Sprintf("the logo is %d × %d pixels: at most %d on a side and %d pixels in all", cfg.Width, cfg.Height, MaxLogoSide, MaxLogoPixels)
	}
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return [2]int{}, "the logo cannot be decoded: the file is damaged"
	}
	return [2]int{cfg.Width, cfg.Height}, ""
}
