package kinds_test

import (
	"testing"

	"github.com/sfharden/sfharden/internal/kinds"
	"github.com/sfharden/sfharden/internal/mdxml"
)

// FuzzParse runs the parser of every modelled kind, and of package.xml, on
// arbitrary bytes: no input may make it panic, and whatever it accepts must
// write out in a form that reads back to the same bytes.
func FuzzParse(f *testing.F) {
	all := append(append([]kinds.Kind(nil), kinds.All...), kinds.Manifest)
	f.Add(uint8(0), []byte(`<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>`))
	f.Add(uint8(9), []byte(`<?xml version="1.0" encoding="UTF-8"?><Profile xmlns="http://soap.sforce.com/2006/04/metadata"><loginIpRanges><endAddress>10.0.0.9</endAddress><startAddress>10.0.0.1</startAddress></loginIpRanges><userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions></Profile>`))
	f.Add(uint8(1), []byte(`<ExternalClientApplication><label>A &amp; B</label><newerElement>1</newerElement></ExternalClientApplication>`))
	f.Add(uint8(len(all)-1), []byte(`<Package><types><members>*</members><name>CustomObject</name></types><version>66.0</version></Package>`))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		kind := all[int(which)%len(all)]
		v := kind.New()
		if err := mdxml.Unmarshal(data, v); err != nil {
			return
		}
		first, err := mdxml.Marshal(v)
		if err != nil {
			return // text that XML cannot hold, reported as an error
		}
		again := kind.New()
		if err := mdxml.Unmarshal(first, again); err != nil {
			t.Fatalf("%s: output does not parse: %v\n%s", kind.Type, err, first)
		}
		second, err := mdxml.Marshal(again)
		if err != nil {
			t.Fatalf("%s: second write failed: %v", kind.Type, err)
		}
		if string(first) != string(second) {
			t.Fatalf("%s: output is not stable:\n%s\n---\n%s", kind.Type, first, second)
		}
	})
}
