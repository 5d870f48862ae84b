package build

import (
	"os"
	"strconv"
	"time"
)

// sourceDateEpoch reads SOURCE_DATE_EPOCH (reproducible-builds.org), which
// overrides the dates taken from the data.
func sourceDateEpoch() (time.Time, bool) {
	v := os.Getenv("SOURCE_DATE_EPOCH")
	if v == "" {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}
