package content

import (
	"reflect"
	"strings"
)

// Text returns the poster text of texts.yaml named key (one of
// vocab.Texts: title, definition…), by its YAML name; "" for no such key.
func (t Texts) Text(key string) string {
	v := reflect.ValueOf(t)
	for i := range v.NumField() {
		if name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ","); name == key {
			return v.Field(i).String()
		}
	}
	return ""
}
