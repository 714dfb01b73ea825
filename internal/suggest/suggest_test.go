package suggest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/sfharden/sfharden/internal/suggest"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"abc", "", 3},
		{"name", "name", 0},
		{"nmae", "name", 1},
		{"kitten", "sitting", 3},
		{"ModifyAllDta", "ModifyAllData", 1},
		{"Atención", "Atencion", 1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, suggest.Distance(tt.a, tt.b), "%q %q", tt.a, tt.b)
		assert.Equal(t, tt.want, suggest.Distance(tt.b, tt.a), "%q %q", tt.b, tt.a)
	}
}

func TestClosest(t *testing.T) {
	known := []string{"SFAP", "Api", "RefreshToken", "contactEmail", "name"}
	assert.Equal(t, "SFAP", suggest.Closest("Sfap", known), "case differs only")
	assert.Equal(t, "contactEmail", suggest.Closest("contactEmial", known))
	assert.Equal(t, "name", suggest.Closest("nmae", known))
	assert.Equal(t, "", suggest.Closest("zzzzzz", known))
	assert.Equal(t, "", suggest.Closest("id", known), "a short name gets no far-fetched guess")
	assert.Equal(t, "", suggest.Closest("", known))
	assert.Equal(t, "Abc", suggest.Closest("abd", []string{"Abe", "Abc"}), "a tie goes to the first in sort order")
}
