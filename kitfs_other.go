//go:build !unix

package awarekit

import "os"

// openNoFollow opens a file for reading; where the system has no
// O_NOFOLLOW, the caller's check of the opened file stands alone.
func openNoFollow(name string) (*os.File, error) { return os.Open(name) }
