// The wire decoders of the message types of types.go, one per type,
// written from their `protobuf:` struct tags (CHANGES.md). A field added
// to a type needs its case here: TestWireEveryField fails until it has one.

package phonenumbers

import "google.golang.org/protobuf/encoding/protowire"

func (x *NumberFormat) unmarshalWire(b []byte) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errWire
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.Pattern = proto.String(string(v))
		case num == 2 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.Format = proto.String(string(v))
		case num == 3 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.LeadingDigitsPattern = append(x.LeadingDigitsPattern, string(v))
		case num == 4 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.NationalPrefixFormattingRule = proto.String(string(v))
		case num == 6 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v != 0
			x.NationalPrefixOptionalWhenFormatting = &e
		case num == 5 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.DomesticCarrierCodeFormattingRule = proto.String(string(v))
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
		}
	}
	return nil
}

func (x *PhoneNumberDesc) unmarshalWire(b []byte) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errWire
		}
		b = b[n:]
		switch {
		case num == 2 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.NationalNumberPattern = proto.String(string(v))
		case num == 9 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.PossibleLength = append(x.PossibleLength, int32(v))
		case num == 9 && typ == protowire.BytesType: // packed
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			for len(v) > 0 {
				e, n := protowire.ConsumeVarint(v)
				if n < 0 {
					return errWire
				}
				v = v[n:]
				x.PossibleLength = append(x.PossibleLength, int32(e))
			}
		case num == 10 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.PossibleLengthLocalOnly = append(x.PossibleLengthLocalOnly, int32(v))
		case num == 10 && typ == protowire.BytesType: // packed
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			for len(v) > 0 {
				e, n := protowire.ConsumeVarint(v)
				if n < 0 {
					return errWire
				}
				v = v[n:]
				x.PossibleLengthLocalOnly = append(x.PossibleLengthLocalOnly, int32(e))
			}
		case num == 6 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.ExampleNumber = proto.String(string(v))
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
		}
	}
	return nil
}

