package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/awarekit/awarekit/kit/serve"
)

func serveCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("serve [--data DIR] [--kit DIR] [--port N]",
		"Builds every edition and serves the built site on 127.0.0.1, at its published\npaths (/fr-FR/…); posters and pages are rebuilt when data/, posters/, i18n/,\nlayouts/ or assets/ change, and open pages reload themselves. Ctrl-C stops it.", stderr)
	opt := serve.Options{Log: stdout}
	dirs := sharedFlags(fs, "posters/, i18n/, layouts/ and assets/")
	fs.IntVar(&opt.Port, "port", 1313, "the port on 127.0.0.1")
	_, err := dirs.ready(fs, args)
	if err != nil {
		return err
	}
	opt.Data, opt.Root = dirs.Data, dirs.Kit
	if opt.SourceDate, err = sourceDate(); err != nil {
		return err
	}
	// Ctrl-C stops the server cleanly: its temporary folder is removed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve.Serve(ctx, opt)
}
