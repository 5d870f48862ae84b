package layout

import "math"

// The quality of a box's line breaks, measured on its final setting (the
// quality table of BENCHMARKS.md, quality_test.go): the raggedness (the
// sum of the squared unused widths of every line but the last of a
// paragraph or before a forced break, in points²), the lines ending in a
// hyphen, and the raggedness of the engine as it was (greedy breaks, no
// hyphenation) on the same paragraphs at the same size and width.
type boxStats struct {
	Ragged, GreedyRagged float64
	Hyphens, Lines       int
	GreedyLines          int
}

func (st *boxStats) add(ls, greedy []line, maxW float64) {
	r, h := lineRaggedness(ls, maxW)
	st.Ragged += r
	st.Hyphens += h
	st.Lines += len(ls)
	r, _ = lineRaggedness(greedy, maxW)
	st.GreedyRagged += r
	st.GreedyLines += len(greedy)
}

// lineRaggedness is the raggedness of a paragraph's lines and the number
// of lines ending in a hyphen.
func lineRaggedness(ls []line, maxW float64) (r float64, hyphens int) {
	for i, l := range ls {
		if l.hyphen != nil {
			hyphens++
		}
		if i == len(ls)-1 || len(l.words) > 0 && l.words[len(l.words)-1].brk {
			continue
		}
		u := math.Max(maxW-l.width, 0)
		r += u * u
	}
	return r, hyphens
}

// qualityHook, when set (by tests), receives the quality of every box
// laid out.
var qualityHook func(j Job, b *Box, st boxStats)

// BeforeTotalFit returns fonts with which Layout sets text as the engine
// did before total-fit breaks and hyphenation (greedy breaks, the
// lone-last-word rule, no hyphenation), for before/after comparisons
// (bench/quality, the quality table of BENCHMARKS.md). Never used by a
// build.
func BeforeTotalFit(f Fonts) Fonts { return withOpts(f, textOpts{greedy: true}) }
