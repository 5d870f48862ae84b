package content

import (
	"fmt"
	"time"
)

// Date is a calendar day without time or zone, written 2026-11-24.
type Date struct{ t time.Time }

// ParseDate reads YYYY-MM-DD.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("invalid date %q (want YYYY-MM-DD, e.g. 2026-11-24)", s)
	}
	return Date{t}, nil
}

// MustDate is ParseDate for constants in tests and defaults.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns midnight UTC of the day.
func (d Date) Time() time.Time { return d.t }

// String returns YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// MarshalJSON writes the date as "YYYY-MM-DD".
func (d Date) MarshalJSON() ([]byte, error) { return []byte(`"` + d.String() + `"`), nil }
