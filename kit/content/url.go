package content

import (
	"fmt"
	"net/netip"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/idna"

	"github.com/awarekit/awarekit/kit/diag"
)

// URLs of the data are links a reader follows from a poster, a QR code or
// the site: what is printed must be where the link goes.
//   - https only, with a host name (no IP address, no user part: in
//     https://gov.fr-host:x@evil.example/ the reader sees gov.fr and goes
//     to evil.example);
//   - a host in ASCII, or an internationalised name written as readers see
//     it (Unicode), never in its xn-- form, which nobody can read; a host
//     that mixes scripts (a Cyrillic "а" among Latin letters) is warned
//     about: it may be a look-alike of a real address.

// idnaProfile is the lookup profile browsers follow (UTS #46, IDNA2008).
var idnaProfile = idna.New(idna.MapForLookup(), idna.BidiRule(), idna.ValidateLabels(true), idna.StrictDomainName(true), idna.Transitional(false))

// https checks an absolute link of the data.
func (c checker) https(field, v string) {
	if v == "" {
		return
	}
	bad, warn := urlProblem(v)
	switch {
	case bad != "":
		c.add(field, "%s", bad)
	case warn != "":
		c.warn(field, "%s", warn)
	}
}

// urlProblem says what is wrong with an https URL of the data (bad), or
// what deserves a second look (warn); both are "" for a good URL.
func urlProblem(v string) (bad, warn string) {
	u, err := url.Parse(v)
	switch {
	case err != nil || strings.ContainsAny(v, " \t\n\\\"<>`{}|^") || strings.IndexFunc(v, unicode.IsSpace) >= 0:
		return fmt.Sprintf("invalid URL %s", quote(v)), ""
	case u.Scheme != "https" || u.Opaque != "":
		return fmt.Sprintf("URL %s must be absolute and start with https://", quote(v)), ""
	case u.User != nil:
		return fmt.Sprintf("URL %s has a user part (before @): a reader would see one host and go to another; give the address without it", quote(v)), ""
	case u.Host == "" || !strings.Contains(u.Hostname(), "."):
		return fmt.Sprintf("URL %s has no valid host", quote(v)), ""
	}
	host := u.Hostname()
	if _, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil {
		return fmt.Sprintf("URL %s names an IP address: give the service's host name", quote(v)), ""
	}
	if p := u.Port(); p != "" && p != "443" {
		return fmt.Sprintf("URL %s names the port %s: give the service's usual address", quote(v), p), ""
	}
	uni, ok := unicodeHost(host)
	switch {
	case !ok:
		return fmt.Sprintf("URL %s has an invalid host %s", quote(v), quote(host)), ""
	case isASCII(host) && !strings.EqualFold(uni, host):
		return fmt.Sprintf("URL %s writes its host in the xn-- form: write it as readers see it, %s", quote(v), quote(uni)), ""
	case !strings.EqualFold(host, uni):
		return fmt.Sprintf("URL %s: write its host as %s (the form browsers show)", quote(v), quote(uni)), ""
	}
	if scripts := hostScripts(uni); len(scripts) > 1 {
		return "", fmt.Sprintf("the host %s mixes scripts (%s): make sure it is the service's real address, not a look-alike", quote(uni), strings.Join(scripts, ", "))
	}
	return "", ""
}

// unicodeHost returns host as browsers show it (lower case, Unicode).
func unicodeHost(host string) (string, bool) {
	if strings.HasSuffix(host, ".") {
		return "", false
	}
	ascii, err := idnaProfile.ToASCII(host)
	if err != nil {
		return "", false
	}
	uni, err := idnaProfile.ToUnicode(ascii)
	return uni, err == nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hostScripts lists the scripts of the letters of a host, sorted (Common
// and Inherited characters, such as digits, hyphens and dots, aside).
func hostScripts(host string) []string {
	var out []string
	for _, r := range host {
		if !unicode.IsLetter(r) {
			continue
		}
		if r < utf8.RuneSelf { // an ASCII letter: Latin (no walk over every script)
			if !slices.Contains(out, "Latin") {
				out = append(out, "Latin")
			}
			continue
		}
		for name, t := range unicode.Scripts {
			if name != "Common" && name != "Inherited" && unicode.Is(t, r) && !slices.Contains(out, name) {
				out = append(out, name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// LinkURL returns the form of a URL of the data to put in a link or a QR
// code: an internationalised host in its ASCII (xn--) form, the rest as
// written. The data holds the Unicode form, which is what is printed.
func LinkURL(v string) string {
	u, err := url.Parse(v)
	if err != nil || isASCII(u.Host) {
		return v
	}
	ascii, err := idnaProfile.ToASCII(u.Hostname())
	if err != nil {
		return v
	}
	if p := u.Port(); p != "" {
		ascii += ":" + p
	}
	u.Host = ascii
	return u.String()
}

// warn records a warning on a field: printed by check and build, an error
// with --strict (see Set.Warnings).
func (c checker) warn(field, format string, args ...any) {
	if c.l.warnings == nil || c.l.isBroken(c.file, field) {
		return
	}
	line, col := c.l.position(c.file, field)
	c.l.warnings.Add(c.l.file(c.file), line, col, field, format, args...)
}

// Warnings lists what the data may hold but should not without a second
// look (a host that mixes scripts, …), sorted: printed as warnings by
// check and build, errors with --strict. Stale includes them.
func (s *Set) Warnings() diag.List {
	var out diag.List
	for _, e := range s.Editions {
		out = append(out, e.warnings...)
	}
	return out.Sort()
}

// nameShowsURL checks that a contact's name that looks like an address
// (internet-signalement.gouv.fr) names the host its url goes to.
func (c checker) nameShowsURL(field, name, link string) {
	m := hostTextRE.FindStringSubmatch(strings.TrimSpace(name))
	if m == nil || link == "" {
		return
	}
	if u, err := url.Parse(link); err == nil && !sameHost(m[1], u.Hostname()) {
		c.add(field, "the name shows %s but the url goes to %s", quote(name), quote(link))
	}
}
