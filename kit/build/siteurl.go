package build

import (
	"github.com/awarekit/awarekit/kit/diag"
	"github.com/awarekit/awarekit/kit/layout"
)

// SiteWarnings returns the warning given once by check and build when the
// base URL is not absolute: the posters then carry no address nor QR code
// of the site (their "site" boxes are left out).
func SiteWarnings(baseURL string) diag.List {
	if layout.SiteURL(baseURL, "xx-XX") != "" {
		return nil
	}
	var w diag.List
	w.Add("--base-url", 0, 0, "", "%q is not an absolute URL (https://…): the posters will not link the site (no address, no QR code)", baseURL)
	return w
}
