package policytest_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/examples/policytest"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/policy"
	"github.com/sfharden/sfharden/profile"
)

// requireClean fails the test for every finding of warning severity or
// above, printing each with its fix.
func requireClean(t *testing.T, findings []policy.Finding) {
	t.Helper()
	for _, f := range policy.Filter(findings, policy.SeverityWarning) {
		t.Errorf("%s", f)
	}
}

func options(t *testing.T) policy.Options {
	t.Helper()
	catalogue, err := policytest.Catalogue()
	require.NoError(t, err)
	return policy.Options{Catalogue: catalogue}
}

func buildSets(t *testing.T, opts policy.Options) []*permset.PermissionSet {
	t.Helper()
	var sets []*permset.PermissionSet
	for _, req := range []permset.Request{policytest.OrdersRead(), policytest.OrdersWrite()} {
		ps, _, err := policy.BuildPermissionSet(req, opts)
		require.NoError(t, err, "template %s", req.Name)
		sets = append(sets, ps)
	}
	return sets
}

func TestPermissionSetsLeastPrivilege(t *testing.T) {
	opts := options(t)
	for _, ps := range buildSets(t, opts) {
		t.Run(ps.FullName, func(t *testing.T) {
			requireClean(t, policy.CheckPermissionSet(ps, opts))
		})
	}
}

func TestGroupLeastPrivilege(t *testing.T) {
	opts := options(t)
	sets := buildSets(t, opts)
	req := policytest.Bundle()
	req.InTree = sets
	group, _, err := permset.BuildGroup(req)
	require.NoError(t, err)

	requireClean(t, policy.CheckGroup(group, sets, opts))
}

func TestProfileLeastPrivilege(t *testing.T) {
	p, _, err := profile.BuildIntegrationProfile(policytest.Profile())
	require.NoError(t, err)

	requireClean(t, policy.CheckProfile(p, options(t)))
}

// TestWideningIsCaught shows the check failing: a template that gains
// ModifyAllData is refused, because nothing waives it.
func TestWideningIsCaught(t *testing.T) {
	req := policytest.OrdersWrite()
	req.UserPermissions = append(req.UserPermissions, "ModifyAllData")
	req.Options.AddDependencies = true

	_, _, err := policy.BuildPermissionSet(req, options(t))
	require.Error(t, err)
}