func (x *PhoneMetadata) unmarshalWire(b []byte) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errWire
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.GeneralDesc == nil {
				x.GeneralDesc = &PhoneNumberDesc{}
			}
			if err := x.GeneralDesc.unmarshalWire(v); err != nil {
				return err
			}
		case num == 2 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.FixedLine == nil {
				x.FixedLine = &PhoneNumberDesc{}
			}
			if err := x.FixedLine.unmarshalWire(v); err != nil {
				return err
			}
		case num == 3 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.Mobile == nil {
				x.Mobile = &PhoneNumberDesc{}
			}
			if err := x.Mobile.unmarshalWire(v); err != nil {
				return err
			}
		case num == 4 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.TollFree == nil {
				x.TollFree = &PhoneNumberDesc{}
			}
			if err := x.TollFree.unmarshalWire(v); err != nil {
				return err
			}
		case num == 5 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.PremiumRate == nil {
				x.PremiumRate = &PhoneNumberDesc{}
			}
			if err := x.PremiumRate.unmarshalWire(v); err != nil {
				return err
			}
		case num == 6 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.SharedCost == nil {
				x.SharedCost = &PhoneNumberDesc{}
			}
			if err := x.SharedCost.unmarshalWire(v); err != nil {
				return err
			}
		case num == 7 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.PersonalNumber == nil {
				x.PersonalNumber = &PhoneNumberDesc{}
			}
			if err := x.PersonalNumber.unmarshalWire(v); err != nil {
				return err
			}
		case num == 8 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.Voip == nil {
				x.Voip = &PhoneNumberDesc{}
			}
			if err := x.Voip.unmarshalWire(v); err != nil {
				return err
			}
		case num == 21 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.Pager == nil {
				x.Pager = &PhoneNumberDesc{}
			}
			if err := x.Pager.unmarshalWire(v); err != nil {
				return err
			}
		case num == 25 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.Uan == nil {
				x.Uan = &PhoneNumberDesc{}
			}
			if err := x.Uan.unmarshalWire(v); err != nil {
				return err
			}
		case num == 27 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.Emergency == nil {
				x.Emergency = &PhoneNumberDesc{}
			}
			if err := x.Emergency.unmarshalWire(v); err != nil {
				return err
			}
		case num == 28 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.Voicemail == nil {
				x.Voicemail = &PhoneNumberDesc{}
			}
			if err := x.Voicemail.unmarshalWire(v); err != nil {
				return err
			}
		case num == 29 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.ShortCode == nil {
				x.ShortCode = &PhoneNumberDesc{}
			}
			if err := x.ShortCode.unmarshalWire(v); err != nil {
				return err
			}
		case num == 30 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.StandardRate == nil {
				x.StandardRate = &PhoneNumberDesc{}
			}
			if err := x.StandardRate.unmarshalWire(v); err != nil {
				return err
			}
		case num == 31 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.CarrierSpecific == nil {
				x.CarrierSpecific = &PhoneNumberDesc{}
			}
			if err := x.CarrierSpecific.unmarshalWire(v); err != nil {
				return err
			}
		case num == 33 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.SmsServices == nil {
				x.SmsServices = &PhoneNumberDesc{}
			}
			if err := x.SmsServices.unmarshalWire(v); err != nil {
				return err
			}
		case num == 24 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			if x.NoInternationalDialling == nil {
				x.NoInternationalDialling = &PhoneNumberDesc{}
			}
			if err := x.NoInternationalDialling.unmarshalWire(v); err != nil {
				return err
			}
		case num == 9 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.Id = proto.String(string(v))
		case num == 10 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := int32(v)
			x.CountryCode = &e
		case num == 11 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.InternationalPrefix = proto.String(string(v))
		case num == 17 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.PreferredInternationalPrefix = proto.String(string(v))
		case num == 12 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.NationalPrefix = proto.String(string(v))
		case num == 13 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.PreferredExtnPrefix = proto.String(string(v))
		case num == 15 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.NationalPrefixForParsing = proto.String(string(v))
		case num == 16 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.NationalPrefixTransformRule = proto.String(string(v))
		case num == 18 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v != 0
			x.SameMobileAndFixedLinePattern = &e
		case num == 19 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			m := &NumberFormat{}
			if err := m.unmarshalWire(v); err != nil {
				return err
			}
			x.NumberFormat = append(x.NumberFormat, m)
		case num == 20 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			m := &NumberFormat{}
			if err := m.unmarshalWire(v); err != nil {
				return err
			}
			x.IntlNumberFormat = append(x.IntlNumberFormat, m)
		case num == 22 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v != 0
			x.MainCountryForCode = &e
		case num == 23 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.LeadingDigits = proto.String(string(v))
		case num == 26 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v != 0
			x.LeadingZeroPossible = &e
		case num == 32 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v != 0
			x.MobileNumberPortableRegion = &e
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
		}
	}
	return nil
}

func (x *PhoneMetadataCollection) unmarshalWire(b []byte) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errWire
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			m := &PhoneMetadata{}
			if err := m.unmarshalWire(v); err != nil {
				return err
			}
			x.Metadata = append(x.Metadata, m)
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
		}
	}
	return nil
}

func (x *PhoneNumber) unmarshalWire(b []byte) error {
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return errWire
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := int32(v)
			x.CountryCode = &e
		case num == 2 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v
			x.NationalNumber = &e
		case num == 3 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.Extension = proto.String(string(v))
		case num == 4 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := v != 0
			x.ItalianLeadingZero = &e
		case num == 8 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := int32(v)
			x.NumberOfLeadingZeros = &e
		case num == 5 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.RawInput = proto.String(string(v))
		case num == 6 && typ == protowire.VarintType:
			v, n := protowire.ConsumeVarint(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			e := PhoneNumber_CountryCodeSource(v)
			x.CountryCodeSource = &e
		case num == 7 && typ == protowire.BytesType:
			v, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
			x.PreferredDomesticCarrierCode = proto.String(string(v))
		default:
			n := protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return errWire
			}
			b = b[n:]
		}
	}
	return nil
}
