package phonenumbers

// The few functions of google.golang.org/protobuf/proto that the library
// calls (proto.String, proto.Merge, proto.Unmarshal…), for its plain
// message types (types.go): the wire format is read with protowire
// (wire.go). Without the protobuf runtime, whose reflection keeps every
// method of every type in a binary (CHANGES.md).

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// proto stands for the protobuf runtime's package in the library's code.
var proto protoShim

type protoShim struct{}

func (protoShim) String(s string) *string { return &s }
func (protoShim) Int32(v int32) *int32    { return &v }
func (protoShim) Uint64(v uint64) *uint64 { return &v }
func (protoShim) Bool(v bool) *bool       { return &v }

// Merge merges src into dst, two messages of the same type, as
// proto.Merge does: each field set in src is set in dst (a copy), repeated
// fields are appended, messages merged.
func (protoShim) Merge(dst, src any) {
	d, s := reflect.ValueOf(dst), reflect.ValueOf(src)
	if d.Type() != s.Type() || d.Kind() != reflect.Pointer {
		panic(fmt.Sprintf("proto.Merge of %T into %T", src, dst))
	}
	if s.IsNil() {
		return
	}
	mergeStruct(d.Elem(), s.Elem())
}

func mergeStruct(d, s reflect.Value) {
	for i := 0; i < s.NumField(); i++ {
		sf, df := s.Field(i), d.Field(i)
		switch sf.Kind() {
		case reflect.Pointer:
			if sf.IsNil() {
				continue
			}
			if sf.Elem().Kind() == reflect.Struct {
				if df.IsNil() {
					df.Set(reflect.New(sf.Elem().Type()))
				}
				mergeStruct(df.Elem(), sf.Elem())
				continue
			}
			v := reflect.New(sf.Elem().Type())
			v.Elem().Set(sf.Elem())
			df.Set(v)
		case reflect.Slice:
			for j := 0; j < sf.Len(); j++ {
				e := sf.Index(j)
				if e.Kind() == reflect.Pointer {
					c := reflect.New(e.Elem().Type())
					if !e.IsNil() {
						mergeStruct(c.Elem(), e.Elem())
					}
					e = c
				}
				df.Set(reflect.Append(df, e))
			}
		}
	}
}

var errWire = errors.New("phonenumbers: bad protobuf wire data")

// Unmarshal reads the wire form of a message into m, a pointer to one of
// the message types, as proto.Unmarshal does (proto2: a field given twice
// keeps the last scalar, appends to a repeated field, merges a message;
// an unknown field, or a known one of another wire type, is skipped).
// Each type's decoder is in wire.go, written from its struct tags.
func (protoShim) Unmarshal(b []byte, m any) error {
	u, ok := m.(interface{ unmarshalWire([]byte) error })
	if !ok {
		return fmt.Errorf("proto.Unmarshal into %T", m)
	}
	return u.unmarshalWire(b)
}

// String methods, in the spirit of the protobuf text format: each field
// set, by its name (for messages and logs, not for parsing).
func (x *NumberFormat) String() string            { return text(x) }
func (x *PhoneNumberDesc) String() string         { return text(x) }
func (x *PhoneMetadata) String() string           { return text(x) }
func (x *PhoneMetadataCollection) String() string { return text(x) }
func (x *PhoneNumber) String() string             { return text(x) }

func text(m any) string {
	v := reflect.ValueOf(m)
	if v.IsNil() {
		return "<nil>"
	}
	var b strings.Builder
	writeText(&b, v.Elem())
	return b.String()
}

func writeText(b *strings.Builder, s reflect.Value) {
	put := func(name string, v reflect.Value) {
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "{") {
			b.WriteByte(' ')
		}
		b.WriteString(name)
		if v.Kind() == reflect.Struct {
			b.WriteString(":{")
			writeText(b, v)
			b.WriteByte('}')
			return
		}
		b.WriteByte(':')
		if v.Kind() == reflect.String {
			b.WriteString(strconv.Quote(v.String()))
		} else {
			fmt.Fprint(b, v.Interface())
		}
	}
	for i := 0; i < s.NumField(); i++ {
		name := ""
		for _, p := range strings.Split(s.Type().Field(i).Tag.Get("protobuf"), ",") {
			if n, ok := strings.CutPrefix(p, "name="); ok {
				name = n
			}
		}
		f := s.Field(i)
		switch f.Kind() {
		case reflect.Pointer:
			if !f.IsNil() {
				put(name, f.Elem())
			}
		case reflect.Slice:
			for j := 0; j < f.Len(); j++ {
				e := f.Index(j)
				if e.Kind() == reflect.Pointer {
					e = e.Elem()
				}
				put(name, e)
			}
		}
	}
}
