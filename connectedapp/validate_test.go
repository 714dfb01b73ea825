package connectedapp

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
)

func TestBuildRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Spec)
		want   []pathKind
	}{
		{name: "empty spec", change: func(s *Spec) { *s = Spec{} }, want: []pathKind{
			{"app.name", field.Required},
			{"app.label", field.Required},
			{"app.contactEmail", field.Required},
			{"app.runAsUsername", field.Required},
			{"app.permissionSet", field.Required},
		}},
		{name: "name starts with digit", change: func(s *Spec) { s.Name = "1Orders" },
			want: []pathKind{{"app.name", field.Invalid}}},
		{name: "name with space", change: func(s *Spec) { s.Name = "Orders Sync" },
			want: []pathKind{{"app.name", field.Invalid}}},
		{name: "name with double underscore", change: func(s *Spec) { s.Name = "Orders__Sync" },
			want: []pathKind{{"app.name", field.Invalid}}},
		{name: "name ends with underscore", change: func(s *Spec) { s.Name = "Orders_" },
			want: []pathKind{{"app.name", field.Invalid}}},
		{
			// The child files add "_glbloauth", so 71 characters would
			// give an 81-character component name.
			name:   "eca name leaves no room for suffixes",
			change: func(s *Spec) { s.Name = "A" + strings.Repeat("b", 70) },
			want:   []pathKind{{"app.name", field.Invalid}},
		},
		{name: "label on two lines", change: func(s *Spec) { s.Label = "Invoice\nExport" },
			want: []pathKind{{"app.label", field.Invalid}}},
		{name: "contact email without domain", change: func(s *Spec) { s.ContactEmail = "integrations@" },
			want: []pathKind{{"app.contactEmail", field.Invalid}}},
		{name: "empty placeholder", change: func(s *Spec) { s.RunAsUsername = "${}" },
			want: []pathKind{{"app.runAsUsername", field.Invalid}}},
		{name: "lower-case placeholder", change: func(s *Spec) { s.RunAsUsername = "${user}" },
			want: []pathKind{{"app.runAsUsername", field.Invalid}}},
		{name: "unclosed placeholder", change: func(s *Spec) { s.RunAsUsername = "${SF_USER" },
			want: []pathKind{{"app.runAsUsername", field.Invalid}}},
		{name: "username not an address", change: func(s *Spec) { s.RunAsUsername = "integration" },
			want: []pathKind{{"app.runAsUsername", field.Invalid}}},
		{name: "username with space", change: func(s *Spec) { s.RunAsUsername = "inv export@example.com" },
			want: []pathKind{{"app.runAsUsername", field.Invalid}}},
		{name: "username too long", change: func(s *Spec) { s.RunAsUsername = strings.Repeat("a", 70) + "@example.com" },
			want: []pathKind{{"app.runAsUsername", field.Invalid}}},
		{name: "permission set with dash", change: func(s *Spec) { s.PermissionSet = "Invoice-API" },
			want: []pathKind{{"app.permissionSet", field.Invalid}}},
		{name: "unknown type", change: func(s *Spec) { s.Type = AppType(7) },
			want: []pathKind{{"app.type", field.NotSupported}}},
		{name: "unknown flow", change: func(s *Spec) { s.Flow = Flow(7) },
			want: []pathKind{{"app.flow", field.NotSupported}}},
		{name: "session timeout not offered", change: func(s *Spec) { s.SessionTimeoutMinutes = 45 },
			want: []pathKind{{"app.sessionTimeoutMinutes", field.NotSupported}}},
		{name: "negative rotation", change: func(s *Spec) { s.SecretRotationDays = -1 },
			want: []pathKind{{"app.secretRotationDays", field.Invalid}}},
		{name: "rotation over a year", change: func(s *Spec) { s.SecretRotationDays = 400 },
			want: []pathKind{{"app.secretRotationDays", field.Invalid}}},
		{
			// An "allow everything" range turns the restriction off.
			name:   "network covers every address",
			change: func(s *Spec) { s.Network = []string{"0.0.0.0/0"} },
			want:   []pathKind{{"app.network[0]", field.Invalid}},
		},
		{name: "network with host bits", change: func(s *Spec) { s.Network = []string{"203.0.113.1/24"} },
			want: []pathKind{{"app.network[0]", field.Invalid}}},
		{name: "network listed twice", change: func(s *Spec) { s.Network = []string{"198.51.100.7", "198.51.100.7/32"} },
			want: []pathKind{{"app.network[1]", field.Duplicate}}},
		{
			// Each org generates its own key; copying one from Setup
			// into source leaks it and breaks every other org.
			name:   "consumer key",
			change: func(s *Spec) { s.ConsumerKey = "3MVG9abc" },
			want:   []pathKind{{"app.consumerKey", field.Forbidden}},
		},
		{
			name:   "consumer secret",
			change: func(s *Spec) { s.ConsumerSecret = "F00D" },
			want:   []pathKind{{"app.consumerSecret", field.Forbidden}},
		},
		{name: "certificate with client credentials", change: func(s *Spec) { s.Certificate = []byte("-----BEGIN CERTIFICATE-----") },
			want: []pathKind{{"app.certificate", field.Invalid}}},
		{name: "jwt without certificate", change: func(s *Spec) { s.Flow = JWTBearer },
			want: []pathKind{{"app.certificate", field.Required}}},
		{name: "waiver for allowed scope", change: func(s *Spec) { s.Waivers = []Waiver{{Scope: "Api", Reason: "x"}} },
			want: []pathKind{{"app.waivers[0].scope", field.NotSupported}}},
		{name: "waiver without reason", change: func(s *Spec) { s.Scopes = []string{"Full"}; s.Waivers = []Waiver{{Scope: "Full"}} },
			want: []pathKind{{"app.waivers[0].reason", field.Required}, {"app.scopes[0]", field.Forbidden}}},
		{
			// Each /1 passes alone; together they let every address in.
			name:   "network halves together cover ipv4",
			change: func(s *Spec) { s.Network = []string{"0.0.0.0/1", "128.0.0.0/1"} },
			want:   []pathKind{{"app.network", field.Forbidden}},
		},
		{
			// One address short of 0.0.0.0/0 slips past a whole-space check.
			name:   "network whole ipv4 but one address",
			change: func(s *Spec) { s.Network = []string{"0.0.0.1-255.255.255.255"} },
			want:   []pathKind{{"app.network", field.Forbidden}},
		},
		{
			// 2000::/3 holds every routed IPv6 address.
			name:   "network all global unicast ipv6",
			change: func(s *Spec) { s.Network = []string{"2000::/3"} },
			want:   []pathKind{{"app.network", field.Forbidden}},
		},
		{
			// A reason of spaces tells a reviewer nothing.
			name:   "waiver reason only spaces",
			change: func(s *Spec) { s.Scopes = []string{"Full"}; s.Waivers = []Waiver{{Scope: "Full", Reason: " \t "}} },
			want:   []pathKind{{"app.waivers[0].reason", field.Required}, {"app.scopes[0]", field.Forbidden}},
		},
		{
			// A line break lets a reason pass for a line of its own in
			// review output, such as a forged approval.
			name: "waiver reason with line break",
			change: func(s *Spec) {
				s.Scopes = []string{"Full"}
				s.Waivers = []Waiver{{Scope: "Full", Reason: "sync\nApproved by security"}}
			},
			want: []pathKind{{"app.waivers[0].reason", field.Invalid}, {"app.scopes[0]", field.Forbidden}},
		},
		{
			name: "waiver reason with escape character",
			change: func(s *Spec) {
				s.Scopes = []string{"Full"}
				s.Waivers = []Waiver{{Scope: "Full", Reason: "sync \x1b[2K"}}
			},
			want: []pathKind{{"app.waivers[0].reason", field.Invalid}, {"app.scopes[0]", field.Forbidden}},
		},
		{name: "scope listed twice", change: func(s *Spec) { s.Scopes = []string{"Api", "api"} },
			want: []pathKind{{"app.scopes[1]", field.Duplicate}}},
		{name: "scope in wrong case", change: func(s *Spec) { s.Scopes = []string{"API"} },
			want: []pathKind{{"app.scopes[0]", field.NotSupported}}},
		{name: "web without waiver", change: func(s *Spec) { s.Scopes = []string{"Api", "web"} },
			want: []pathKind{{"app.scopes[1]", field.Forbidden}}},
		{name: "offline access without waiver", change: func(s *Spec) { s.Scopes = []string{"offline_access"} },
			want: []pathKind{{"app.scopes[0]", field.Forbidden}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := baseSpec()
			tc.change(&spec)
			bundle, _, err := Build(spec, buildTime)
			require.Error(t, err)
			assert.Nil(t, bundle)
			if diff := cmp.Diff(tc.want, pathKinds(t, err)); diff != "" {
				t.Errorf("errors differ (-want +got):\n%s\n%v", diff, err)
			}
		})
	}
}

