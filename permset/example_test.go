package permset_test

import (
	"fmt"

	"github.com/sfharden/sfharden/permset"
)

func ExampleBuild() {
	ps, notices, err := permset.Build(permset.Request{
		Name:            "Orders_API",
		Label:           "Orders API",
		Objects:         map[string]permset.Access{"Invoice__c": permset.Edit},
		UserPermissions: []string{"ApiEnabled"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range notices {
		fmt.Println("notice:", n)
	}
	data, _ := ps.Marshal()
	fmt.Print(string(data))
	// Output:
	// notice: objects["Invoice__c"]: edit needs read, so the entry grants read,edit
	// <?xml version="1.0" encoding="UTF-8"?>
	// <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <hasActivationRequired>false</hasActivationRequired>
	//     <label>Orders API</label>
	//     <objectPermissions>
	//         <allowCreate>false</allowCreate>
	//         <allowDelete>false</allowDelete>
	//         <allowEdit>true</allowEdit>
	//         <allowRead>true</allowRead>
	//         <modifyAllRecords>false</modifyAllRecords>
	//         <object>Invoice__c</object>
	//         <viewAllRecords>false</viewAllRecords>
	//     </objectPermissions>
	//     <userPermissions>
	//         <enabled>true</enabled>
	//         <name>ApiEnabled</name>
	//     </userPermissions>
	// </PermissionSet>
}

func ExampleBuild_errors() {
	_, _, err := permset.Build(permset.Request{
		Name:            "Orders_API",
		Label:           "Orders API",
		APIVersion:      "62.0",
		Objects:         map[string]permset.Access{"Invoice__c": permset.Read},
		Fields:          map[string]permset.FieldAccess{"Invoice__c.Amount__c": permset.FieldEdit},
		UserPermissions: []string{"ManageWidgetsX"},
	})
	fmt.Println(err)
	// Output:
	// fields["Invoice__c.Amount__c"]: forbidden: "Invoice__c.Amount__c": Invoice__c.Amount__c is editable but object Invoice__c does not allow edit; request edit on Invoice__c or FieldRead on the field
	// userPermissions[0]: not supported: "ManageWidgetsX": unknown user permission "ManageWidgetsX" for API v62.0; check the name in Setup or set Options.AllowUnknownPermissions
}

func ExampleBuildGroup() {
	group, _, err := permset.BuildGroup(permset.GroupRequest{
		Name:           "Orders_Bundle",
		Label:          "Orders Sync Bundle",
		PermissionSets: []string{"Orders_Read", "Orders_Missing"},
		InTree:         []*permset.PermissionSet{{FullName: "Orders_Read"}},
	})
	fmt.Println(group == nil)
	fmt.Println(err)
	// Output:
	// true
	// permissionSets[1]: invalid: "Orders_Missing": PermissionSetGroup Orders_Bundle references Orders_Missing, which is neither in the source tree nor declared as already in the org; add it to the tree or to InOrg
}
