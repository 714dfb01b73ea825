package monitoring_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/monitoring"
	"github.com/sfharden/sfharden/project"
)

func TestComponentConvertsToProject(t *testing.T) {
	bundle, err := monitoring.Build(monitoring.Spec{
		Integration:     "NightlySync",
		Username:        "integration@example.com",
		MaxRowsPerQuery: 10,
		Notify:          []string{"security@example.com"},
	})
	require.NoError(t, err)

	c := project.Component(bundle.Components[0])
	assert.Equal(t, "TransactionSecurityPolicy", c.Type)
	assert.Equal(t, "NightlySync_Rows", c.FullName)
	assert.IsType(t, &monitoring.TransactionSecurityPolicy{}, c.Value)
}
