package project

import (
	"reflect"
	"sync"

	"github.com/sfharden/sfharden/internal/kinds"
)

// valueTypes maps a Metadata API type name to the constructor of the Go
// value that [Walk] parses its files into, for types registered with
// [RegisterType] on top of those sfharden models.
var valueTypes = struct {
	sync.RWMutex
	byName map[string]func() any
}{byName: map[string]func() any{}}

// RegisterType makes [Walk] parse files of the Metadata API type typeName
// into the value newValue returns, a pointer to a struct that
// [github.com/sfharden/sfharden/internal/mdxml] can read. The types that
// sfharden models (profiles, permission sets, OAuth apps, transaction
// security policies and their flows, Apex class metadata) are known
// without registering.
func RegisterType(typeName string, newValue func() any) {
	valueTypes.Lock()
	defer valueTypes.Unlock()
	valueTypes.byName[typeName] = newValue
}

// newValue returns a new value for typeName, or false when no Go type is
// registered for it.
func newValue(typeName string) (any, bool) {
	valueTypes.RLock()
	defer valueTypes.RUnlock()
	if constructor, ok := valueTypes.byName[typeName]; ok {
		return constructor(), true
	}
	if kind, ok := kinds.ByType(typeName); ok {
		return kind.New(), true
	}
	return nil, false
}

// rootElement returns the Metadata API type that a value models, from the
// tag of its mdxml.Extra field, or "" when v is not a pointer to such a
// struct.
func rootElement(v any) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return ""
	}
	field, ok := rv.Elem().Type().FieldByName("Extra")
	if !ok {
		return ""
	}
	return field.Tag.Get("mdxml")
}
