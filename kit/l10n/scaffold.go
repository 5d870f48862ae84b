package l10n

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"gopkg.in/yaml.v3"

	"github.com/awarekit/awarekit"
	"github.com/awarekit/awarekit/kit/content"
	"github.com/awarekit/awarekit/kit/i18n"
)

// NewResult says what New wrote.
type NewResult struct {
	Edition string
	Files   []string
	Strings int      // strings marked as needing translation
	Removed []string // contacts dropped: a short number of another region, and no URL
}

// New scaffolds data/<code>/ from edition from: the same files, with the
// code, language and region of the new edition (names from CLDR), status
// draft, every contact, legal reference and emergency number marked
// unverified, and a translation.yaml marking every string as needing
// translation. When the region changes, national numbers are rewritten in
// international form (+33 …); short numbers of the old region (3018) are
// dropped, and a contact left without a number or an address is removed.
// The interface strings of a language the kit does not have yet are
// copied to i18n/<code>.yaml, to be translated too.
func New(opt Options, code, from string) (*NewResult, error) {
	if !validCode(code) {
		return nil, fmt.Errorf("%q is not an edition code such as de-LU (language-REGION)", code)
	}
	dir := filepath.Join(opt.Data, code)
	if _, err := os.Stat(dir); err == nil {
		return nil, fmt.Errorf("%s already exists", dir)
	}
	src, err := open(opt, from)
	if err != nil {
		return nil, fmt.Errorf("edition %s: %w", from, err)
	}
	ed, err := openEdition(filepath.Join(opt.Data, from), from)
	if err != nil {
		return nil, err
	}
	lang, region := code[:2], code[3:]
	oldRegion := src.ed.Region
	// The note for whoever prepares the edition goes into translation.yaml
	// only; what is marked unverified says why in the edition's language
	// (i18n unverified_copied, else the source edition's), since drafts
	// print it on their pages.
	note := fmt.Sprintf("copied from %s by awarekit new: check every contact, emergency number and legal reference against an official source for %s before publishing", from, code)
	reason := copiedReason(opt, lang, code, src.ed.Language, src.ed.Code)
	// In another language, the source's own reasons would be read in the
	// wrong language: they give way to the reason in the new one.
	relang := lang != src.ed.Language
	res := &NewResult{Edition: code}

	e := ed.files["edition.yaml"]
	er := e.root()
	tag := language.Make(code)
	langName := display.Self.Name(language.Make(lang))
	regionName := display.Regions(tag).Name(language.MustParseRegion(region))
	if regionName == "" {
		regionName = display.English.Regions().Name(language.MustParseRegion(region))
	}
	for _, kv := range [][2]string{{"code", code}, {"language", lang}, {"region", region}, {"region_name", regionName}, {"language_name", langName}, {"status", content.StatusDraft}} {
		e.set(er, kv[0], kv[1])
	}
	if _, em := get(er, "emergency"); em != nil {
		unverify(e, em, reason, relang)
		if _, d := get(em, "dial"); d != nil && region != oldRegion && !validIn(d.Value, region) {
			// The region's own emergency number per libphonenumber's data:
			// 112 where it is one, else the first that is (unverified).
			for _, n := range []string{"112", "911", "999", "000", "110", "117", "113", "190", "100", "15", "17", "19"} {
				if validIn(n, region) && phonenumbers.IsEmergencyNumber(n, region) {
					e.set(em, "dial", n)
					e.set(em, "display", n)
					break
				}
			}
		}
	}

	c := ed.files["contacts.yaml"]
	_, seq := get(c.root(), "contacts")
	var removed []string
	if seq != nil {
		var keep []*yaml.Node
		for _, k := range seq.Content {
			unverify(c, k, reason, relang)
			if region != oldRegion {
				if !rehome(c, k, oldRegion, region) {
					removed = append(removed, idOf(k))
					continue
				}
			}
			keep = append(keep, k)
		}
		if len(keep) != len(seq.Content) {
			seq.Content = keep
			c.whole = true
		}
	}
	if len(removed) > 0 {
		a := ed.files["advice.yaml"]
		for _, s := range list(a.root(), "steps") {
			if _, cs := get(s, "contacts"); cs != nil {
				cs.Content = slices.DeleteFunc(cs.Content, func(n *yaml.Node) bool { return slices.Contains(removed, n.Value) })
				a.whole = true
			}
		}
		// The wallet card's contacts (card: [num-3018, …]) name them too.
		if _, cd := get(er, "card"); cd != nil {
			cd.Content = slices.DeleteFunc(cd.Content, func(n *yaml.Node) bool { return slices.Contains(removed, n.Value) })
			e.whole = true
		}
		res.Removed = removed
	}
	for _, r := range list(ed.files["law.yaml"].root(), "references") {
		unverify(ed.files["law.yaml"], r, reason, relang)
	}

	files, err := ed.rendered()
	if err != nil {
		return nil, err
	}
	for _, name := range yamlFiles {
		if files[name] == nil {
			files[name] = ed.files[name].src
		}
	}
	for slug, pg := range ed.pages {
		name := "pages/" + slug + ".md"
		if files[name] == nil {
			b, err := awarekit.ReadRegularFile(filepath.Join(opt.Data, from, filepath.FromSlash(name)), content.MaxFileSize)
			if err != nil {
				return nil, err
			}
			files[name] = b
		}
		_ = pg
	}

	// The state: every string of the edition needs translation; the
	// interface strings too unless the kit has them in this language.
	st := &content.Translation{Source: from, Note: note, Strings: map[string]content.TranslatedString{}}
	for _, f := range src.files.fields {
		if len(f.ID) > 5 && f.ID[:5] == "i18n." {
			continue
		}
		st.Strings[f.ID] = content.TranslatedString{State: content.StateNeedsTranslation}
	}
	var labels []byte
	_, lerr := i18n.Load(opt.i18nFS(), "i18n", lang, code)
	haveLang := lerr == nil
	for _, f := range src.files.fields {
		if len(f.ID) <= 5 || f.ID[:5] != "i18n." {
			continue
		}
		if haveLang {
			st.Strings[f.ID] = content.TranslatedString{State: content.StateTranslated, Hash: Hash(f.Text)}
		} else {
			st.Strings[f.ID] = content.TranslatedString{State: content.StateNeedsTranslation}
		}
	}
	lpath := filepath.Join(opt.i18nDir(), code+".yaml")
	if !haveLang {
		if _, err := os.Stat(lpath); !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s exists but does not give every interface string: %v", lpath, lerr)
		}
		lf := newYAML("i18n/"+code+".yaml", fmt.Sprintf("Interface strings of the %s edition, copied from %s by awarekit new: to be translated.", code, from))
		for _, f := range src.files.fields {
			if len(f.ID) > 5 && f.ID[:5] == "i18n." {
				lf.set(lf.root(), f.ID[5:], f.Text)
			}
		}
		if labels, err = lf.render(); err != nil {
			return nil, err
		}
	}
	files["translation.yaml"] = stateFile(st)
	res.Strings = len(st.Strings)

	if err := validateNew(opt, code, files); err != nil {
		return nil, fmt.Errorf("the new edition %s would not be valid; nothing was written:\n%w", code, err)
	}
	out := map[string][]byte{}
	for n, b := range files {
		out[filepath.Join(dir, filepath.FromSlash(n))] = b
	}
	if labels != nil {
		out[lpath] = labels
	}
	if err := writeAll(out); err != nil {
		return nil, err
	}
	for n := range out {
		res.Files = append(res.Files, filepath.ToSlash(n))
	}
	slices.Sort(res.Files)
	return res, nil
}

