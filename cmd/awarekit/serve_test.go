package main_test

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestServe runs `awarekit serve` on the fixture, as a translator would:
// the site and the posters are served on 127.0.0.1, an edit of a data file
// shows on the page and changes the poster, and a broken edit keeps the
// last good preview and says why.
func TestServe(t *testing.T) {
	dir := validKit(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cmd := exec.Command(binary, "serve", "--port", strconv.Itoa(port))
	cmd.Dir = dir
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Kill()
		cmd.Wait()
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
	page, poster := "/fr-fr/advice/", "/fr-fr/posters/la-sextorsion-a4.pdf"
	waitFor("the advice page", func() bool { return bytes.Contains(get(page), []byte("immédiatement de lui parler")) })
	before := get(poster)
	if !bytes.HasPrefix(before, []byte("%PDF-")) {
		t.Fatalf("%s: not a PDF", poster)
	}

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

	// A broken file: the preview stays as it was and the log says why.
	edit(append(bytes.Clone(orig), []byte("\nnot: [valid\n")...))
	waitFor("the error in the log", func() bool { return bytes.Contains([]byte(logs.String()), []byte("rebuild failed")) })
	if !bytes.Contains(get(page), []byte("immédiatement de lui répondre")) {
		t.Error("a broken edit changed the served page")
	}
}

// syncBuffer is a bytes.Buffer safe for a process writing while a test reads.
type syncBuffer struct {
	mu  chan struct{}
	buf bytes.Buffer
}

func (b *syncBuffer) lock() {
	if b.mu == nil {
		b.mu = make(chan struct{}, 1)
	}
	b.mu <- struct{}{}
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.lock()
	defer func() { <-b.mu }()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.lock()
	defer func() { <-b.mu }()
	return b.buf.String()
}
