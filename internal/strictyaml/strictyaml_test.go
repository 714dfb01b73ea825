package strictyaml_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/strictyaml"
)

type config struct {
	APIVersion string              `yaml:"apiVersion"`
	Items      []item              `yaml:"items"`
	Objects    map[string][]string `yaml:"objects"`
	Block      bool                `yaml:"block"`
	Nested     *nested             `yaml:"nested"`
}

type item struct {
	Name    string `yaml:"name"`
	Minutes int    `yaml:"minutes"`
}

type nested struct {
	Allow []string `yaml:"allow"`
}

func TestDecodeValues(t *testing.T) {
	input := `apiVersion: 66.0
items:
  - name: Snowflake_ETL
    minutes: 15
objects:
  Account: read
  Opportunity: [read, edit]
block: true
nested:
  allow: [203.0.113.0/24]
`
	var c config
	pos, err := strictyaml.Decode([]byte(input), &c)
	require.NoError(t, err)
	assert.Equal(t, "66.0", c.APIVersion, "a number keeps its text")
	assert.Equal(t, 15, c.Items[0].Minutes)
	assert.Equal(t, []string{"read"}, c.Objects["Account"], "a scalar is a one-item list")
	assert.Equal(t, []string{"read", "edit"}, c.Objects["Opportunity"])
	assert.True(t, c.Block)
	assert.Equal(t, []string{"203.0.113.0/24"}, c.Nested.Allow)

	assert.Equal(t, strictyaml.Position{Line: 3, Column: 11}, pos["items[0].name"])
	assert.Equal(t, strictyaml.Position{Line: 7, Column: 16}, pos[`objects["Opportunity"]`])
	got, ok := pos.Lookup("items[0].description")
	assert.True(t, ok)
	assert.Equal(t, strictyaml.Position{Line: 3, Column: 5}, got, "a missing key points at its parent")
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		line   int
		column int
		msg    string
	}{
		{"unknown key with suggestion", "items:\n  - nmae: x\n", 2, 5, `unknown key "nmae"; did you mean "name"?`},
		{"unknown key far from any", "zzzzzzzzzz: 1\n", 1, 1, `unknown key "zzzzzzzzzz"; known keys:`},
		{"duplicate key", "block: true\nblock: false\n", 2, 1, `duplicate key "block"`},
		{"bad number", "items:\n  - minutes: fifteen\n", 2, 14, `expected a whole number, found "fifteen"`},
		{"bad boolean", "block: yes\n", 1, 8, `invalid boolean "yes"`},
		{"list for text", "apiVersion: [1]\n", 1, 13, "expected a text value"},
		{"quoted number", "items:\n  - minutes: \"15\"\n", 2, 14, "expected a whole number"},
		{"quoted boolean", "block: \"true\"\n", 1, 8, "invalid boolean"},
		{"float for number", "items:\n  - minutes: 1.5\n", 2, 14, "expected a whole number"},
		{"syntax error", "a: 1\nb: : :\n", 2, 1, "invalid YAML"},
		{"empty document", "", 1, 1, "the document is empty"},
		{"second document", "block: true\n---\nblock: false\n", 2, 1, "a second YAML document"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c config
			_, err := strictyaml.Decode([]byte(tt.input), &c)
			require.Error(t, err)
			var list strictyaml.Errors
			var one *strictyaml.Error
			switch {
			case errors.As(err, &list):
				one = list[0]
			case errors.As(err, &one):
			default:
				t.Fatalf("unexpected error type %T", err)
			}
			assert.Equal(t, tt.line, one.Line)
			if tt.column > 0 && tt.name != "syntax error" {
				assert.Equal(t, tt.column, one.Column)
			}
			assert.Contains(t, one.Msg, tt.msg)
		})
	}
}

func TestDecodeCollectsEveryError(t *testing.T) {
	var c config
	_, err := strictyaml.Decode([]byte("bogus: 1\nblock: maybe\nitems:\n  - minutes: x\n"), &c)
	var list strictyaml.Errors
	require.True(t, errors.As(err, &list))
	assert.Len(t, list, 3)
}
