package layout

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/awarekit/awarekit/kit/i18n"
)

// qualityRow is one text box of a bundled edition, before (greedy breaks,
// no hyphenation: the engine as it was) and after (total-fit breaks,
// hyphenation).
type qualityRow struct {
	key                   string // edition/design/size/box
	beforeSize, afterSize float64
	before, after         boxStats
	beforeFits, afterFits bool
}

// qualityTable lays out every design of every bundled edition both ways.
func qualityTable(t *testing.T) []qualityRow {
	t.Helper()
	set, ds, tr := loadKit(t, "data")
	f := fonts(t)
	rows := map[string]*qualityRow{}
	var cur func(*qualityRow) *boxStats
	qualityHook = func(j Job, b *Box, st boxStats) {
		k := j.Name() + "/" + b.ID
		if rows[k] == nil {
			rows[k] = &qualityRow{key: k}
		}
		*cur(rows[k]) = st
	}
	defer func() { qualityHook = nil }()
	for _, e := range set.Editions {
		m, err := i18n.Load(tr, "i18n", e.Language, e.Code)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			for _, size := range d.Sizes {
				job := Job{Edition: e, Design: d, Size: size, I18n: m, Designs: ds}
				for _, after := range []bool{false, true} {
					fo := f
					if !after {
						fo = withOpts(f, textOpts{greedy: true})
					}
					cur = func(r *qualityRow) *boxStats {
						if after {
							return &r.after
						}
						return &r.before
					}
					pg, err := Layout(fo, job)
					bad := map[string]bool{}
					if err != nil {
						for _, line := range strings.Split(err.Error(), "\n") {
							if i := strings.Index(line, ":"); i > 0 {
								bad[line[:i]] = true
							}
						}
					}
					for _, side := range []*Page{pg, pg.Back} {
						if side == nil {
							continue
						}
						for _, fit := range side.Fitted {
							k := job.Name() + "/" + fit.Box
							r := rows[k]
							if r == nil {
								continue
							}
							if after {
								r.afterSize, r.afterFits = fit.Size, !bad[k]
							} else {
								r.beforeSize, r.beforeFits = fit.Size, !bad[k]
							}
						}
					}
				}
			}
		}
	}
	var out []qualityRow
	for _, r := range rows {
		if r.before.Lines > 0 || r.after.Lines > 0 {
			out = append(out, *r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// TestQualityTable: for every text box of the bundled editions, the font
// size never gets smaller than with the greedy breaks without hyphenation
// (the engine before total-fit), no box that fitted stops fitting, and
// the total-fit raggedness is never worse than greedy breaks of the same
// words at the same size. With -v it prints the table of BENCHMARKS.md;
// with -update it writes it to testdata/quality.md.
func TestQualityTable(t *testing.T) {
	rows := qualityTable(t)
	if len(rows) < 50 {
		t.Fatalf("only %d boxes measured", len(rows))
	}
	var b strings.Builder
	b.WriteString("| box (edition/design/size/box) | size before | size after | raggedness before (pt²) | raggedness after | hyphenated lines after | lines before → after |\n")
	b.WriteString("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	var sumB, sumA float64
	var hyph, bigger, fewer int
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %.2f | %.2f | %.0f | %.0f | %d | %d → %d |\n", r.key, r.beforeSize, r.afterSize, r.before.Ragged, r.after.Ragged, r.after.Hyphens, r.before.Lines, r.after.Lines)
		sumB += r.before.Ragged
		sumA += r.after.Ragged
		hyph += r.after.Hyphens
		if r.afterSize > r.beforeSize+1e-9 {
			bigger++
		}
		if r.after.Lines < r.before.Lines {
			fewer++
		}
		if r.afterSize < r.beforeSize-1e-9 {
			t.Errorf("%s: set at %.2f pt, smaller than %.2f pt before", r.key, r.afterSize, r.beforeSize)
		}
		if r.beforeFits && !r.afterFits {
			t.Errorf("%s: fitted before, overflows now", r.key)
		}
		if r.after.Ragged > r.after.GreedyRagged+1e-6 {
			t.Errorf("%s: total-fit raggedness %.1f is worse than greedy's %.1f on the same words", r.key, r.after.Ragged, r.after.GreedyRagged)
		}
	}
	fmt.Fprintf(&b, "\n%d boxes: raggedness %.0f → %.0f pt² (%.0f %%), %d hyphenated lines, %d boxes set larger, %d boxes on fewer lines.\n",
		len(rows), sumB, sumA, 100*(sumA-sumB)/sumB, hyph, bigger, fewer)
	t.Log("\n" + b.String())
	if *update {
		if err := os.WriteFile(filepath.Join("testdata", "quality.md"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestBeforeTotalFitSameFaces: the engine as it was (BeforeTotalFit)
// differs from the real one in its breaks only: an Arabic text is still
// set in the language's fallback face, right to left, so that the
// quality table compares settings of the same widths.
func TestBeforeTotalFitSameFaces(t *testing.T) {
	set, ds, tr := loadKit(t, "data")
	f := fonts(t)
	n := 0
	for _, e := range set.Editions {
		if e.Code != "ar-FR" {
			continue
		}
		m, err := i18n.Load(tr, "i18n", e.Language, e.Code)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range ds {
			if d.ID != "la-sextorsion" {
				continue
			}
			job := Job{Edition: e, Design: d, Size: d.Sizes[0], I18n: m, Designs: ds}
			pg, _ := Layout(BeforeTotalFit(f), job)
			for _, tx := range pg.Texts {
				arabic := strings.ContainsFunc(tx.Text, func(r rune) bool { return r >= 0x600 && r <= 0x6ff })
				if !arabic {
					continue
				}
				n++
				if !strings.HasPrefix(string(tx.Role), "arabic") || !tx.RTL {
					t.Errorf("before total-fit, %q is set in %s, rtl %v", tx.Text, tx.Role, tx.RTL)
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no Arabic run in ar-FR's la-sextorsion")
	}
}
