package content

import (
	"regexp"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Phone numbers are checked with libphonenumber (github.com/nyaruka/phonenumbers),
// the metadata every phone maker uses:
//   - dial is a number of the edition's region: a national number, or a
//     short number of the region (3018, 119, 116 000); a number written
//     +CC… of another country only with international: "<why>";
//   - display shows the same number: the same digits, or, when one of the
//     two is written in the international form, the same number once both
//     are parsed;
//   - premium-rate numbers (France's 089x, a short number the region's
//     metadata lists as premium) are refused: a child must never pay to ask
//     for help.

// displayChars are the characters a printed number may hold beside digits.
const displayChars = "+ .-()/\u00a0\u202f"

// phone checks a number as dialled in the edition's region and as printed.
// international tells whether the field may name a number of another
// country (contacts may, with a reason; the emergency number may not).
func (c checker) phone(field string, p *Phone, international bool) {
	if p == nil {
		return
	}
	hasDisplay := c.required(field+".display", p.Display)
	if !c.required(field+".dial", p.Dial) {
		return
	}
	num, ok := parsePhone(p.Dial, c.region)
	if !ok {
		c.add(field+".dial", "%s is not a valid phone number for region %s", quote(p.Dial), c.region)
		return
	}
	intl := strings.HasPrefix(strings.TrimSpace(p.Dial), "+")
	region := c.region
	if intl {
		region = phonenumbers.GetRegionCodeForNumber(num)
	}
	switch {
	case intl && region != c.region && !international:
		c.add(field+".dial", "%s is a number of %s, not of %s: give the region's own number", quote(p.Dial), regionName(region), c.region)
	case intl && region != c.region && strings.TrimSpace(p.International) == "":
		c.add(field+".dial", "%s is a number of %s, not of %s: a number of another country needs international: \"<why it is given here>\"", quote(p.Dial), regionName(region), c.region)
	case p.International != "" && region == c.region:
		c.add(field+".international", "%s is a number of %s, the edition's region: remove international", quote(p.Dial), c.region)
	}
	if premium(num, region) {
		c.add(field+".dial", "%s is a premium-rate number: callers pay for it; give the service's free or ordinary number", quote(p.Dial))
	}
	if hasDisplay {
		c.sameNumber(field+".display", p.Display, p.Dial, num, c.region)
	}
}

// parsePhone reads a number as written in the data, dialled from region.
func parsePhone(dial, region string) (*phonenumbers.PhoneNumber, bool) {
	for _, r := range dial {
		if !strings.ContainsRune("0123456789"+displayChars, r) || r == '/' {
			return nil, false
		}
	}
	num, err := phonenumbers.Parse(dial, region)
	if err != nil {
		return nil, false
	}
	if strings.HasPrefix(strings.TrimSpace(dial), "+") {
		return num, phonenumbers.IsValidNumber(num)
	}
	return num, phonenumbers.IsValidNumberForRegion(num, region) ||
		phonenumbers.IsValidShortNumberForRegion(num, region)
}

// sameNumber checks that display shows the number dialled.
func (c checker) sameNumber(field, display, dial string, num *phonenumbers.PhoneNumber, region string) {
	for _, r := range display {
		if (r < '0' || r > '9') && !strings.ContainsRune(displayChars, r) {
			c.add(field, "%s may hold only digits, +, spaces, dots, hyphens, slashes and brackets: write other words in the name, hours or cost", quote(display))
			return
		}
	}
	if showsNumber(display, dial, num, region) {
		return
	}
	c.add(field, "%s does not show the number dialled, %s: a reader would call another number", quote(display), quote(dial))
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// premium reports whether num costs more than an ordinary call: a premium
// rate number (GetNumberType), or a short number that the region's short
// number metadata lists as premium.
func premium(num *phonenumbers.PhoneNumber, region string) bool {
	if phonenumbers.GetNumberType(num) == phonenumbers.PREMIUM_RATE {
		return true
	}
	re := shortPremium(region)
	return re != nil && re.MatchString(phonenumbers.GetNationalSignificantNumber(num))
}

var (
	shortPremiumOnce sync.Once
	shortPremiumPat  map[string]string // region → pattern of its premium short numbers
	shortPremiumMu   sync.Mutex
	shortPremiumRE   = map[string]*regexp.Regexp{} // compiled when a region is first asked for
)

// shortPremium returns the pattern of the region's premium short numbers,
// or nil. Only the regions asked for are compiled (an edition has one;
// compiling all 240 took a tenth of a one-poster process).
func shortPremium(region string) *regexp.Regexp {
	shortPremiumOnce.Do(func() {
		shortPremiumPat = map[string]string{}
		coll, err := phonenumbers.ShortNumberMetadataCollection()
		if err != nil {
			return
		}
		for _, md := range coll.GetMetadata() {
			if p := md.GetPremiumRate().GetNationalNumberPattern(); p != "" && p != "NA" {
				shortPremiumPat[md.GetId()] = p
			}
		}
	})
	p, ok := shortPremiumPat[region]
	if !ok {
		return nil
	}
	shortPremiumMu.Lock()
	defer shortPremiumMu.Unlock()
	re, ok := shortPremiumRE[region]
	if !ok {
		re, _ = regexp.Compile("^(?:" + p + ")$") // nil if it does not compile, as before
		shortPremiumRE[region] = re
	}
	return re
}

func regionName(code string) string {
	if code == "" || code == "ZZ" || code == "001" {
		return "no single country"
	}
	return code
}

// showsNumber reports whether display shows num, dialled as dial: the same
// digits, or the same number once parsed.
func showsNumber(display, dial string, num *phonenumbers.PhoneNumber, region string) bool {
	if digits(display) == digits(dial) {
		return true
	}
	shown, err := phonenumbers.Parse(display, region)
	return err == nil &&
		shown.GetCountryCode() == num.GetCountryCode() &&
		shown.GetNationalNumber() == num.GetNationalNumber() &&
		shown.GetItalianLeadingZero() == num.GetItalianLeadingZero()
}

// PremiumRate reports whether dial, a valid number dialled in region, is a
// premium-rate number there (see premium): for tools that move numbers
// between regions, such as awarekit new.
func PremiumRate(dial, region string) bool {
	num, ok := parsePhone(dial, region)
	return ok && premium(num, region)
}
