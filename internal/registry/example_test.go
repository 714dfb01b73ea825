package registry_test

import (
	"fmt"

	"github.com/sfharden/sfharden/internal/registry"
)

func ExampleForPath() {
	t, fullName, ok := registry.ForPath("force-app/main/default/profiles/Work%2Ecom Only User.profile-meta.xml", registry.Source)
	fmt.Println(t.Name, ok, fullName)

	t, fullName, ok = registry.ForPath("unpackaged/reports/Sales/Pipeline.report", registry.Mdapi)
	fmt.Println(t.Name, ok, fullName)

	// A CustomField is stored inside its object's folder, and its fullName
	// "Account.Industry" is not a file name, so the file is not reported.
	_, _, ok = registry.ForPath("force-app/main/default/objects/Account/fields/Industry.field-meta.xml", registry.Source)
	fmt.Println(ok)
	// Output:
	// Profile true Work%2Ecom Only User
	// Report true Sales/Pipeline
	// false
}

func ExampleSourcePath() {
	eca, _ := registry.ByName("ExtlClntAppGlobalOauthSettings")
	path, err := registry.SourcePath(eca, "Orders_API_glbloauth")
	fmt.Println(path, err)

	profile, _ := registry.ByName("Profile")
	_, err = registry.SourcePath(profile, "../Admin")
	fmt.Println(err)
	// Output:
	// extlClntAppGlobalOauthSets/Orders_API_glbloauth.ecaGlblOauth-meta.xml <nil>
	// invalid fullName "../Admin": metadata type "Profile" is not stored in folders, so the name must not contain "/"
}

func ExampleType_IsSingleFile() {
	for _, name := range []string{"PermissionSet", "ApexClass", "CustomObject", "LightningComponentBundle"} {
		t, _ := registry.ByName(name)
		fmt.Printf("%s single file: %t, modelled: %t\n", t.Name, t.IsSingleFile(), t.Modelled)
	}
	// Output:
	// PermissionSet single file: true, modelled: true
	// ApexClass single file: false, modelled: true
	// CustomObject single file: false, modelled: false
	// LightningComponentBundle single file: false, modelled: false
}
