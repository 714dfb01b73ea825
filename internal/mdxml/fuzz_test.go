package mdxml_test

import (
	"testing"

	"github.com/sfharden/sfharden/internal/mdxml"
)

// FuzzUnmarshal checks that no input makes the parser panic, and that
// whatever it accepts writes out in a form that reads back to the same bytes.
func FuzzUnmarshal(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>A &amp; B</label>
    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
</PermissionSet>`))
	f.Add([]byte("<PermissionSet><x y='1'><z/></x><label><![CDATA[c]]></label></PermissionSet>"))
	f.Add([]byte("\xef\xbb\xbf<PermissionSet>\r\n<hasActivationRequired>true</hasActivationRequired></PermissionSet>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ps permissionSet
		if err := mdxml.Unmarshal(data, &ps); err != nil {
			return
		}
		first, err := mdxml.Marshal(&ps)
		if err != nil {
			return // text that XML cannot hold, reported as an error
		}
		var again permissionSet
		if err := mdxml.Unmarshal(first, &again); err != nil {
			t.Fatalf("output does not parse: %v\n%s", err, first)
		}
		second, err := mdxml.Marshal(&again)
		if err != nil {
			t.Fatalf("second write failed: %v", err)
		}
		if string(first) != string(second) {
			t.Fatalf("output is not stable:\n%s\n---\n%s", first, second)
		}
	})
}

// FuzzNames checks that decoding an encoded name gives the name back.
func FuzzNames(f *testing.F) {
	for _, s := range []string{"Work.com Only User", "R&D", "100%", "%2E", "a/b\\c", "Atención", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		encoded := mdxml.EncodeName(name)
		if got := mdxml.DecodeName(encoded); got != name {
			t.Fatalf("DecodeName(EncodeName(%q)) = %q", name, got)
		}
	})
}
