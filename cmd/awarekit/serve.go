package main

import (
	"context"
	"io"

	"github.com/awarekit/awarekit/kit/site"
)

func serveCmd(args []string, stdout, stderr io.Writer) error {
	fs := flags("serve [--data DIR] [--kit DIR] [--port N]",
		"Builds every edition and serves the site on 127.0.0.1 with live reload; posters\nand pages are rebuilt when data/, posters/, i18n/, layouts/ or assets/ change.", stderr)
	opt := site.ServeOptions{Log: stdout}
	fs.StringVar(&opt.Data, "data", "data", "the data folder, one subfolder per edition")
	fs.StringVar(&opt.Root, "kit", ".", "the kit folder whose posters/, i18n/, layouts/ and assets/ override the built-in ones")
	fs.IntVar(&opt.Port, "port", 1313, "the port on 127.0.0.1")
	if err := parse(fs, args); err != nil {
		return err
	}
	return site.Serve(context.Background(), opt)
}
