// Package diag collects problems found in user input so that a run can report
// every one of them at once, each with its file, position and field.
//
// It knows nothing of YAML, posters or sites: loaders and the layout add
// problems; the command line prints the sorted list once, at the top.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with the input.
type Problem struct {
	File  string // path as the user gave it, slash-separated
	Line  int    // 1-based; 0 when the problem concerns the whole file
	Col   int    // 1-based; 0 when unknown
	Field string // dotted path of the field (contacts[2].phone.dial), or a poster box
	Msg   string
}

// String formats the problem as file:line:col: field: message.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	b.WriteString(": ")
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// List is a set of problems; it is an error when not empty.
type List []Problem

// Add appends a problem.
func (l *List) Add(file string, line, col int, field, format string, args ...any) {
	*l = append(*l, Problem{File: file, Line: line, Col: col, Field: field, Msg: fmt.Sprintf(format, args...)})
}

// Sort orders problems by file, position, field and message, and drops
// exact duplicates.
func (l List) Sort() List {
	s := slices.Clone(l)
	slices.SortFunc(s, func(a, b Problem) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(s)
}

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return &Error{Problems: l.Sort()}
}

// Error carries a sorted list of problems.
type Error struct {
	Problems List
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
