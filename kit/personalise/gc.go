package personalise

import (
	"runtime/debug"
	"sync"
)

// The engine's start allocates a lot and keeps most of it (the edition,
// designs, fonts, then the first layout): with the default GOGC the
// collector runs over and over while the heap grows from nothing to about
// 40 MB, for nothing to free. HoldGC, called before the session is read,
// turns the percentage-driven collector off until Prepare (after the first
// preview is shown); memory stays bounded meanwhile by heldGCLimit, at
// which the collector runs anyway (runtime/debug.SetMemoryLimit).
// Measured in the wasm engine under Node: about 40 MB either way at the
// first preview, and 0.2–0.4 s less to it (BENCHMARKS.md).
const heldGCLimit = 256 << 20

var gcHeld struct {
	sync.Mutex
	held    bool
	percent int
	limit   int64
}

// HoldGC defers garbage collection until Prepare (or the heap reaching
// heldGCLimit). Calling it again before Prepare changes nothing.
func HoldGC() {
	gcHeld.Lock()
	defer gcHeld.Unlock()
	if gcHeld.held {
		return
	}
	gcHeld.held = true
	gcHeld.percent = debug.SetGCPercent(-1)
	gcHeld.limit = debug.SetMemoryLimit(heldGCLimit)
}

// releaseGC gives the collector back the settings HoldGC found.
func releaseGC() {
	gcHeld.Lock()
	defer gcHeld.Unlock()
	if !gcHeld.held {
		return
	}
	gcHeld.held = false
	debug.SetGCPercent(gcHeld.percent)
	debug.SetMemoryLimit(gcHeld.limit)
}
