package connectedapp

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/testenv"
)

// goldenCases are the four kinds of app Build writes.
func goldenCases(t *testing.T) []struct {
	name string
	spec Spec
} {
	jwt := func(s Spec) Spec {
		s.Flow = JWTBearer
		s.Certificate = goldenCertificate(t)
		return s
	}
	connected := func(s Spec) Spec {
		s.Type = TypeConnectedApp
		return s
	}
	return []struct {
		name string
		spec Spec
	}{
		{"eca-client-credentials", baseSpec()},
		{"eca-jwt-bearer", jwt(baseSpec())},
		{"connectedapp-client-credentials", connected(baseSpec())},
		{"connectedapp-jwt-bearer", connected(jwt(baseSpec()))},
	}
}

func TestBuildGolden(t *testing.T) {
	for _, tc := range goldenCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			bundle, _, err := Build(tc.spec, buildTime)
			require.NoError(t, err)

			var paths []string
			for _, c := range bundle.Components() {
				data, err := c.Marshal()
				require.NoError(t, err)
				compareGolden(t, filepath.Join("testdata", "golden", tc.name, c.Path), data)
				paths = append(paths, c.Path)
			}
			compareGolden(t, filepath.Join("testdata", "golden", tc.name, "ROTATION.txt"), []byte(bundle.RotationSteps()))

			if tc.spec.Type == TypeConnectedApp {
				assert.Equal(t, []string{"connectedApps/Invoice_Export.connectedApp-meta.xml"}, paths)
			} else {
				assert.Equal(t, []string{
					"externalClientApps/Invoice_Export.eca-meta.xml",
					"extlClntAppGlobalOauthSets/Invoice_Export_glbloauth.ecaGlblOauth-meta.xml",
					"extlClntAppOauthSettings/Invoice_Export_oauth.ecaOauth-meta.xml",
					"extlClntAppOauthPolicies/Invoice_Export_oauthPlcy.ecaOauthPlcy-meta.xml",
					"extlClntAppPolicies/Invoice_Export_plcy.ecaPlcy-meta.xml",
				}, paths)
			}
		})
	}
}

// TestBuildOutputIsValidAndReadsBack checks every generated file against the
// Metadata API schema and parses it back to the value that was written.
func TestBuildOutputIsValidAndReadsBack(t *testing.T) {
	for _, tc := range goldenCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			bundle, _, err := Build(tc.spec, buildTime)
			require.NoError(t, err)

			// Read back first: ValidateXMLBytes skips the rest of the test
			// when the schema or xmllint is missing.
			type file struct {
				path string
				data []byte
			}
			var files []file
			for _, c := range bundle.Components() {
				data, err := c.Marshal()
				require.NoError(t, err)
				parsed, err := parseComponent(c.Type, data)
				require.NoError(t, err, c.Path)
				if diff := cmp.Diff(c.Value, parsed, cmpopts.IgnoreFields(mdxml.Extra{}, "Line")); diff != "" {
					t.Errorf("%s read back differently (-written +read):\n%s", c.Path, diff)
				}
				files = append(files, file{c.Path, data})
			}

			for _, f := range files {
				testenv.ValidateXMLBytes(t, filepath.Base(f.path), f.data)
			}
		})
	}
}

func TestBuildNeverWritesServerOwnedOrSecretElements(t *testing.T) {
	for _, tc := range goldenCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			bundle, _, err := Build(tc.spec, buildTime)
			require.NoError(t, err)
			for _, c := range bundle.Components() {
				data, err := c.Marshal()
				require.NoError(t, err)
				for _, element := range []string{"<consumerKey>", "<consumerSecret>", "<orgScopedExternalApp>",
					"<oauthLink>", "<shouldRotateConsumerKey>", "<shouldRotateConsumerSecret>"} {
					assert.NotContains(t, string(data), element, c.Path)
				}
				assert.Empty(t, StoredCredentials(c.Value), c.Path)
			}
		})
	}
}

