package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/awarekit/awarekit/kit/testkit"
)

// BenchmarkServeUpdate measures the live preview (awarekit serve) as a
// translator uses it: it edits one data file (fr-FR's first advice step,
// shown on the advice page and on the posters) and times until both the page and
// the la-sextorsion A4 poster served on 127.0.0.1 show the change. It
// reports the median in ms/update (target: under 500 ms), and logs every
// update's time.
func BenchmarkServeUpdate(b *testing.B) {
	root := testkit.Root()
	data := filepath.Join(b.TempDir(), "data")
	if err := testkit.CopyDir(filepath.Join(root, "data"), data); err != nil {
		b.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- Serve(ctx, Options{Data: data, Root: root, Port: port, Log: io.Discard}) }()
	defer func() {
		cancel()
		if err := <-stopped; err != nil {
			b.Errorf("serve: %v", err)
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	page, poster := base+"/fr-FR/advice/", base+"/fr-FR/posters/la-sextorsion-a4.pdf"
	get := func(u string) []byte {
		resp, err := http.Get(u)
		if err != nil {
			return nil
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			return nil
		}
		body, _ := io.ReadAll(resp.Body)
		return body
	}
	deadline := time.Now().Add(3 * time.Minute)
	for get(page) == nil || get(poster) == nil {
		if time.Now().After(deadline) {
			b.Fatal("the preview did not start")
		}
		time.Sleep(50 * time.Millisecond)
	}
	texts := filepath.Join(data, "fr-FR", "advice.yaml")
	orig, err := os.ReadFile(texts)
	if err != nil {
		b.Fatal(err)
	}
	const word = "immédiatement de lui parler."
	if !bytes.Contains(orig, []byte(word)) {
		b.Fatalf("%s: no %q to edit", texts, word)
	}
	var times []float64
	rng := rand.New(rand.NewPCG(1, 2))
	b.ResetTimer()
	for i := range b.N {
		marker := fmt.Sprintf("Édition%d", i)
		before := sha256.Sum256(get(poster))
		edited := bytes.Replace(orig, []byte(word), []byte("immédiatement de lui parler ("+marker+")."), 1)
		start := time.Now()
		if err := os.WriteFile(texts, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		pageOK, posterOK := false, false
		for !pageOK || !posterOK {
			if time.Since(start) > time.Minute {
				b.Fatalf("update %d: page updated %v, poster updated %v after a minute", i, pageOK, posterOK)
			}
			time.Sleep(5 * time.Millisecond)
			pageOK = pageOK || bytes.Contains(get(page), []byte(marker))
			posterOK = posterOK || sha256.Sum256(get(poster)) != before
		}
		times = append(times, float64(time.Since(start).Microseconds())/1000)
		// Wait a varying time between edits, as a person does.
		time.Sleep(200*time.Millisecond + time.Duration(rng.IntN(500))*time.Millisecond)
	}
	b.StopTimer()
	slices.Sort(times)
	b.ReportMetric(times[len(times)/2], "ms/update")
	b.Logf("updates (ms, sorted): %v", times)
}
