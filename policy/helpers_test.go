package policy_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/policy"
)

// ruleAt is a finding reduced to what tests match on.
type ruleAt struct {
	Severity policy.Severity
	Rule     string
	Path     string
}

func rulesOf(findings []policy.Finding) []ruleAt {
	got := []ruleAt{}
	for _, f := range findings {
		got = append(got, ruleAt{f.Severity, f.Rule, f.Path})
	}
	return got
}

// mustCatalogue returns the default catalogue with the given waivers.
func mustCatalogue(waivers ...policy.Waiver) *policy.Catalogue {
	c := policy.Default()
	for _, w := range waivers {
		if err := c.Waive(w); err != nil {
			panic(err)
		}
	}
	return c
}

// wantError is an expected error, matched by kind and path only.
type wantError struct {
	Kind field.Kind
	Path string
}

func errorsOf(t *testing.T, err error) []wantError {
	t.Helper()
	if err == nil {
		return nil
	}
	var list field.List
	require.True(t, errors.As(err, &list), "error is a %T, not a field.List: %v", err, err)
	got := make([]wantError, len(list))
	for i, e := range list {
		got[i] = wantError{Kind: e.Kind, Path: e.Path}
	}
	return got
}
