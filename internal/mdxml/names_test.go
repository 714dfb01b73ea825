package mdxml_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfharden/sfharden/internal/mdxml"
)

func TestEncodeName(t *testing.T) {
	tests := []struct{ name, encoded string }{
		{"Work.com Only User", "Work%2Ecom Only User"},
		{"Brook & Whittle Estimator", "Brook %26 Whittle Estimator"},
		{"Minimum Access - API Only Integrations", "Minimum Access - API Only Integrations"},
		{"Lead Layout (NOT IN USE)", "Lead Layout %28NOT IN USE%29"},
		{"Region/Branch", "Region%2FBranch"},
		{"Identity Verification: Yoti", "Identity Verification%3A Yoti"},
		{"PAYG, ETP", "PAYG%2C ETP"},
		{"100%", "100%25"},
		{"Atención", "Atención"},
		{"../etc", "%2E%2E%2Fetc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.encoded, mdxml.EncodeName(tt.name))
			assert.Equal(t, tt.name, mdxml.DecodeName(tt.encoded))
		})
	}
}

func TestDecodeNameKeepsStrayPercent(t *testing.T) {
	assert.Equal(t, "50% off", mdxml.DecodeName("50% off"))
	assert.Equal(t, "%zz", mdxml.DecodeName("%zz"))
	assert.Equal(t, "a%2", mdxml.DecodeName("a%2"))
	assert.Equal(t, "a\x00b", mdxml.DecodeName("a%00b"), "callers that build paths must reject NUL")
}

func TestNameFromPath(t *testing.T) {
	assert.Equal(t, "Work.com Only User", mdxml.NameFromPath("force-app/main/default/profiles/Work%2Ecom Only User.profile-meta.xml", "profile"))
	assert.Equal(t, "Admin", mdxml.NameFromPath("src/profiles/Admin.profile", "profile"))
	assert.Equal(t, "", mdxml.NameFromPath("src/profiles/Admin.permissionset", "profile"))
}
