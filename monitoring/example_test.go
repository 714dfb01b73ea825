package monitoring_test

import (
	"errors"
	"fmt"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/monitoring"
)

func ExampleBuild() {
	bundle, err := monitoring.Build(monitoring.Spec{
		Integration:     "NightlySync",
		Username:        "${SF_INTEGRATION_USER}",
		MaxRowsPerQuery: 5000,
		ActiveHours:     "01:00-05:00",
		TimeZone:        "Europe/Berlin",
		Notify:          []string{"security@example.com"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	files, err := bundle.Files()
	if err != nil {
		fmt.Println(err)
		return
	}

	for _, file := range files {
		fmt.Println(file.Path)
	}
	fmt.Println("tests:", bundle.TestClasses)
	fmt.Println("variables:", bundle.Variables)
	// Output:
	// classes/NightlySync_HoursCondition.cls
	// classes/NightlySync_HoursCondition.cls-meta.xml
	// classes/NightlySync_HoursConditionTest.cls
	// classes/NightlySync_HoursConditionTest.cls-meta.xml
	// flows/PolicyCondition_NightlySync_Rows.flow-meta.xml
	// transactionSecurityPolicies/NightlySync_Hours.transactionSecurityPolicy-meta.xml
	// transactionSecurityPolicies/NightlySync_Rows.transactionSecurityPolicy-meta.xml
	// tests: [NightlySync_HoursConditionTest]
	// variables: [SF_INTEGRATION_USER]
}

func ExampleBuild_policy() {
	bundle, err := monitoring.Build(monitoring.Spec{
		Integration:     "NightlySync",
		Username:        "integration@example.com",
		MaxRowsPerQuery: 5000,
		Notify:          []string{"security@example.com"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}

	files, err := bundle.Files()
	if err != nil {
		fmt.Println(err)
		return
	}

	fmt.Print(string(files[1].Content))
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <TransactionSecurityPolicy xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <action>
	//         <block>false</block>
	//         <endSession>false</endSession>
	//         <freezeUser>false</freezeUser>
	//         <notifications>
	//             <inApp>true</inApp>
	//             <sendEmail>true</sendEmail>
	//             <user>security@example.com</user>
	//         </notifications>
	//         <twoFactorAuthentication>false</twoFactorAuthentication>
	//     </action>
	//     <active>true</active>
	//     <description>Alerts on each API query by integration@example.com that reads more than 5000 rows, or too many rows for Salesforce to count. The limit applies to each query, not to a day&apos;s total.</description>
	//     <developerName>NightlySync_Rows</developerName>
	//     <eventName>ApiEvent</eventName>
	//     <flow>PolicyCondition_NightlySync_Rows</flow>
	//     <masterLabel>NightlySync Large Queries</masterLabel>
	//     <type>CustomConditionBuilderPolicy</type>
	// </TransactionSecurityPolicy>
}

func ExampleSpec_Validate() {
	spec := monitoring.Spec{
		Integration:     "NightlySync",
		Username:        "integration@example.com",
		MaxRowsPerQuery: 5000,
		TimeZone:        "Europe/Berlin",
		Notify:          []string{"integration@example.com"},
	}

	var list field.List
	if errors.As(spec.Validate(), &list) {
		for _, err := range list {
			fmt.Printf("%s (%s)\n", err.Path, err.Kind)
		}
	}
	// Output:
	// timezone (invalid)
	// notify[0] (forbidden)
}
