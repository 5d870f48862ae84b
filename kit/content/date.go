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

// MinDate is the earliest date the data may hold: nothing in this kit's
// sources is older, and 1901-01-01 or 0001-01-01 is a typing mistake.
var MinDate = MustDate("2000-01-01")

// CheckRange returns what is wrong with a date of the data, or "": a date
// before MinDate is an error.
func (d Date) CheckRange() string {
	if !d.IsZero() && d.t.Before(MinDate.t) {
		return fmt.Sprintf("%s is before %s: check the year", d, MinDate)
	}
	return ""
}

// CheckVerification returns what is wrong with the date of a
// verification (the day a person checked a live service), or "": before
// MinDate, or after the day of now. A day of slack covers the time zones
// east of UTC. now is the run's time, given by the caller (never read
// here); the zero time skips the future check.
func (d Date) CheckVerification(now time.Time) string {
	if msg := d.CheckRange(); msg != "" {
		return msg
	}
	if !d.IsZero() && !now.IsZero() && d.t.After(now.UTC().Add(24*time.Hour)) {
		return fmt.Sprintf("%s is in the future: a verification date is the day someone checked the service", d)
	}
	return ""
}
