package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/awarekit/awarekit/kit/site"
)

func serveCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("serve [--data DIR] [--kit DIR] [--port N]",
		"Builds every edition and serves the built site on 127.0.0.1, at its published\npaths (/fr-FR/…); posters and pages are rebuilt when data/, posters/, i18n/,\nlayouts/ or assets/ change, and open pages reload themselves. Ctrl-C stops it.", stderr)
	opt := site.ServeOptions{Log: stdout}
	fs.StringVar(&opt.Data, "data", "data", "the data folder, one subfolder per edition")
	fs.StringVar(&opt.Root, "kit", ".", "the kit folder whose posters/, i18n/, layouts/ and assets/ override the built-in ones")
	fs.IntVar(&opt.Port, "port", 1313, "the port on 127.0.0.1")
	if err := parse(fs, args); err != nil {
		return err
	}
	// Ctrl-C stops the server cleanly: its temporary folder is removed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return site.Serve(ctx, opt)
}