func TestBuildHardenedValues(t *testing.T) {
	t.Run("eca client credentials", func(t *testing.T) {
		bundle, _, err := Build(baseSpec(), buildTime)
		require.NoError(t, err)
		components := bundle.Components()
		policy := components[3].Value.(*ExtlClntAppOauthConfigurablePolicies)

		assert.Equal(t, "Enforce", policy.IPRelaxationPolicyType)
		assert.Equal(t, "Zero", policy.RefreshTokenPolicyType)
		assert.Equal(t, "AdminApprovedPreAuthorized", policy.PermittedUsersPolicyType)
		assert.Equal(t, "Invoice_Export_API", policy.CommaSeparatedPermissionSet)
		assert.Equal(t, "${INVOICE_EXPORT_USER}", policy.ClientCredentialsFlowUser)
		assert.Equal(t, ptr(true), policy.IsClientCredentialsFlowEnabled)
		assert.Equal(t, ptr(15), policy.SessionTimeoutInMinutes)

		settings := components[2].Value.(*ExtlClntAppOauthSettings)
		assert.Equal(t, "Api", settings.CommaSeparatedOAuthScopes)
		assert.Equal(t, []string{"INVOICE_EXPORT_USER"}, bundle.Placeholders())
	})

	t.Run("connected app client credentials", func(t *testing.T) {
		spec := baseSpec()
		spec.Type = TypeConnectedApp
		bundle, _, err := Build(spec, buildTime)
		require.NoError(t, err)
		app := bundle.Components()[0].Value.(*ConnectedApp)

		assert.Equal(t, "ENFORCE", app.OAuthPolicy.IPRelaxation)
		assert.Equal(t, "zero", app.OAuthPolicy.RefreshTokenPolicy)
		assert.Equal(t, PlaceholderCallbackURL, app.OAuthConfig.CallbackURL)
		assert.Equal(t, ptr(true), app.OAuthConfig.IsAdminApproved)
		assert.Equal(t, ptr(true), app.OAuthConfig.IsClientCredentialEnabled)
		assert.Equal(t, "${INVOICE_EXPORT_USER}", app.OAuthConfig.OAuthClientCredentialUser)
		assert.Equal(t, []string{"Api"}, app.OAuthConfig.Scopes)
		assert.Equal(t, []string{"Invoice_Export_API"}, app.PermissionSetName)
		assert.Equal(t, ptr(15), app.SessionPolicy.SessionTimeout)
	})

	t.Run("jwt bearer turns client credentials off", func(t *testing.T) {
		spec := baseSpec()
		spec.Flow = JWTBearer
		spec.RunAsUsername = ""
		spec.Certificate = goldenCertificate(t)
		bundle, _, err := Build(spec, buildTime)
		require.NoError(t, err)
		components := bundle.Components()

		global := components[1].Value.(*ExtlClntAppGlobalOauthSettings)
		assert.Equal(t, ptr(false), global.IsClientCredentialsFlowEnabled)
		assert.True(t, strings.HasPrefix(global.Certificate, "-----BEGIN CERTIFICATE-----\n"), global.Certificate)
		policy := components[3].Value.(*ExtlClntAppOauthConfigurablePolicies)
		assert.Empty(t, policy.ClientCredentialsFlowUser)
		assert.Empty(t, bundle.Placeholders())
		assert.Equal(t, 2036, bundle.CertificateExpiry.Year())
	})
}

// TestBuildKeepsNetworkOrder checks that ranges are written in the order
// given, as the one retrieved Connected App with ipRanges lists them
// unsorted.
func TestBuildKeepsNetworkOrder(t *testing.T) {
	spec := baseSpec()
	spec.Type = TypeConnectedApp
	spec.Network = []string{"198.51.100.7", "192.0.2.10-192.0.2.20", "203.0.113.0/24", "2001:db8::/48"}
	bundle, _, err := Build(spec, buildTime)
	require.NoError(t, err)
	app := bundle.Components()[0].Value.(*ConnectedApp)

	var got []string
	for _, r := range app.IPRanges {
		got = append(got, r.Start+"-"+r.End)
	}
	assert.Equal(t, []string{
		"198.51.100.7-198.51.100.7",
		"192.0.2.10-192.0.2.20",
		"203.0.113.0-203.0.113.255",
		"2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff",
	}, got)
}

