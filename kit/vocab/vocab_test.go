package vocab

import (
	"slices"
	"testing"
)

func TestKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if seen[k.Name] {
			t.Errorf("%s: twice", k.Name)
		}
		seen[k.Name] = true
		if len(k.Strings) == 0 {
			t.Errorf("%s: no strings: its texts would have no translation context", k.Name)
		}
	}
	for _, c := range []struct {
		kind, sheet, key string
		ids, keys        []string
	}{
		{"label", "", "site_label", []string{"i18n.site_label"}, []string{"site_label"}},
		{"sheet", "parents", "", []string{"sheets.parents."}, nil},
		{"sheet_title", "reception", "", []string{"sheets.reception.title"}, nil},
		{"myths", "", "", []string{"myths.", "i18n.myths_heading", "i18n.myth_label", "i18n.reality_label"}, []string{"myths_heading", "myth_label", "reality_label"}},
		{"guide", "", "", []string{"i18n.design_", "i18n.where_", "i18n.guide_"}, nil},
	} {
		k, ok := Lookup(c.kind)
		if !ok {
			t.Fatalf("%s: not a kind", c.kind)
		}
		if got := k.StringIDs(c.sheet, c.key); !slices.Equal(got, c.ids) {
			t.Errorf("%s: StringIDs %q, want %q", c.kind, got, c.ids)
		}
		if got := k.Keys(c.sheet, c.key); !slices.Equal(got, c.keys) {
			t.Errorf("%s: Keys %q, want %q", c.kind, got, c.keys)
		}
	}
	if _, ok := Lookup("parents"); ok {
		t.Error("parents is a sheet, not a box kind")
	}
	for key, want := range map[string]bool{"design_flyer2": true, "where_x": true, "design_": false, "call": false, "x_design_a": false} {
		if IsDesignKey(key) != want {
			t.Errorf("IsDesignKey(%q) = %v", key, !want)
		}
	}
	if !slices.Equal(DesignKeys("guide", true), []string{"design_guide"}) || len(DesignKeys("contacts", false)) != 2 {
		t.Error("DesignKeys")
	}
}
