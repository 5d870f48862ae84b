package content

import (
	"encoding/json"
	"fmt"
)

// UnmarshalJSON reads a date written by MarshalJSON ("YYYY-MM-DD", or ""
// for none): the personalisation page reads an edition back from the
// content.json the build wrote.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be a string: %w", err)
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
