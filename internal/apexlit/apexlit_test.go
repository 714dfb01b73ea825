package apexlit_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/apexlit"
)

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"etl@example.com":           `'etl@example.com'`,
		"o'brien@example.com":       `'o\'brien@example.com'`,
		`back\slash`:                `'back\\slash'`,
		"${SNOWFLAKE_ETL_USERNAME}": `'${SNOWFLAKE_ETL_USERNAME}'`,
	} {
		got, err := apexlit.String(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got)
	}
}

func TestStringRejectsControlCharacters(t *testing.T) {
	for _, in := range []string{"a\nb", "a\rb", "a\x00b", "a\u2028b", "a\xffb"} {
		_, err := apexlit.String(in)
		assert.Error(t, err, "%q", in)
	}
}
