package policy_test

import (
	"fmt"

	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
)

func ExampleCheckPermissionSet() {
	ps, _, err := permset.Build(permset.Request{
		Name:            "Orders_API",
		Label:           "Orders API",
		Objects:         map[string]permset.Access{"Invoice__c": permset.ViewAll},
		UserPermissions: []string{"ApiEnabled", "ModifyMetadata"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range policy.CheckPermissionSet(ps, policy.Options{}) {
		fmt.Printf("%s %s %s\n", f.Severity, f.Rule, f.Path)
	}
	// Output:
	// error risky-user-permission userPermissions["ModifyMetadata"]
	// error risky-object-permission objectPermissions["Invoice__c"].viewAllRecords
}

func ExampleBuildPermissionSet() {
	catalogue := policy.Default()
	if err := catalogue.Waive(policy.Waiver{
		Permission: "ViewAllData",
		Reason:     "Nightly reconciliation reads every record",
	}); err != nil {
		fmt.Println(err)
		return
	}

	ps, _, err := policy.BuildPermissionSet(permset.Request{
		Name:            "Orders_Recon",
		Label:           "Orders reconciliation",
		Description:     "Read-only reconciliation",
		UserPermissions: []string{"ApiEnabled", "ViewAllData"},
	}, policy.Options{Catalogue: catalogue})
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := ps.Marshal()
	fmt.Print(string(data))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <description>Read-only reconciliation. Waivers: ViewAllData (Nightly reconciliation reads every record)</description>
	//     <hasActivationRequired>false</hasActivationRequired>
	//     <label>Orders reconciliation</label>
	//     <userPermissions>
	//         <enabled>true</enabled>
	//         <name>ApiEnabled</name>
	//     </userPermissions>
	//     <userPermissions>
	//         <enabled>true</enabled>
	//         <name>ViewAllData</name>
	//     </userPermissions>
	// </PermissionSet>
}

func ExampleBuildPermissionSet_refused() {
	_, _, err := policy.BuildPermissionSet(permset.Request{
		Name:            "Orders_Recon",
		Label:           "Orders reconciliation",
		UserPermissions: []string{"ApiEnabled", "ViewAllData"},
	}, policy.Options{})
	fmt.Println(err)
	// Output:
	// userPermissions["ViewAllData"]: forbidden: ViewAllData is a critical risk for an integration user: it reads every record of every object regardless of sharing; remove it, or add a policy.Waiver for ViewAllData with the reason the integration needs it
}
