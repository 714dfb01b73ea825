package project

import (
	"reflect"
	"sync"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/profile"
)

// valueTypes maps a Metadata API type name to the constructor of the Go
// value that [Walk] parses its files into.
var valueTypes = struct {
	sync.RWMutex
	byName map[string]func() any
}{byName: map[string]func() any{
	"ConnectedApp":                         func() any { return new(connectedapp.ConnectedApp) },
	"ExternalClientApplication":            func() any { return new(connectedapp.ExternalClientApplication) },
	"ExtlClntAppConfigurablePolicies":      func() any { return new(connectedapp.ExtlClntAppConfigurablePolicies) },
	"ExtlClntAppGlobalOauthSettings":       func() any { return new(connectedapp.ExtlClntAppGlobalOauthSettings) },
	"ExtlClntAppOauthConfigurablePolicies": func() any { return new(connectedapp.ExtlClntAppOauthConfigurablePolicies) },
	"ExtlClntAppOauthSettings":             func() any { return new(connectedapp.ExtlClntAppOauthSettings) },
	"MutingPermissionSet":                  func() any { return new(permset.MutingPermissionSet) },
	"PermissionSet":                        func() any { return new(permset.PermissionSet) },
	"PermissionSetGroup":                   func() any { return new(permset.PermissionSetGroup) },
	"Profile":                              func() any { return new(profile.Profile) },
	"ProfilePasswordPolicy":                func() any { return new(profile.PasswordPolicy) },
	"ProfileSessionSetting":                func() any { return new(profile.SessionSetting) },
}}

// RegisterType makes [Walk] parse files of the Metadata API type typeName
// into the value newValue returns, a pointer to a struct that
// [github.com/sfharden/sfharden/internal/mdxml] can read. Package project
// registers the profile, permset and connectedapp types itself. A package
// that imports project cannot be imported by it, so such a package
// registers its own types in an init function.
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
	constructor, ok := valueTypes.byName[typeName]
	if !ok {
		return nil, false
	}
	return constructor(), true
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
