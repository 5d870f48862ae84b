package personalise

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestHoldGC: HoldGC turns the percentage-driven collector off with a
// memory limit, once; Prepare gives back the settings it found.
func TestHoldGC(t *testing.T) {
	s, _ := session(t)
	old := debug.SetGCPercent(73)
	defer debug.SetGCPercent(old)
	HoldGC()
	HoldGC() // a second call must not save the held settings as the ones to restore
	if p := debug.SetGCPercent(-1); p != -1 {
		t.Errorf("held: GOGC %d, want off", p)
	}
	if l := debug.SetMemoryLimit(-1); l != heldGCLimit {
		t.Errorf("held: memory limit %d, want %d", l, heldGCLimit)
	}
	s.Prepare()
	if p := debug.SetGCPercent(73); p != 73 {
		t.Errorf("after Prepare: GOGC %d, want 73", p)
	}
	if l := debug.SetMemoryLimit(-1); l != math.MaxInt64 {
		t.Errorf("after Prepare: memory limit %d, want none", l)
	}
	s.Prepare() // without HoldGC: nothing changes
	if p := debug.SetGCPercent(73); p != 73 {
		t.Errorf("Prepare again: GOGC %d, want 73", p)
	}
}
