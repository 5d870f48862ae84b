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

// FieldError is a problem with one field. Msg is in English (the CLI
// prints it); Code names the kind of problem so that the web page can say
// it in the edition's language (i18n key perso_err_<code>), with N the
// number the message holds (the limit, the lines too many), if any.
type FieldError struct {
	Field string `json:"field"`
	Msg   string `json:"msg"`
	Code  string `json:"code,omitempty"`
	N     int    `json:"n,omitempty"`
}

// The codes of FieldError.
const (
	CodeUnknown   = "unknown"   // not a field of the form
	CodeMissing   = "missing"   // local_name is empty
	CodeText      = "text"      // invalid UTF-8, a control or direction character
	CodeLong      = "long"      // over the field's length limit (N: the limit)
	CodePhone     = "phone"     // not a phone number valid in the edition's region
	CodePremium   = "premium"   // a premium-rate number
	CodeURL       = "url"       // not https://, no valid host, a user part
	CodeLogoLarge = "logo_size" // over MaxLogoBytes (N: the limit in bytes) or the pixel limits
	CodeLogoType  = "logo_type" // not a PNG or JPEG image, or damaged
	CodeFit       = "fit"       // does not fit the block at its smallest size (N: lines too many; set by kit/personalise)
)

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
	add := func(f string, p problem) { errs = append(errs, FieldError{Field: f, Msg: p.msg, Code: p.code, N: p.n}) }
	for k := range values {
		if !isField(k) {
			add(k, problem{CodeUnknown, fmt.Sprintf("unknown field (the fields are %s)", strings.Join(Fields, ", ")), 0})
		}
	}
	b := &Block{}
	for _, f := range Fields {
		v := strings.TrimSpace(values[f])
		if p := checkText(v, MaxLen[f]); p.msg != "" {
			add(f, p)
			continue
		}
		switch f {
		case FieldName:
			if v == "" {
				add(f, problem{CodeMissing, "missing: the name of the school, station or organisation", 0})
			}
			b.Name = v
		case FieldRole:
			b.Role = v
		case FieldPhone:
			if v != "" {
				dial, p := checkPhone(v, region)
				if p.msg != "" {
					add(f, p)
				}
				b.Phone, b.Dial = v, dial
			}
		case FieldHours:
			b.Hours = v
		case FieldAddress:
			b.Address = v
		case FieldURL:
			if v != "" {
				if p := checkURL(v); p.msg != "" {
					add(f, p)
				}
				b.URL = v
			}
		}
	}
	if logo != nil {
		size, p := checkLogo(logo)
		if p.msg != "" {
			add(FieldLogo, p)
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

// problem is what a check found: its code, its English message and the
// number it holds.
type problem struct {
	code, msg string
	n         int
}

// checkText refuses invalid UTF-8, control characters (line breaks
// included: every field is one line), bidi controls and texts over max
// characters.
func checkText(v string, max int) problem {
	if !utf8.ValidString(v) {
		return problem{CodeText, "not valid UTF-8 text", 0}
	}
	for _, r := range v {
		switch {
		case isBidi(r):
			return problem{CodeText, fmt.Sprintf("contains the invisible direction character U+%04X: remove it", r), 0}
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			return problem{CodeText, fmt.Sprintf("contains the control character U+%04X (one line of text, no tabs)", r), 0}
		}
	}
	if n := utf8.RuneCountInString(v); n > max {
		return problem{CodeLong, fmt.Sprintf("too long: %d characters (at most %d)", n, max), max}
	}
	return problem{}
}

func isBidi(r rune) bool {
	return r == '\u061c' || r == '\u200e' || r == '\u200f' || (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// checkPhone returns the number's E.164 form, or why it is refused.
// Prepare reads libphonenumber's metadata for the numbers and the short
// numbers now: it is read on first use (third_party/phonenumbers
// CHANGES.md), and the personalisation page asks for it once its first
// preview is drawn, so that the first number typed is checked as fast as
// the next ones.
func Prepare(region string) {
	if n, err := phonenumbers.Parse("112", region); err == nil {
		phonenumbers.IsValidShortNumberForRegion(n, region)
	}
}

func checkPhone(v, region string) (dial string, p problem) {
	for _, r := range v {
		if !strings.ContainsRune("0123456789+ .-()\u00a0\u202f", r) {
			return "", problem{CodePhone, fmt.Sprintf("%q is not a phone number (digits, spaces, + . - ( ) only)", v), 0}
		}
	}
	num, err := phonenumbers.Parse(v, region)
	if err != nil {
		return "", problem{CodePhone, fmt.Sprintf("%q is not a phone number valid in %s", v, region), 0}
	}
	digits := phonenumbers.GetNationalSignificantNumber(num)
	short := phonenumbers.IsValidShortNumberForRegion(num, region)
	if !phonenumbers.IsValidNumberForRegion(num, region) && !short {
		return "", problem{CodePhone, fmt.Sprintf("%q is not a phone number valid in %s", v, region), 0}
	}
	if !short && phonenumbers.GetNumberType(num) == phonenumbers.PREMIUM_RATE {
		return "", problem{CodePremium, fmt.Sprintf("%q is a premium-rate number: give a number that costs the caller nothing or a normal rate", v), 0}
	}
	if short {
		return digits, problem{}
	}
	return phonenumbers.Format(num, phonenumbers.E164), problem{}
}

// checkURL accepts an absolute https URL with a host and no user part.
func checkURL(v string) problem {
	u, err := url.Parse(v)
	msg := ""
	switch {
	case err != nil || strings.ContainsAny(v, " \\"):
		msg = fmt.Sprintf("%q is not a valid URL", v)
	case u.Scheme != "https" || u.Host == "" || u.Opaque != "":
		msg = fmt.Sprintf("%q must be an address starting with https://", v)
	case u.User != nil:
		msg = fmt.Sprintf("%q has a user part before @: give the site's address only", v)
	case u.Hostname() == "" || strings.HasPrefix(u.Hostname(), ".") || !strings.Contains(u.Hostname(), "."):
		msg = fmt.Sprintf("%q has no valid host name", v)
	}
	if msg == "" {
		return problem{}
	}
	return problem{CodeURL, msg, 0}
}

// checkLogo returns the logo's size in pixels, or why it is refused.
func checkLogo(b []byte) ([2]int, problem) {
	if len(b) > MaxLogoBytes {
		return [2]int{}, problem{CodeLogoLarge, fmt.Sprintf("the logo is too large: %d bytes (at most %d)", len(b), MaxLogoBytes), MaxLogoBytes}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	switch {
	case err != nil || (format != "png" && format != "jpeg"):
		return [2]int{}, problem{CodeLogoType, "the logo is not a PNG or JPEG image", 0}
	case cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide || cfg.Width*cfg.Height > MaxLogoPixels:
		return [2]int{}, problem{CodeLogoLarge, fmt.Sprintf("the logo is %d × %d pixels: at most %d on a side and %d pixels in all", cfg.Width, cfg.Height, MaxLogoSide, MaxLogoPixels), MaxLogoBytes}
	}
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return [2]int{}, problem{CodeLogoType, "the logo cannot be decoded: the file is damaged", 0}
	}
	return [2]int{cfg.Width, cfg.Height}, problem{}
}
