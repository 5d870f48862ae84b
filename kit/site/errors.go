package site

import (
	"io/fs"
	"path"
	"regexp"
	"strings"

	"github.com/awarekit/awarekit/kit/kitset"
)

// Hugo names the files of the temporary project in its errors
// (/tmp/…/.site-123/project/layouts/home.html:3:8), and reports a parse
// error in a page's template against baseof.html, where the two are
// joined. templateError rewrites such an error to name the file the user
// can open: the kit folder's own layouts/… file, or awarekit's embedded
// default, with the line and column of the error.
type templateError struct {
	msg string
	err error
}

func (e *templateError) Error() string { return e.msg }
func (e *templateError) Unwrap() error { return e.err }

var (
	// "PROJ/layouts/x.html:3:8": execute of template failed: template: x.html:3:8: why
	hugoLoc = regexp.MustCompile(`"([^"]+):(\d+):(\d+)": ([^:]+(?: [^:]+)*?): template: ([^:\s]+):(\d+)(?::(\d+))?: `)
)

// templateErr returns err with the project's paths replaced by the user's
// files (see templateError); other errors are returned as they are.
func templateErr(err error, proj string, kit *kitset.Kit) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	if !strings.Contains(msg, proj) {
		return err
	}
	name := func(rel string) string { // rel: layouts/home.html
		if kit.User != nil { // the kit folder's own file, on disk or in memory
			if fi, err := fs.Stat(kit.User, rel); err == nil && fi.Mode().IsRegular() {
				return path.Join(kitset.Shown(kit.Root), rel)
			}
		}
		if rel == "content/_content.gotmpl" {
			return "kit/site/content/_content.gotmpl (awarekit's content adapter)"
		}
		return rel + " (awarekit's default)"
	}
	// The innermost location is where the error is (a partial called by
	// a page names the page first); the outer ones say where from.
	var locs []string
	rest := ""
	for _, m := range hugoLoc.FindAllStringSubmatchIndex(msg, -1) {
		rel, ok := strings.CutPrefix(msg[m[2]:m[3]], proj+"/")
		if !ok {
			continue
		}
		line, col := msg[m[4]:m[5]], msg[m[6]:m[7]]
		tmpl, tline := msg[m[10]:m[11]], msg[m[12]:m[13]]
		tcol := ""
		if m[14] >= 0 {
			tcol = msg[m[14]:m[15]]
		}
		// The template that failed, when Hugo names the base template it
		// was joined with (a parse error in home.html reported against
		// baseof.html).
		if strings.HasPrefix(rel, "layouts/") && "layouts/"+tmpl != rel && !strings.Contains(tmpl, "..") {
			rel, line, col = "layouts/"+tmpl, tline, tcol
		}
		loc := name(rel) + ":" + line
		if col != "" {
			loc += ":" + col
		}
		locs = append(locs, loc)
		rest = msg[m[1]:]
	}
	if n := len(locs); n > 0 {
		s := locs[n-1] + ": " + strings.ReplaceAll(rest, proj+"/", "")
		for i := n - 2; i >= 0; i-- {
			s += " (called from " + locs[i] + ")"
		}
		return &templateError{msg: s, err: err}
	}
	return &templateError{msg: strings.ReplaceAll(msg, proj+"/", ""), err: err}
}
