package content

import (
	"regexp"
	"slices"
	"sort"
	"testing"
	"unicode"

	"github.com/nyaruka/phonenumbers"
)

// TestHostScriptsASCII: the shortcut for ASCII letters gives what the
// walk over every script gives.
func TestHostScriptsASCII(t *testing.T) {
	slow := func(host string) []string {
		var out []string
		for _, r := range host {
			for name, tab := range unicode.Scripts {
				if unicode.IsLetter(r) && name != "Common" && name != "Inherited" && unicode.Is(tab, r) && !slices.Contains(out, name) {
					out = append(out, name)
				}
			}
		}
		sort.Strings(out)
		return out
	}
	var ascii []rune
	for r := rune(0); r < 0x80; r++ {
		ascii = append(ascii, r)
	}
	for _, h := range []string{string(ascii), "www.e-enfance.org", "bееsecure.lu", "пример.укр", "xn--e1afmkfd.xn--j1amh", "e-enfance.org", "例え.jp", ""} {
		if got, want := hostScripts(h), slow(h); !slices.Equal(got, want) {
			t.Errorf("hostScripts(%q) = %v, want %v", h, got, want)
		}
	}
}

// TestShortPremiumLazy: the pattern compiled on demand for a region is
// the one of the metadata, for every region that has one.
func TestShortPremiumLazy(t *testing.T) {
	coll, err := phonenumbers.ShortNumberMetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, md := range coll.GetMetadata() {
		p := md.GetPremiumRate().GetNationalNumberPattern()
		re := shortPremium(md.GetId())
		if p == "" || p == "NA" {
			if re != nil {
				t.Errorf("%s: a pattern for a region without premium short numbers", md.GetId())
			}
			continue
		}
		want := regexp.MustCompile("^(?:" + p + ")$")
		if re == nil || re.String() != want.String() {
			t.Errorf("%s: %v, want %v", md.GetId(), re, want)
		}
		n++
	}
	if n < 20 || shortPremium("FR") == nil || !shortPremium("FR").MatchString("3607") && !shortPremium("FR").MatchString("118218") {
		t.Errorf("%d regions with premium short numbers; FR's: %v", n, shortPremium("FR"))
	}
}
