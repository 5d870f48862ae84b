package awarekit

import "embed"

// Site holds the microsite's default layouts and assets (styles, the
// quick-exit script, fonts). The kit folder's files of the same path win
// (see Overlay).
//
//go:embed all:layouts all:assets
var Site embed.FS
