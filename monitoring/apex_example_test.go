package monitoring_test

import (
	"errors"
	"fmt"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/monitoring"
)

func ExampleLoginHoursPolicy_Apex() {
	policy := monitoring.LoginHoursPolicy{
		Name:        "NightlySync",
		Username:    "${SF_INTEGRATION_USER}",
		ActiveHours: "22:00-04:00",
		TimeZone:    "Europe/Berlin",
	}

	files, err := policy.Apex()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, file := range files {
		fmt.Println(file.Path)
	}
	fmt.Print(string(files[1].Content))
	// Output:
	// classes/NightlySyncCondition.cls
	// classes/NightlySyncCondition.cls-meta.xml
	// classes/NightlySyncConditionTest.cls
	// classes/NightlySyncConditionTest.cls-meta.xml
	// <?xml version="1.0" encoding="UTF-8"?>
	// <ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <apiVersion>66.0</apiVersion>
	//     <status>Active</status>
	// </ApexClass>
}

func ExampleLoginHoursPolicy_Validate() {
	policy := monitoring.LoginHoursPolicy{
		Name:        "NightlySync",
		Username:    "integration@example.com\n",
		ActiveHours: "25:00-03:00",
		TimeZone:    "+02:00",
	}

	var list field.List
	if errors.As(policy.Validate(), &list) {
		for _, err := range list {
			fmt.Printf("%s (%s)\n", err.Path, err.Kind)
		}
	}
	// Output:
	// username (invalid)
	// activeHours (invalid)
	// timeZone (not supported)
}