func TestBuildAccepts(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Spec)
	}{
		{name: "connected app name of 80 characters", change: func(s *Spec) {
			s.Type = TypeConnectedApp
			s.Name = "A" + strings.Repeat("b", 79)
		}},
		{name: "eca name of 70 characters", change: func(s *Spec) { s.Name = "A" + strings.Repeat("b", 69) }},
		{name: "username placeholder alone", change: func(s *Spec) { s.RunAsUsername = "${SF_USER_1}" }},
		{name: "username placeholder as domain", change: func(s *Spec) { s.RunAsUsername = "export@${SF_DOMAIN}" }},
		{name: "plain username", change: func(s *Spec) { s.RunAsUsername = "invoice.export@example.com.prod" }},
		{name: "jwt without run-as user", change: func(s *Spec) {
			s.Flow = JWTBearer
			s.RunAsUsername = ""
			s.Certificate = goldenCertificate(t)
		}},
		{name: "longest session", change: func(s *Spec) { s.SessionTimeoutMinutes = 1440 }},
		{name: "yearly rotation", change: func(s *Spec) { s.SecretRotationDays = 365 }},
		{name: "ipv6 network", change: func(s *Spec) { s.Network = []string{"2001:db8::/48"} }},
		{name: "every wire name that is allowed", change: func(s *Spec) {
			s.Scopes = nil
			for wire, scope := range wireScopes {
				if ScopeRisk(scope) == RiskNone {
					s.Scopes = append(s.Scopes, wire)
				}
			}
		}},
		{name: "eca spelling of SFAP", change: func(s *Spec) { s.Scopes = []string{"SFApiPlatform"} }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := baseSpec()
			tc.change(&spec)
			_, _, err := Build(spec, buildTime)
			assert.NoError(t, err)
		})
	}
}

