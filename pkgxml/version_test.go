package pkgxml

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckAPIVersion(t *testing.T) {
	tests := []struct {
		name    string
		version string
		valid   bool
	}{
		{"current", "66.0", true},
		{"oldest accepted", "21.0", true},
		{"three digits", "100.0", true},
		{"letters", "abc", false},
		{"no minor part", "66", false},
		{"minor part not zero", "66.1", false},
		{"leading zero", "066.0", false},
		{"one digit", "9.0", false},
		{"retired", "20.0", false},
		{"empty", "", false},
		{"spaces", " 66.0", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckAPIVersion(tt.version)
			if tt.valid {
				assert.NoError(t, err)
				return
			}
			assert.Error(t, err)
		})
	}
}
