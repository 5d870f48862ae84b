package build

import (
	"fmt"
	"strconv"
	"time"
)

// ParseEpoch reads a SOURCE_DATE_EPOCH value (reproducible-builds.org:
// seconds since 1970), which overrides the dates taken from the data. The
// command reads the variable and passes the time in Options.SourceDate;
// an empty value is the zero time (the data's dates).
func ParseEpoch(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: not a number of seconds since 1970", v)
	}
	return time.Unix(n, 0).UTC(), nil
}
