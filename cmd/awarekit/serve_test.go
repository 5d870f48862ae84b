package main_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestServe runs `awarekit serve` on the fixture, as a translator would:
// the site and the posters are served on 127.0.0.1 at their published
// paths, pages carry the reload script and are told of each rebuild, an
// edit of a data file shows on the page and changes the poster, a broken
// edit keeps the last good preview and says why, and Ctrl-C stops it
// cleanly.
func TestServe(t *testing.T) {
	dir := validKit(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := command(dir, nil, "serve", "--port", strconv.Itoa(port))
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stopped := false
	defer func() {
		if !stopped {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if t.Failed() {
			t.Logf("serve printed:\n%s", logs.String())
		}
	}()
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	get := func(u string) []byte {
		resp, err := http.Get(base + u)
		if err != nil {
			return nil
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			return nil
		}
		b, _ := io.ReadAll(resp.Body)
		return b
	}
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		for start := time.Now(); !ok(); time.Sleep(20 * time.Millisecond) {
			if time.Since(start) > 90*time.Second {
				t.Fatalf("%s: not after 90 s", what)
			}
		}
	}
	page, poster := "/fr-FR/advice/", "/fr-FR/posters/la-sextorsion-a4.pdf"
	waitFor("the advice page", func() bool { return bytes.Contains(get(page), []byte("immédiatement de lui parler")) })
	before := get(poster)
	if !bytes.HasPrefix(before, []byte("%PDF-")) {
		t.Fatalf("%s: not a PDF", poster)
	}
	html := get(page)
	for _, want := range []string{`<script src="/_awarekit/reload.js" defer></script>`, "connect-src 'self'"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("%s: no %s", page, want)
		}
	}
	if js := get("/_awarekit/reload.js"); !bytes.Contains(js, []byte("EventSource")) {
		t.Errorf("/_awarekit/reload.js: %q", js)
	}
	// Listen as an open page does.
	events, err := http.Get(base + "/_awarekit/reload")
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	rebuilt := make(chan bool, 1)
	go func() {
		buf := make([]byte, 4096)
		var got []byte
		for {
			n, err := events.Body.Read(buf)
			got = append(got, buf[:n]...)
			if bytes.Contains(got, []byte("data: rebuilt")) {
				rebuilt <- true
				return
			}
			if err != nil {
				rebuilt <- false
				return
			}
		}
	}()

	advice := filepath.Join(dir, "data", "fr-FR", "advice.yaml")
	orig, err := os.ReadFile(advice)
	if err != nil {
		t.Fatal(err)
	}
	edit := func(b []byte) {
		t.Helper()
		if err := os.WriteFile(advice, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit(bytes.Replace(orig, []byte("immédiatement de lui parler"), []byte("immédiatement de lui répondre"), 1))
	waitFor("the edit on the page", func() bool { return bytes.Contains(get(page), []byte("immédiatement de lui répondre")) })
	waitFor("the edit on the poster", func() bool { p := get(poster); return p != nil && !bytes.Equal(p, before) })
	select {
	case ok := <-rebuilt:
		if !ok {
			t.Error("the reload stream ended without telling of the rebuild")
		}
	case <-time.After(30 * time.Second):
		t.Error("no reload event after the rebuild")
	}

	// A broken file: the preview stays as it was and the log says why.
	edit(append(bytes.Clone(orig), []byte("\nnot: [valid\n")...))
	waitFor("the error in the log", func() bool { return bytes.Contains([]byte(logs.String()), []byte("rebuild failed")) })
	if !bytes.Contains(get(page), []byte("immédiatement de lui répondre")) {
		t.Error("a broken edit changed the served page")
	}

	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	stopped = true
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("after Ctrl-C: %v", err)
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Error("still running 30 s after Ctrl-C")
	}
}

// syncBuffer is a bytes.Buffer safe for a process writing while a test
// reads (its zero value is ready: no lazy initialisation to race on).
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
