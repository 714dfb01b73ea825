package connectedapp

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMalformedScopes(t *testing.T) {
	const head = `<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>integrations@example.com</contactEmail>
    <label>Orders</label>
    <oauthConfig>
        <callbackUrl>https://login.salesforce.com/services/oauth2/success</callbackUrl>
`
	const tail = `    </oauthConfig>
</ConnectedApp>
`
	tests := []struct {
		name       string
		danger     string // why the file is dangerous when the problem stays hidden
		scopes     string
		wantScopes []string
		want       []MalformedScope
	}{
		{
			name:       "nested scopes",
			danger:     "the app reads as one without scopes, so an audit misses what it grants",
			scopes:     "        <scopes><scopes>Full</scopes></scopes>\n",
			wantScopes: nil,
			want: []MalformedScope{{Path: "oauthConfig/scopes", Line: 5,
				XML: "<scopes><scopes>Full</scopes></scopes>", Values: []string{"Full"}}},
		},
		{
			name:       "nested beside a plain scope",
			danger:     "only Api is seen, and the nested Full goes unreported",
			scopes:     "        <scopes>Api</scopes>\n        <scopes><scopes>Full</scopes><scopes>Web</scopes></scopes>\n",
			wantScopes: []string{"Api"},
			want: []MalformedScope{{Path: "oauthConfig/scopes", Line: 5,
				XML: "<scopes><scopes>Full</scopes><scopes>Web</scopes></scopes>", Values: []string{"Full", "Web"}}},
		},
		{
			name:       "plain scopes",
			scopes:     "        <scopes>Api</scopes>\n",
			wantScopes: []string{"Api"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app, err := Parse([]byte(head + tt.scopes + tail))
			require.NoError(t, err)
			assert.Equal(t, tt.wantScopes, app.OAuthConfig.Scopes)
			if diff := cmp.Diff(tt.want, MalformedScopes(app)); diff != "" {
				t.Errorf("MalformedScopes mismatch (-want +got):\n%s\ndanger: %s", diff, tt.danger)
			}
		})
	}
}

func TestMalformedScopesExternalClientApp(t *testing.T) {
	settings, err := ParseOAuthSettings([]byte(`<?xml version="1.0" encoding="UTF-8"?>
<ExtlClntAppOauthSettings xmlns="http://soap.sforce.com/2006/04/metadata">
    <commaSeparatedOauthScopes><value>Api, Full</value></commaSeparatedOauthScopes>
    <externalClientApplication>Orders</externalClientApplication>
    <label>Orders</label>
</ExtlClntAppOauthSettings>
`))
	require.NoError(t, err)
	assert.Empty(t, settings.CommaSeparatedOAuthScopes)
	got := MalformedScopes(settings)
	require.Len(t, got, 1)
	assert.Equal(t, "commaSeparatedOauthScopes", got[0].Path)
	assert.Equal(t, []string{"Api, Full"}, got[0].Values)
}

func TestMalformedScopesOtherValues(t *testing.T) {
	var nilApp *ConnectedApp
	assert.Nil(t, MalformedScopes(nilApp))
	assert.Nil(t, MalformedScopes(&ConnectedApp{}))
	assert.Nil(t, MalformedScopes("not an app"))
}
