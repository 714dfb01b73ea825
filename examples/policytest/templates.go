// Package policytest shows how to keep access templates least-privilege
// with a Go test. The templates below describe the access of one
// integration. templates_test.go builds them and fails when package policy
// reports an error or a warning, so a change that widens the access fails
// in CI rather than in a security review.
package policytest

import (
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
	"github.com/sfharden/sfharden/profile"
)

// Catalogue returns the risk catalogue of this org: the built-in one, one
// permission that this org also treats as a risk, and the one waiver the
// order sync needs.
func Catalogue() (*policy.Catalogue, error) {
	c := policy.Default()
	if err := c.Forbid(policy.Risk{
		Name:   "ManageSandboxes",
		Kind:   policy.KindUser,
		Tier:   policy.TierHigh,
		Reason: "creates and refreshes sandboxes that copy production data",
	}); err != nil {
		return nil, err
	}
	if err := c.Waive(policy.Waiver{
		Permission: "viewAllRecords",
		Object:     "Invoice__c",
		Reason:     "Nightly reconciliation reads every invoice",
	}); err != nil {
		return nil, err
	}
	return c, nil
}

// OrdersRead is the read access of the order sync.
func OrdersRead() permset.Request {
	return permset.Request{
		Name:        "Orders_Read",
		Label:       "Orders Read",
		Description: "Reads invoices for the order sync",
		Objects: map[string]permset.Access{
			"Invoice__c": permset.ViewAll,
			"Account":    permset.Read,
		},
		Fields: map[string]permset.FieldAccess{
			"Invoice__c.Amount__c": permset.FieldRead,
			"Account.Industry":     permset.FieldRead,
		},
	}
}

// OrdersWrite is the write access of the order sync.
func OrdersWrite() permset.Request {
	return permset.Request{
		Name:        "Orders_Write",
		Label:       "Orders Write",
		Description: "Updates invoice status for the order sync",
		Objects:     map[string]permset.Access{"Invoice__c": permset.Edit},
		Fields:      map[string]permset.FieldAccess{"Invoice__c.Notes__c": permset.FieldEdit},
		ApexClasses: []string{"OrderSyncService"},
	}
}

// Bundle is the group that the integration user is assigned.
func Bundle() permset.GroupRequest {
	return permset.GroupRequest{
		Name:           "Orders_Bundle",
		Label:          "Orders Sync Bundle",
		PermissionSets: []string{"Orders_Read", "Orders_Write"},
	}
}

// Profile is the profile of the integration user. It turns off the risk
// that Catalogue adds too, because the profile builder writes only the
// built-in risks with enabled false.
func Profile() profile.IntegrationRequest {
	return profile.IntegrationRequest{
		Name:          "Orders_API",
		Description:   "API-only user of the order sync",
		LoginIPRanges: []profile.LoginRange{{Addresses: "203.0.113.0/24", Description: "Sync servers"}},
		Disable:       []string{"ManageSandboxes"},
	}
}
