package typo

import (
	"fmt"
	"strconv"
	"strings"
)

// Locale is what a language prints its own way: its writing direction,
// typography (Rules), dates, decimal numbers and file-size units. kit/i18n
// reads it from the kit's i18n/locale/<lang>.yaml and checks it; a nil
// *Locale is left to right, the zero Rules with ISO dates, a decimal point
// and B, kB, MB.
type Locale struct {
	Lang string // ISO 639-1 code, e.g. "fr"
	// RTL: the language is written right to left (direction: rtl). It is
	// the one source of the direction: the site's <html dir> and the
	// posters (paragraphs set right to left, designs mirrored) read it.
	RTL   bool
	Rules Rules
	Dates Dates
	// Decimal is the decimal separator ("," or "."); "" is ".".
	Decimal string
	// ByteUnits name bytes, kilobytes and megabytes (o, ko, Mo).
	ByteUnits [3]string
	// ListSeparator joins the items of a list ("guide OFMIN (mars 2024),
	// Ma Sécurité"); "" is ", ". Arabic writes "، ".
	ListSeparator string
}

// List joins items with the locale's list separator.
func (l *Locale) List(items []string) string {
	sep := ", "
	if l != nil && l.ListSeparator != "" {
		sep = l.ListSeparator
	}
	return strings.Join(items, sep)
}

// Dates are the language's date patterns. {d} is the day (7), {dd} the
// day on two digits (07), {mm} the month on two digits, {month} its name
// (Months), {yyyy} the year.
type Dates struct {
	Numeric   string     // a date in figures: {dd}/{mm}/{yyyy}
	Long      string     // a date in words: {d} {month} {yyyy}
	MonthYear string     // a month: {month} {yyyy}
	DayOne    string     // how the first of the month is written in Long (French 1er); "" is 1
	Months    [12]string // month names as Long writes them
	// MonthsAlone are the names as MonthYear writes them, where the
	// language inflects them (Ukrainian: грудня 2025 in a date, грудень
	// 2025 alone); empty: Months.
	MonthsAlone [12]string
}

// RightToLeft reports whether the language is written right to left.
func (l *Locale) RightToLeft() bool { return l != nil && l.RTL }

// Dir is the language's direction as HTML's dir attribute writes it:
// "rtl" or "ltr".
func (l *Locale) Dir() string {
	if l.RightToLeft() {
		return "rtl"
	}
	return "ltr"
}

// Apply returns s with the locale's typography (see Rules.Apply).
func (l *Locale) Apply(s string) string {
	if l == nil {
		return (*Rules)(nil).Apply(s)
	}
	return l.Rules.Apply(s)
}

// ApplyMarkdown applies the locale's typography to the text of a Markdown
// document (see Rules.ApplyMarkdown).
func (l *Locale) ApplyMarkdown(md string) string {
	if l == nil {
		return (*Rules)(nil).ApplyMarkdown(md)
	}
	return l.Rules.ApplyMarkdown(md)
}

// NumericDate writes a date in figures (17/12/2025, 17.12.2025); nil
// writes 2025-12-17.
func (l *Locale) NumericDate(year, month, day int) string {
	pat := "{yyyy}-{mm}-{dd}"
	if l != nil && l.Dates.Numeric != "" {
		pat = l.Dates.Numeric
	}
	return l.fill(pat, year, month, day, "")
}

// Date writes a date at its own precision, month names from the locale:
// 2017, mars 2024, 17 décembre 2025, 1er avril 2026 (month or day 0:
// not known). Typography is not applied.
func (l *Locale) Date(year, month, day int) string {
	y := strconv.Itoa(year)
	if month < 1 || month > 12 {
		return y
	}
	if l == nil {
		if day == 0 {
			return fmt.Sprintf("%04d-%02d", year, month)
		}
		return l.NumericDate(year, month, day)
	}
	d := l.Dates
	if day == 0 {
		name := d.MonthsAlone[month-1]
		if name == "" {
			name = d.Months[month-1]
		}
		return l.fill(or(d.MonthYear, "{month} {yyyy}"), year, month, 0, name)
	}
	return l.fill(or(d.Long, "{d} {month} {yyyy}"), year, month, day, d.Months[month-1])
}

func (l *Locale) fill(pat string, year, month, day int, name string) string {
	if name == "" {
		name = strconv.Itoa(month)
	}
	dd := strconv.Itoa(day)
	if day == 1 && l != nil && l.Dates.DayOne != "" {
		dd = l.Dates.DayOne
	}
	return strings.NewReplacer(
		"{dd}", fmt.Sprintf("%02d", day), "{d}", dd, "{mm}", fmt.Sprintf("%02d", month),
		"{month}", name, "{yyyy}", strconv.Itoa(year),
	).Replace(pat)
}

// Bytes writes a file size: 812 o, 48 ko, 1,2 Mo, the number and its unit
// joined by a no-break space.
func (l *Locale) Bytes(n int64) string {
	units := [3]string{"B", "kB", "MB"}
	dec := "."
	if l != nil {
		if l.ByteUnits[0] != "" {
			units = l.ByteUnits
		}
		dec = or(l.Decimal, ".")
	}
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f\u00a0%s", float64(n)/(1<<20), units[2]), ".", dec, 1)
	case n >= 1<<10:
		return fmt.Sprintf("%.0f\u00a0%s", float64(n)/(1<<10), units[1])
	}
	return fmt.Sprintf("%d\u00a0%s", n, units[0])
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
