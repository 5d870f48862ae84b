//go:build !js

package main

import (
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// notLinked are packages the engine must not link: Hugo and the site
// (the engine only personalises posters), and the protobuf runtime, whose
// reflection reaches reflect.Value.Method and so makes the linker keep
// every exported method of every type (the engine was 27.4 MB instead of
// 18.8 MB; third_party/phonenumbers/CHANGES.md).
var notLinked = []string{
	"github.com/gohugoio/hugo",
	"github.com/awarekit/awarekit/kit/site",
	"github.com/awarekit/awarekit/kit/build",
	"google.golang.org/protobuf/proto",
	"google.golang.org/protobuf/reflect/protoreflect",
	"google.golang.org/protobuf/runtime/protoimpl",
}

// TestLink lists what the WebAssembly build links (go list -deps with
// GOOS=js GOARCH=wasm) and fails on any package of notLinked.
func TestLink(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 || !slices.Contains(deps, "github.com/awarekit/awarekit/kit/personalise") {
		t.Fatalf("go list -deps gave %d packages, without kit/personalise: %s", len(deps), out)
	}
	for _, d := range deps {
		for _, no := range notLinked {
			if d == no || strings.HasPrefix(d, no+"/") {
				t.Errorf("the engine links %s", d)
			}
		}
	}
}
