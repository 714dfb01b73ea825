package connectedapp_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/field"
)

// Build writes an External Client App by default. Its OAuth policy file
// turns on the client credentials flow for one run-as user, lets only
// holders of the integration's permission set use the app, enforces IP
// restrictions and issues no refresh tokens.
func ExampleBuild() {
	spec := connectedapp.Spec{
		Name:          "Orders_Sync",
		Label:         "Orders Sync",
		ContactEmail:  "integrations@example.com",
		RunAsUsername: "${ORDERS_SYNC_USER}",
		PermissionSet: "Orders_Sync_API",
		Network:       []string{"203.0.113.0/24"},
	}
	bundle, _, err := connectedapp.Build(spec, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		fmt.Println(err)
		return
	}

	for _, c := range bundle.Components() {
		if c.Type != "ExtlClntAppOauthConfigurablePolicies" {
			continue
		}
		data, err := c.Marshal()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(c.Path)
		fmt.Print(string(data))
	}
	fmt.Println("placeholders:", bundle.Placeholders())
	// Output:
	// extlClntAppOauthPolicies/Orders_Sync_oauthPlcy.ecaOauthPlcy-meta.xml
	// <?xml version="1.0" encoding="UTF-8"?>
	// <ExtlClntAppOauthConfigurablePolicies xmlns="http://soap.sforce.com/2006/04/metadata">
	//     <clientCredentialsFlowUser>${ORDERS_SYNC_USER}</clientCredentialsFlowUser>
	//     <commaSeparatedPermissionSet>Orders_Sync_API</commaSeparatedPermissionSet>
	//     <externalClientApplication>Orders_Sync</externalClientApplication>
	//     <ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>
	//     <isClientCredentialsFlowEnabled>true</isClientCredentialsFlowEnabled>
	//     <isGuestCodeCredFlowEnabled>false</isGuestCodeCredFlowEnabled>
	//     <isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>
	//     <label>Orders_Sync_oauthPlcy</label>
	//     <permittedUsersPolicyType>AdminApprovedPreAuthorized</permittedUsersPolicyType>
	//     <refreshTokenPolicyType>Zero</refreshTokenPolicyType>
	//     <sessionTimeoutInMinutes>15</sessionTimeoutInMinutes>
	// </ExtlClntAppOauthConfigurablePolicies>
	// placeholders: [ORDERS_SYNC_USER]
}

// Build returns every problem at once. OAuth request names such as
// refresh_token are mapped to Metadata API names, and scopes an integration
// should not have are forbidden unless waived.
func ExampleBuild_errors() {
	spec := connectedapp.Spec{
		Name:           "Orders_Sync",
		Label:          "Orders Sync",
		ContactEmail:   "integrations@example.com",
		PermissionSet:  "Orders_Sync_API",
		Scopes:         []string{"api", "refresh_token", "Sfap", "full"},
		ConsumerSecret: "copied-from-setup",
	}
	_, _, err := connectedapp.Build(spec, time.Now())

	var list field.List
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Printf("%s: %s\n", e.Path, e.Kind)
		}
	}
	// Output:
	// app.runAsUsername: required
	// app.scopes[1]: forbidden
	// app.scopes[2]: not supported
	// app.scopes[3]: forbidden
	// app.consumerSecret: forbidden
}

// NextRotation and RotationSteps give what a runbook needs.
func ExampleBundle_NextRotation() {
	spec := connectedapp.Spec{
		Name:               "Orders_Sync",
		Label:              "Orders Sync",
		ContactEmail:       "integrations@example.com",
		RunAsUsername:      "orders.sync@example.com",
		PermissionSet:      "Orders_Sync_API",
		SecretRotationDays: 30,
		Network:            []string{"203.0.113.0/24"},
	}
	rotated := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	bundle, _, err := connectedapp.Build(spec, rotated)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bundle.NextRotation(rotated).Format(time.DateOnly))
	// Output:
	// 2026-12-31
}
