package site

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// hugoEnv is the whole environment Hugo sees: never the user's HUGO_*
// variables, so that a build does not depend on the shell it runs in.
var hugoEnv = []string{"HUGO_ENVIRONMENT=production"}

// hugoMu serialises Hugo builds in one process: Hugo keeps some global
// state (its template function registry is built once, but its deprecation
// and logging helpers are package-level).
var hugoMu sync.Mutex

// runHugo builds the project in dir into publishDir. Hugo's warnings go to
// log; any error-level message fails the build.
func runHugo(dir, publishDir string, log io.Writer) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	var buf bytes.Buffer
	w := io.Writer(&buf)
	if log != nil {
		w = io.MultiWriter(&buf, log)
	}
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelWarn,
		StdOut:        w,
		StdErr:        w,
		DistinctLevel: logg.LevelWarn,
		StoreErrors:   true,
	})
	flags := config.New()
	flags.Set("workingDir", dir)
	flags.Set("publishDir", publishDir)
	flags.Set("noBuildLock", true)
	flags.Set("environment", "production")
	osfs := afero.NewOsFs()
	res, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:          osfs,
		Logger:      logger,
		Flags:       flags,
		Environment: "production",
		Environ:     hugoEnv,
	})
	if err != nil {
		return fmt.Errorf("hugo config: %w", err)
	}
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  res,
		Fs:       hugofs.NewFrom(osfs, res.LoadingInfo.BaseConfig),
		LogLevel: logger.Level(),
		StdErr:   logger.StdErr(),
	})
	if err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{NoBuildLock: true}); err != nil {
		return fmt.Errorf("hugo: %w", err)
	}
	if n := logger.LoggCount(logg.LevelError); n > 0 {
		return fmt.Errorf("hugo reported %d error(s):\n%s", n, strings.TrimSpace(buf.String()))
	}
	return nil
}