func TestBuildScopeOutput(t *testing.T) {
	tests := []struct {
		name      string
		scopes    []string
		waivers   []Waiver
		connected []string // ConnectedApp scopes elements, in file order
		eca       string   // commaSeparatedOauthScopes
	}{
		{name: "default is Api alone", connected: []string{"Api"}, eca: "Api"},
		{
			name:      "wire names map to metadata names",
			scopes:    []string{"custom_permissions", "api", "cdp_query_api"},
			connected: []string{"Api", "CDPQuery", "CustomPermissions"},
			eca:       "Api, CustomPermissions, CDPQuery",
		},
		{
			// A retrieved External Client App spells SFAP as SFApiPlatform.
			name:      "SFAP spelt per app type",
			scopes:    []string{"sfap_api", "Api"},
			connected: []string{"Api", "SFAP"},
			eca:       "Api, SFApiPlatform",
		},
		{
			name:      "waived refresh token",
			scopes:    []string{"refresh_token", "api"},
			waivers:   []Waiver{{Scope: "RefreshToken", Reason: "the vendor SDK requests it and fails without it"}},
			connected: []string{"Api", "RefreshToken"},
			eca:       "Api, RefreshToken",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := baseSpec()
			spec.Scopes = tc.scopes
			spec.Waivers = tc.waivers
			bundle, _, err := Build(spec, buildTime)
			require.NoError(t, err)
			settings := bundle.Components()[2].Value.(*ExtlClntAppOauthSettings)
			assert.Equal(t, tc.eca, settings.CommaSeparatedOAuthScopes)

			spec.Type = TypeConnectedApp
			bundle, _, err = Build(spec, buildTime)
			require.NoError(t, err)
			data, err := bundle.Components()[0].Marshal()
			require.NoError(t, err)
			var got []string
			for line := range strings.Lines(string(data)) {
				if scope, ok := strings.CutPrefix(strings.TrimSpace(line), "<scopes>"); ok {
					got = append(got, strings.TrimSuffix(scope, "</scopes>"))
				}
			}
			assert.Equal(t, tc.connected, got)
		})
	}
}

func TestBuildDefaults(t *testing.T) {
	bundle, _, err := Build(baseSpec(), buildTime)
	require.NoError(t, err)

	assert.Equal(t, TypeExternalClientApp, bundle.Type)
	assert.Equal(t, ClientCredentials, bundle.Flow)
	assert.Equal(t, 90, bundle.RotationDays)
	assert.True(t, bundle.CertificateExpiry.IsZero())
	assert.Equal(t, "2027-03-01", bundle.NextRotation(buildTime).Format("2006-01-02"))
}

func TestBuildPlaceholders(t *testing.T) {
	spec := baseSpec()
	spec.ContactEmail = "${SF_ADMIN_EMAIL}"
	spec.RunAsUsername = "invoice.export@${SF_DOMAIN}"
	bundle, _, err := Build(spec, buildTime)
	require.NoError(t, err)
	assert.Equal(t, []string{"SF_ADMIN_EMAIL", "SF_DOMAIN"}, bundle.Placeholders())
}

func TestBuildNotices(t *testing.T) {
	t.Run("connected app warns about Spring 26", func(t *testing.T) {
		spec := baseSpec()
		spec.Type = TypeConnectedApp
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.type", "Salesforce Support"), "%v", notices)
	})
	t.Run("network ranges point to the profile", func(t *testing.T) {
		_, notices, err := Build(baseSpec(), buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.network", "profile"), "%v", notices)
	})
	t.Run("missing network is flagged", func(t *testing.T) {
		spec := baseSpec()
		spec.Network = nil
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.network", "any address"), "%v", notices)
	})
	t.Run("private network range", func(t *testing.T) {
		spec := baseSpec()
		spec.Network = []string{"203.0.113.0/24", "10.0.0.0/24"}
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.network[1]", "10.0.0.0/8"), "%v", notices)
	})
	t.Run("network range larger than a /16", func(t *testing.T) {
		spec := baseSpec()
		spec.Network = []string{"100.0.0.0/12"}
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.network[0]", "more than a /16"), "%v", notices)
	})
	t.Run("documentation ranges stay silent", func(t *testing.T) {
		spec := baseSpec()
		spec.Network = []string{"192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24", "2001:db8::/32"}
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		for _, n := range notices {
			assert.False(t, strings.HasPrefix(n.Path, "app.network["), "unexpected notice %v", n)
		}
	})
	t.Run("waiver reason trimmed", func(t *testing.T) {
		spec := baseSpec()
		spec.Scopes = []string{"Api", "Web"}
		spec.Waivers = []Waiver{{Scope: "Web", Reason: "  opens report pages  "}}
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.scopes[1]", "allowed by waiver: opens report pages"), "%v", notices)
		assert.False(t, hasNotice(notices, "app.scopes[1]", "pages  "), "%v", notices)
	})
	t.Run("unused waiver", func(t *testing.T) {
		spec := baseSpec()
		spec.Waivers = []Waiver{{Scope: "Web", Reason: "left over"}}
		_, notices, err := Build(spec, buildTime)
		require.NoError(t, err)
		assert.True(t, hasNotice(notices, "app.waivers", "not used"), "%v", notices)
	})
}

func hasNotice(notices []fieldNotice, path, text string) bool {
	return slices.ContainsFunc(notices, func(n fieldNotice) bool {
		return n.Path == path && strings.Contains(n.Message, text)
	})
}