// copiedReason is the unverified: text of what awarekit new copies: the
// kit's unverified_copied string in the new edition's language, else in
// the source edition's, else in English.
func copiedReason(opt Options, lang, code, srcLang, srcCode string) string {
	for _, lc := range [][2]string{{lang, code}, {srcLang, srcCode}} {
		if m, _ := i18n.Load(opt.i18nFS(), "i18n", lc[0], lc[1]); m["unverified_copied"] != "" {
			return m["unverified_copied"]
		}
	}
	return "Copied from another edition: to be checked against an official source of the region before publishing."
}

// unverify marks a copied fact unverified: <reason> (a copy for another
// region is no longer what its source says), dropping any verification:
// record, which was about the other region's service. An existing reason
// is kept, or replaced when replace is set (it is in another language).
func unverify(f *yfile, m *yaml.Node, reason string, replace bool) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "verification" {
			m.Content = slices.Delete(m.Content, i, i+2)
			f.whole = true
			break
		}
	}
	if _, u := get(m, "unverified"); u != nil && u.Value != "" {
		if replace && u.Value != reason {
			f.set(m, "unverified", reason)
		}
		return
	}
	f.whole = true
	f.set(m, "unverified", reason)
}

func validIn(dial, region string) bool {
	n, err := phonenumbers.Parse(dial, region)
	if err != nil {
		return false
	}
	// A short number of one region can be a premium service in another
	// (3018 in Belgium): content refuses it, so it is not kept.
	return (phonenumbers.IsValidNumberForRegion(n, region) || phonenumbers.IsValidShortNumberForRegion(n, region) ||
		len(dial) > 0 && dial[0] == '+' && phonenumbers.IsValidNumber(n)) && !content.PremiumRate(dial, region)
}

// rehome adapts a contact's phone to another region; it reports false when
// the contact has nothing left to reach it by.
func rehome(f *yfile, k *yaml.Node, from, to string) bool {
	_, ph := get(k, "phone")
	if ph == nil {
		return true
	}
	_, d := get(ph, "dial")
	if d == nil || validIn(d.Value, to) {
		return true
	}
	if n, err := phonenumbers.Parse(d.Value, from); err == nil && phonenumbers.IsValidNumber(n) && !phonenumbers.IsValidShortNumberForRegion(n, from) {
		intl := phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
		f.set(ph, "dial", intl)
		f.set(ph, "display", intl)
		// A number of another country needs its reason (kit/content).
		f.set(ph, "international", fmt.Sprintf("a number of %s, kept by awarekit new: check that it serves readers in %s", from, to))
		return true
	}
	if _, u := get(k, "url"); u != nil && u.Value != "" {
		for i := 0; i+1 < len(k.Content); i += 2 {
			if k.Content[i].Value == "phone" {
				k.Content = slices.Delete(k.Content, i, i+2)
				f.whole = true
				break
			}
		}
		return true
	}
	return false
}

func validateNew(opt Options, code string, files map[string][]byte) error {
	scratch, err := os.MkdirTemp("", "awarekit-new-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(scratch)
	if err := writeUnder(scratch, files); err != nil {
		return err
	}
	_, err = content.LoadEdition(os.DirFS(scratch), filepath.ToSlash(filepath.Join(opt.Data, code)), code)
	return err
}
