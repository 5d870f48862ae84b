package phonenumbers

// The few functions of google.golang.org/protobuf/proto that the library
// calls (proto.String, proto.Merge, proto.Unmarshal…), for its plain
// message types (types.go): the wire format is read with protowire, the
// fields found by their `protobuf:` struct tags. Without the protobuf
// runtime, whose reflection keeps every method of every type in a binary
// (CHANGES.md).

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"google.golang.org/protobuf/encoding/protowire"
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

// field is a message field as its struct tag describes it.
type field struct {
	index int
	wire  string // varint, bytes
}

var fieldsOf sync.Map // reflect.Type → map[protowire.Number]field

func fields(t reflect.Type) map[protowire.Number]field {
	if m, ok := fieldsOf.Load(t); ok {
		return m.(map[protowire.Number]field)
	}
	m := map[protowire.Number]field{}
	for i := 0; i < t.NumField(); i++ {
		tag := strings.Split(t.Field(i).Tag.Get("protobuf"), ",")
		if len(tag) < 2 {
			continue
		}
		n, err := strconv.Atoi(tag[1])
		if err != nil {
			panic(fmt.Sprintf("%s.%s: bad protobuf tag", t, t.Field(i).Name))
		}
		m[protowire.Number(n)] = field{index: i, wire: tag[0]}
	}
	fieldsOf.Store(t, m)
	return m
}

var errWire = errors.New("phonenumbers: bad protobuf wire data")

// Unmarshal reads the wire form of a message into m, a pointer to one of
// the message types, as proto.Unmarshal does (proto2: a field given twice
// keeps the last scalar, appends to a repeated field, merges a message).
func (protoShim) Unmarshal(b []byte, m any) error {
	v := reflect.ValueOf(m)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		return fmt.Errorf("proto.Unmarshal into %T", m)
	}
	return unmarshal(b, v.Elem())
}

func unmarshal(b []byte, s reflect.Value) error {
	fs := fields(s.Type())
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errWire
		}
		b = b[n:]
		f, known := fs[num]
		if !known {
			n = protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			continue
		}
		fv := s.Field(f.index)
		switch typ {
		case protowire.VarintType:
			x, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if err := setVarint(fv, x); err != nil {
				return err
			}
		case protowire.BytesType:
			x, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if err := setBytes(fv, x); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%w: field %d of %s has wire type %d", errWire, num, s.Type(), typ)
		}
	}
	return nil
}

// setVarint sets a scalar field (*int32, *uint64, *bool, *enum) or appends
// to a repeated one.
func setVarint(fv reflect.Value, x uint64) error {
	t := fv.Type()
	if t.Kind() == reflect.Slice {
		e := reflect.New(t.Elem()).Elem()
		if err := putInt(e, x); err != nil {
			return err
		}
		fv.Set(reflect.Append(fv, e))
		return nil
	}
	if t.Kind() != reflect.Pointer {
		return fmt.Errorf("%w: varint for a %s", errWire, t)
	}
	p := reflect.New(t.Elem())
	if err := putInt(p.Elem(), x); err != nil {
		return err
	}
	fv.Set(p)
	return nil
}

func putInt(e reflect.Value, x uint64) error {
	switch e.Kind() {
	case reflect.Int32:
		e.SetInt(int64(int32(x)))
	case reflect.Uint64:
		e.SetUint(x)
	case reflect.Bool:
		e.SetBool(x != 0)
	default:
		return fmt.Errorf("%w: varint for a %s", errWire, e.Type())
	}
	return nil
}

// setBytes sets a string, a message, a repeated string or message, or a
// packed repeated varint.
func setBytes(fv reflect.Value, x []byte) error {
	t := fv.Type()
	switch {
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.String:
		s := string(x)
		fv.Set(reflect.ValueOf(&s))
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		if fv.IsNil() {
			fv.Set(reflect.New(t.Elem()))
		}
		return unmarshal(x, fv.Elem())
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		fv.Set(reflect.Append(fv, reflect.ValueOf(string(x))))
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Pointer:
		p := reflect.New(t.Elem().Elem())
		if err := unmarshal(x, p.Elem()); err != nil {
			return err
		}
		fv.Set(reflect.Append(fv, p))
	case t.Kind() == reflect.Slice:
		for len(x) > 0 { // packed
			v, n := protowire.ConsumeVarint(x)
			if n < 0 {
				return errWire
			}
			x = x[n:]
			if err := setVarint(fv, v); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("%w: bytes for a %s", errWire, t)
	}
	return nil
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
