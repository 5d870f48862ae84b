package build

import (
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

// TestTuneGC: in a process without GOGC and GOMEMLIMIT, TuneGC sets the
// build's collector settings; with them set, it leaves the user's. Each
// case runs in a new process of this test binary (the settings are the
// process's).
func TestTuneGC(t *testing.T) {
	if os.Getenv("AWAREKIT_GC_HELPER") != "" {
		TuneGC()
		pct := debug.SetGCPercent(100)
		lim := debug.SetMemoryLimit(-1)
		fmt.Printf("gc %d %d\n", pct, lim)
		return
	}
	for _, tc := range []struct {
		env  []string
		want string
	}{
		{nil, fmt.Sprintf("gc %d %d", gcPercent, gcMemLimit)},
		{[]string{"GOGC=50"}, fmt.Sprintf("gc 50 %d", gcMemLimit)},
		{[]string{"GOGC=50", "GOMEMLIMIT=1GiB"}, fmt.Sprintf("gc 50 %d", 1<<30)},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTuneGC$", "-test.count=1")
		cmd.Env = append([]string{"AWAREKIT_GC_HELPER=1"}, tc.env...)
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "GOGC=") && !strings.HasPrefix(kv, "GOMEMLIMIT=") {
				cmd.Env = append(cmd.Env, kv)
			}
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%v: %v\n%s", tc.env, err, out)
		}
		if !strings.Contains(string(out), tc.want+"\n") {
			t.Errorf("%v: got %q, want %q", tc.env, out, tc.want)
		}
	}
}
