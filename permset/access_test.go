package permset_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/permset"
)

func TestAccessClosure(t *testing.T) {
	tests := []struct {
		name      string
		requested permset.Access
		want      permset.Access
	}{
		{"none", 0, 0},
		{"read", permset.Read, permset.Read},
		{"create needs read", permset.Create, permset.Read | permset.Create},
		{"edit needs read", permset.Edit, permset.Read | permset.Edit},
		{"delete needs edit and read", permset.Delete, permset.Read | permset.Edit | permset.Delete},
		{"viewAll needs read", permset.ViewAll, permset.Read | permset.ViewAll},
		{"modifyAll needs delete edit viewAll", permset.ModifyAll,
			permset.Read | permset.Edit | permset.Delete | permset.ViewAll | permset.ModifyAll},
		{"create and delete", permset.Create | permset.Delete,
			permset.Read | permset.Create | permset.Edit | permset.Delete},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.requested.Closure()
			assert.Equal(t, tt.want, got, "got %s", got)
			assert.Equal(t, got, got.Closure(), "closure is not idempotent")
		})
	}
}

func TestParseAccess(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		want    permset.Access
		wantErr bool
	}{
		{"single", "edit", permset.Edit, false},
		{"list with spaces and case", " Read, viewall ", permset.Read | permset.ViewAll, false},
		{"none", "none", 0, false},
		{"empty", "", 0, false},
		{"unknown level", "read,write", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := permset.ParseAccess(tt.text)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestAccessStringRoundTrip(t *testing.T) {
	for a := permset.Access(0); a < 1<<6; a++ {
		parsed, err := permset.ParseAccess(a.String())
		require.NoError(t, err)
		assert.Equal(t, a, parsed, "String gave %q", a.String())
	}
}

func TestParseFieldAccess(t *testing.T) {
	for _, f := range []permset.FieldAccess{permset.FieldNone, permset.FieldRead, permset.FieldEdit} {
		got, err := permset.ParseFieldAccess(f.String())
		require.NoError(t, err)
		assert.Equal(t, f, got)
	}
	_, err := permset.ParseFieldAccess("write")
	assert.Error(t, err)
}
