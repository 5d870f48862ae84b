package phonenumbers

import (
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

// Equal reports whether two messages are equal, as proto.Equal does: the
// plain types hold no state beside their fields.
func (protoShim) Equal(a, b any) bool { return reflect.DeepEqual(a, b) }

// TestShimUnmarshal reads a message written by hand in the wire format:
// scalars, a packed and an unpacked repeated varint, strings, a nested
// message given twice (merged), a repeated message, an unknown field.
func TestShimUnmarshal(t *testing.T) {
	var desc []byte
	desc = protowire.AppendTag(desc, 2, protowire.BytesType)
	desc = protowire.AppendString(desc, `\d{9}`)
	desc = protowire.AppendTag(desc, 9, protowire.BytesType)
	desc = protowire.AppendBytes(desc, []byte{9, 10})
	desc = protowire.AppendTag(desc, 9, protowire.VarintType)
	desc = protowire.AppendVarint(desc, 11)
	var md []byte
	md = protowire.AppendTag(md, 1, protowire.BytesType)
	md = protowire.AppendBytes(md, desc)
	md = protowire.AppendTag(md, 1, protowire.BytesType) // merged into the first
	md = protowire.AppendBytes(md, protowire.AppendString(protowire.AppendTag(nil, 6, protowire.BytesType), "123456789"))
	md = protowire.AppendTag(md, 9, protowire.BytesType)
	md = protowire.AppendString(md, "FR")
	md = protowire.AppendTag(md, 10, protowire.VarintType)
	md = protowire.AppendVarint(md, 33)
	md = protowire.AppendTag(md, 22, protowire.VarintType)
	md = protowire.AppendVarint(md, 1)
	md = protowire.AppendTag(md, 99, protowire.BytesType) // unknown: skipped
	md = protowire.AppendString(md, "?")
	nf := protowire.AppendString(protowire.AppendTag(nil, 3, protowire.BytesType), "1")
	nf = protowire.AppendString(protowire.AppendTag(nf, 3, protowire.BytesType), "2")
	md = protowire.AppendTag(md, 19, protowire.BytesType)
	md = protowire.AppendBytes(md, nf)
	var coll []byte
	coll = protowire.AppendTag(coll, 1, protowire.BytesType)
	coll = protowire.AppendBytes(coll, md)

	got := &PhoneMetadataCollection{}
	if err := proto.Unmarshal(coll, got); err != nil {
		t.Fatal(err)
	}
	want := &PhoneMetadataCollection{Metadata: []*PhoneMetadata{{
		GeneralDesc: &PhoneNumberDesc{
			NationalNumberPattern: proto.String(`\d{9}`),
			PossibleLength:        []int32{9, 10, 11},
			ExampleNumber:         proto.String("123456789"),
		},
		Id:                 proto.String("FR"),
		CountryCode:        proto.Int32(33),
		MainCountryForCode: proto.Bool(true),
		NumberFormat:       []*NumberFormat{{LeadingDigitsPattern: []string{"1", "2"}}},
	}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got.Metadata[0], want.Metadata[0])
	}
	if err := proto.Unmarshal(coll[:len(coll)-1], &PhoneMetadataCollection{}); err == nil {
		t.Error("a truncated message gave no error")
	}
}

// TestShimMerge: proto.Merge copies the fields set, appends the repeated
// ones, and shares nothing with the source.
func TestShimMerge(t *testing.T) {
	src := &NumberFormat{Pattern: proto.String("(\\d)"), LeadingDigitsPattern: []string{"1"}, NationalPrefixOptionalWhenFormatting: proto.Bool(true)}
	dst := &NumberFormat{Format: proto.String("$1"), LeadingDigitsPattern: []string{"0"}}
	proto.Merge(dst, src)
	want := &NumberFormat{Pattern: proto.String("(\\d)"), Format: proto.String("$1"), LeadingDigitsPattern: []string{"0", "1"}, NationalPrefixOptionalWhenFormatting: proto.Bool(true)}
	if !reflect.DeepEqual(dst, want) {
		t.Errorf("got %+v, want %+v", dst, want)
	}
	*src.Pattern = "changed"
	if dst.GetPattern() != "(\\d)" {
		t.Error("the merged message shares a field with its source")
	}
}

// TestEmbeddedMetadata: the embedded collections read without the
// protobuf runtime hold every region, with the fields the library relies on.
func TestEmbeddedMetadata(t *testing.T) {
	coll, err := MetadataCollection()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(coll.GetMetadata()); n < 240 {
		t.Errorf("%d regions", n)
	}
	fr := metadata().regionToMetadataMap["FR"]
	if fr.GetCountryCode() != 33 || fr.GetNationalPrefix() != "0" || fr.GetInternationalPrefix() != "00" || len(fr.GetNumberFormat()) == 0 || len(fr.GetGeneralDesc().GetPossibleLength()) == 0 || fr.GetPremiumRate().GetNationalNumberPattern() == "" {
		t.Errorf("FR: %+v", fr)
	}
	if sh, _ := readFromShortNumberRegionToMetadataMap("FR"); sh.GetShortCode().GetNationalNumberPattern() == "" || sh.GetEmergency().GetNationalNumberPattern() == "" {
		t.Errorf("FR short numbers: %+v", sh)
	}
}

// TestWireEveryField: each message type's decoder (wire.go) reads every
// field its struct tags declare: a message holding each field once, with
// the wire type of its tag, leaves no field unset.
func TestWireEveryField(t *testing.T) {
	for _, m := range []any{&NumberFormat{}, &PhoneNumberDesc{}, &PhoneMetadata{}, &PhoneMetadataCollection{}, &PhoneNumber{}} {
		typ := reflect.TypeOf(m).Elem()
		var b []byte
		for i := 0; i < typ.NumField(); i++ {
			tag := strings.Split(typ.Field(i).Tag.Get("protobuf"), ",")
			n, _ := strconv.Atoi(tag[1])
			if tag[0] == "varint" {
				b = protowire.AppendVarint(protowire.AppendTag(b, protowire.Number(n), protowire.VarintType), 1)
			} else {
				b = protowire.AppendBytes(protowire.AppendTag(b, protowire.Number(n), protowire.BytesType), nil) // an empty string or message
			}
		}
		if err := proto.Unmarshal(b, m); err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		v := reflect.ValueOf(m).Elem()
		for i := 0; i < typ.NumField(); i++ {
			if v.Field(i).IsZero() {
				t.Errorf("%s.%s: not read by its decoder", typ, typ.Field(i).Name)
			}
		}
	}
}

// TestLazyMetadataOrder: with the metadata read on first use, a program
// whose first call is ShortNumberMetadataCollection (as awarekit's content
// check does) still validates short numbers: run in a fresh process, so
// that no earlier test has read the metadata.
func TestLazyMetadataOrder(t *testing.T) {
	if os.Getenv("PHONENUMBERS_LAZY_CHILD") == "1" {
		if coll, err := ShortNumberMetadataCollection(); err != nil || len(coll.GetMetadata()) == 0 {
			t.Fatalf("short numbers: %v", err)
		}
		if coll, _ := ShortNumberMetadataCollection(); coll == nil {
			t.Fatal("a second ShortNumberMetadataCollection answered nil")
		}
		n, err := Parse("3018", "FR")
		if err != nil || !IsValidShortNumberForRegion(n, "FR") {
			t.Fatalf("3018 in FR: %v", err)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLazyMetadataOrder$", "-test.count=1")
	cmd.Env = append(os.Environ(), "PHONENUMBERS_LAZY_CHILD=1")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}
