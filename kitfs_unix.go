//go:build unix

package awarekit

import (
	"os"
	"syscall"
)

// openNoFollow opens a file for reading, failing on a symbolic link and
// never blocking on a FIFO.
func openNoFollow(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
}