// TestBuildPublicScopeCase is the case of a connected app written with
// OAuth request names, a wrongly cased Metadata API name and Full: the
// request names map, and the other two are errors.
func TestBuildPublicScopeCase(t *testing.T) {
	spec := baseSpec()
	spec.Type = TypeConnectedApp
	spec.Scopes = []string{"api", "refresh_token", "Sfap", "full"}

	_, notices, err := Build(spec, buildTime)
	require.Error(t, err)

	assert.Equal(t, []pathKind{
		{"app.scopes[1]", field.Forbidden},
		{"app.scopes[2]", field.NotSupported},
		{"app.scopes[3]", field.Forbidden},
	}, pathKinds(t, err))

	assert.True(t, hasNotice(notices, "app.scopes[0]", "Metadata API name Api"), "%v", notices)
	assert.True(t, hasNotice(notices, "app.scopes[1]", "Metadata API name RefreshToken"), "%v", notices)

	sfap := findError(t, err, "app.scopes[2]")
	assert.Equal(t, `unknown scope "Sfap" (values are case-sensitive; did you mean SFAP?)`, sfap.Detail)

	full := findError(t, err, "app.scopes[3]")
	assert.Equal(t, RiskHigh, ScopeRisk("Full"))
	assert.Contains(t, full.Detail, "high risk")
	assert.Equal(t, RiskMedium, ScopeRisk("RefreshToken"))

	// With both waived, the output is flat and sorted as a retrieve
	// writes it.
	spec.Scopes = []string{"api", "refresh_token", "SFAP", "full"}
	spec.Waivers = []Waiver{
		{Scope: "Full", Reason: "a legacy middleware asks for full and cannot be changed this quarter"},
		{Scope: "RefreshToken", Reason: "the vendor SDK requests it"},
	}
	bundle, notices, err := Build(spec, buildTime)
	require.NoError(t, err)
	assert.True(t, hasNotice(notices, "app.scopes[3]", "high risk"), "%v", notices)
	data, err := bundle.Components()[0].Marshal()
	require.NoError(t, err)
	assert.Contains(t, string(data), "        <scopes>Api</scopes>\n"+
		"        <scopes>Full</scopes>\n"+
		"        <scopes>RefreshToken</scopes>\n"+
		"        <scopes>SFAP</scopes>\n")
}

func TestUnknownScopeSuggestions(t *testing.T) {
	tests := []struct {
		name, input, want string
	}{
		{"case of metadata name", "Sfap", "did you mean SFAP?"},
		{"case of request name", "API", "did you mean Api?"},
		{"case of wire name", "Refresh_Token", "did you mean RefreshToken?"},
		{"typo", "Chattr", "did you mean Chatter?"},
		{"nothing close", "everything", "give a Metadata API name such as Api"},
		{"id is not mapped", "id", "give a Metadata API name such as Api"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, errs := checkScopes(field.NewPath("scopes"), []string{tc.input}, nil)
			require.Len(t, errs, 1)
			assert.Equal(t, field.NotSupported, errs[0].Kind)
			assert.Contains(t, errs[0].Detail, tc.want)
		})
	}
}

// TestWireScopesNameSchemaValues guards the mapping against a schema update
// that renames or drops a scope.
func TestWireScopesNameSchemaValues(t *testing.T) {
	known := metadataScopes()
	for wire, scope := range wireScopes {
		assert.Contains(t, known, scope, "wire name %s", wire)
	}
	for scope := range forbiddenScopes {
		assert.Contains(t, known, scope)
	}
	for scope := range ecaScopeNames {
		assert.Contains(t, known, scope)
	}
}
