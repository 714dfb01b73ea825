package connectedapp

import (
	"crypto/elliptic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
)

func TestCheckDistinct(t *testing.T) {
	certificate := newCertificate(t, newECKey(t, elliptic.P256()), buildTime.AddDate(-1, 0, 0), buildTime.AddDate(1, 0, 0))

	invoices := baseSpec()
	payments := Spec{Name: "Payment_Import", RunAsUsername: "payments@example.com"}
	tests := []struct {
		name   string
		second Spec
		want   []pathKind
	}{
		{name: "distinct", second: payments},
		{
			// One app for two systems means one revocation stops both.
			name:   "same app in other case",
			second: Spec{Name: "invoice_export", RunAsUsername: "payments@example.com"},
			want:   []pathKind{{"apps[1].name", field.Duplicate}},
		},
		{
			// A shared run-as user mixes the audit trail of two systems.
			name:   "same run-as user",
			second: Spec{Name: "Payment_Import", RunAsUsername: "${INVOICE_EXPORT_USER}"},
			want:   []pathKind{{"apps[1].runAsUsername", field.Duplicate}},
		},
		{
			name:   "everything shared",
			second: invoices,
			want:   []pathKind{{"apps[1].name", field.Duplicate}, {"apps[1].runAsUsername", field.Duplicate}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckDistinct([]Spec{invoices, tc.second})
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.Equal(t, tc.want, pathKinds(t, err))
		})
	}

	t.Run("same certificate", func(t *testing.T) {
		first := jwtSpec(certificate)
		second := jwtSpec(append([]byte("\n"), certificate...))
		second.Name, second.RunAsUsername = "Refund_Import", ""
		err := CheckDistinct([]Spec{first, payments, second})
		assert.Equal(t, []pathKind{{"apps[2].certificate", field.Duplicate}}, pathKinds(t, err))
	})

	t.Run("error names both integrations", func(t *testing.T) {
		second := payments
		second.RunAsUsername = "INTEGRATIONS@example.com"
		first := invoices
		first.RunAsUsername = "integrations@example.com"
		err := CheckDistinct([]Spec{first, second})
		require.Error(t, err)
		e := findError(t, err, "apps[1].runAsUsername")
		assert.Contains(t, e.Detail, "Invoice_Export")
		assert.Contains(t, e.Detail, "Payment_Import")
	})

	t.Run("empty values are not shared", func(t *testing.T) {
		assert.NoError(t, CheckDistinct([]Spec{{}, {}}))
	})
}
