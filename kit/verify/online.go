package verify

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Hop is one redirect: the status that sent the client on, and where to.
type Hop struct {
	Status int
	From   string
	To     string
}

// Result is what the online check found for one URL.
type Result struct {
	URL      string
	Final    string // the URL that answered, after redirects
	Status   int    // its HTTP status; 0 when none answered
	Hops     []Hop
	Problems []string // empty: the URL is fine
}

// OK reports whether the URL answered over HTTPS with a 2xx status, with a
// valid certificate and no downgrade on the way.
func (r Result) OK() bool { return len(r.Problems) == 0 }

// Checker checks URLs over the network. Client is used as given, except
// that its redirects are followed by the checker (to list and judge each
// hop); tests inject a client that trusts a local test server.
type Checker struct {
	Client       *http.Client
	Timeout      time.Duration // per URL; 15 s when zero
	MaxRedirects int           // 10 when zero
}

// errDowngrade stops a redirect to anything but https.
var errDowngrade = errors.New("redirect leaves HTTPS")

// Check fetches one URL: GET, redirects followed (each listed), at most
// 64 KB of the body read.
func (c Checker) Check(ctx context.Context, raw string) Result {
	r := Result{URL: raw}
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		r.Problems = append(r.Problems, "not an https:// URL: not fetched")
		return r
	}
	timeout, maxR := c.Timeout, c.MaxRedirects
	if timeout <= 0 {
		timeout = 15 * time.Second
	}
	if maxR <= 0 {
		maxR = 10
	}
	base := c.Client
	if base == nil {
		base = http.DefaultClient
	}
	cl := *base
	cl.Timeout = timeout
	cl.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		prev := via[len(via)-1]
		st := 0
		if req.Response != nil {
			st = req.Response.StatusCode
		}
		r.Hops = append(r.Hops, Hop{Status: st, From: prev.URL.String(), To: req.URL.String()})
		if req.URL.Scheme != "https" {
			return errDowngrade
		}
		if len(via) > maxR {
			return fmt.Errorf("more than %d redirects", maxR)
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		r.Problems = append(r.Problems, err.Error())
		return r
	}
	req.Header.Set("User-Agent", "awarekit-verify (checks the links of an awareness kit)")
	resp, err := cl.Do(req)
	if err != nil {
		r.Problems = append(r.Problems, describe(err, r.Hops))
		return r
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	r.Status, r.Final = resp.StatusCode, resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		r.Problems = append(r.Problems, fmt.Sprintf("status %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)))
	}
	return r
}

// describe turns a client error into what a person needs to know.
func describe(err error, hops []Hop) string {
	var (
		unknown  x509.UnknownAuthorityError
		invalid  x509.CertificateInvalidError
		hostname x509.HostnameError
	)
	switch {
	case errors.Is(err, errDowngrade):
		to := ""
		if len(hops) > 0 {
			to = hops[len(hops)-1].To
		}
		return "downgrade: redirected to " + to + " (not HTTPS): not followed"
	case errors.As(err, &unknown), errors.As(err, &invalid), errors.As(err, &hostname), strings.Contains(err.Error(), "tls: failed to verify certificate"):
		return "certificate not valid: " + rootCause(err)
	case errors.Is(err, context.DeadlineExceeded) || isTimeout(err):
		return "no answer before the timeout"
	}
	return "no answer: " + rootCause(err)
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func rootCause(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}

// Online checks every URL in turn, writing one progress line per URL to
// progress, and returns the results in the same order.
func (c Checker) Online(ctx context.Context, urls []string, progress io.Writer) []Result {
	out := make([]Result, 0, len(urls))
	for i, u := range urls {
		r := c.Check(ctx, u)
		var sum []string
		if r.Status != 0 {
			sum = append(sum, fmt.Sprint(r.Status))
		}
		if n := len(r.Hops); n > 0 {
			sum = append(sum, fmt.Sprintf("%d redirect%s", n, map[bool]string{true: "", false: "s"}[n == 1]))
		}
		if r.OK() {
			sum = append(sum, "ok")
		} else {
			sum = append(sum, r.Problems...)
		}
		fmt.Fprintf(progress, "[%d/%d] %s ... %s\n", i+1, len(urls), u, strings.Join(sum, ", "))
		out = append(out, r)
	}
	return out
}

// Report writes the results of the online check as Markdown.
func Report(rs []Result) []byte {
	var b strings.Builder
	bad := 0
	for _, r := range rs {
		if !r.OK() {
			bad++
		}
	}
	fmt.Fprintf(&b, "# Online check of the addresses\n\n%d addresses, %d with a problem. An address that answers is not yet a verified fact: a person still checks that it is the service's own page (see the checklist).\n", len(rs), bad)
	for _, r := range rs {
		state := "OK"
		if !r.OK() {
			state = "PROBLEM"
		}
		fmt.Fprintf(&b, "\n## %s: <%s>\n\n", state, r.URL)
		if r.Status != 0 {
			fmt.Fprintf(&b, "- Answered: %d %s at <%s>\n", r.Status, http.StatusText(r.Status), r.Final)
		}
		for _, h := range r.Hops {
			fmt.Fprintf(&b, "- Redirect %d: <%s> → <%s>\n", h.Status, h.From, h.To)
		}
		for _, p := range r.Problems {
			fmt.Fprintf(&b, "- Problem: %s\n", md(p))
		}
	}
	return []byte(b.String())
}
