package build

import (
	"math"
	"runtime/debug"
	"sync"
)

// The garbage collector's settings for a build process, unless the user
// sets GOGC or GOMEMLIMIT. Go's defaults (GOGC=100, no limit) collect for
// the first time at 4 MB of heap: a one-poster process collected six
// times, and on a loaded machine each collection waits for every thread
// to stop, so that the process took twice as long (bench/peers: 30 cold
// runs, 6.2 s against 3.0 s with GOGC=400, load 5). The heap may grow to
// five times what is live, within gcMemLimit, which keeps a large build
// (100 editions: 170 MB live at its peak) under 300 MB, where GOGC=100
// alone let it reach 390 MB; the price is about 15 % more CPU for such a
// build, the collector running more often near the limit and the runtime
// returning memory to the system (BENCHMARKS.md, issue 18). A kit much
// larger than 100 editions builds faster with GOMEMLIMIT raised.
const (
	gcPercent  = 400
	gcMemLimit = 240 << 20
)

var tuneGC sync.Once

// TuneGC applies the build's garbage collector settings once per process
// (Preload calls it). The user's GOGC and GOMEMLIMIT win: the runtime
// has read them, so a setting other than Go's default (GOGC=100, no
// memory limit) is left as it is, and no environment is read here.
func TuneGC() {
	tuneGC.Do(func() {
		if p := debug.SetGCPercent(gcPercent); p != 100 {
			debug.SetGCPercent(p) // the user's GOGC
		}
		if debug.SetMemoryLimit(-1) == math.MaxInt64 {
			debug.SetMemoryLimit(gcMemLimit)
		}
	})
}
