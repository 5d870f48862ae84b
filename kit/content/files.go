package content

import (
	"fmt"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// Every file of an edition is looked at with Lstat before it is opened:
// only regular files are read. A symbolic link could point anywhere on the
// machine (its target would be read, published, or quoted in a message),
// and opening a named pipe blocks until someone writes to it, so that a
// FIFO named contacts.yaml would hang check forever. Links are refused
// even when they stay inside the folder: simpler to explain, and safe.

// lstat describes name without following a link.
func (l *loader) lstat(name string) (fs.FileInfo, error) { return fs.Lstat(l.fsys, name) }

// notRegular says what a file that is not a regular file is, for messages,
// or "" for a regular file.
func notRegular(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return ""
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// quote shows a value of the data in a message: quoted, and cut after 60
// characters, so that a message never reproduces a long text (or a file
// pasted into a field).
func quote(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return fmt.Sprintf("%q", s)
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if n == max {
			break
		}
		b.WriteRune(r)
		n++
	}
	return fmt.Sprintf("%q…", b.String())
}
