//go:build race

package main_test

// Under -race (make test runs TestServe so), the binary the end-to-end
// tests run is built with the race detector too: a race in the command or
// in the live preview makes it exit with status 66 and print the report.
func init() { buildFlags = append(buildFlags, "-race") }
