package verify

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestOnline checks URLs against local HTTPS servers, never the internet:
// the client that trusts the test server's certificate is injected.
func TestOnline(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("plain")) }))
	defer plain.Close()
	mux := http.NewServeMux()
	srv := httptest.NewTLSServer(mux)
	defer srv.Close()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("hello")) })
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusMovedPermanently) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, srv.URL+"/ok", http.StatusFound) })
	mux.HandleFunc("/down", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, plain.URL+"/x", http.StatusFound) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})

	c := Checker{Client: srv.Client(), Timeout: 2 * time.Second}
	for _, tc := range []struct {
		name, path string
		status     int
		hops       int
		problem    string // "" when OK
		client     *http.Client
		url        string
	}{
		{name: "ok", path: "/ok", status: 200},
		{name: "404", path: "/gone", status: 404, problem: "status 404 Not Found"},
		{name: "redirect chain", path: "/a", status: 200, hops: 2},
		{name: "downgrade to http", path: "/down", hops: 1, problem: "downgrade: redirected to " + plain.URL + "/x (not HTTPS): not followed"},
		{name: "redirect loop", path: "/loop", hops: 11, problem: "no answer: more than 10 redirects"},
		{name: "bad certificate", path: "/ok", client: &http.Client{}, problem: "certificate not valid: tls: failed to verify certificate: x509: certificate signed by unknown authority"},
		{name: "http URL", url: plain.URL + "/ok", problem: "not an https:// URL: not fetched"},
		{name: "timeout", path: "/slow", problem: "no answer before the timeout"},
	} {
		cc := c
		if tc.client != nil {
			cc.Client = tc.client
		}
		if tc.name == "timeout" {
			cc.Timeout = 200 * time.Millisecond
		}
		u := tc.url
		if u == "" {
			u = srv.URL + tc.path
		}
		r := cc.Check(context.Background(), u)
		got := strings.Join(r.Problems, "; ")
		if got != tc.problem || r.Status != tc.status || len(r.Hops) != tc.hops || r.OK() != (tc.problem == "") {
			t.Errorf("%s: status %d, %d hops, problems %q; want %d, %d, %q", tc.name, r.Status, len(r.Hops), got, tc.status, tc.hops, tc.problem)
		}
		if tc.name == "redirect chain" {
			if r.Hops[0].Status != 301 || r.Hops[0].To != srv.URL+"/b" || r.Hops[1].Status != 302 || r.Final != srv.URL+"/ok" {
				t.Errorf("redirect chain: %+v, final %s", r.Hops, r.Final)
			}
		}
	}

	var progress bytes.Buffer
	rs := c.Online(context.Background(), []string{srv.URL + "/ok", srv.URL + "/a", srv.URL + "/down"}, &progress)
	want := "[1/3] " + srv.URL + "/ok ... 200, ok\n" +
		"[2/3] " + srv.URL + "/a ... 200, 2 redirects, ok\n" +
		"[3/3] " + srv.URL + "/down ... 1 redirect, downgrade: redirected to " + plain.URL + "/x (not HTTPS): not followed\n"
	if progress.String() != want {
		t.Errorf("progress:\n%s\nwant:\n%s", progress.String(), want)
	}
	rep := string(Report(rs))
	for _, s := range []string{"3 addresses, 1 with a problem", "## OK: <" + srv.URL + "/ok>", "- Redirect 301: <" + srv.URL + "/a> → <" + srv.URL + "/b>", "## PROBLEM: <" + srv.URL + "/down>", "- Problem: downgrade"} {
		if !strings.Contains(rep, s) {
			t.Errorf("report lacks %q:\n%s", s, rep)
		}
	}
}
