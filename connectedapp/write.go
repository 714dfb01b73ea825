package connectedapp

// PlaceholderCallbackURL is the callback URL written for apps that have no
// browser step. The ConnectedApp schema requires a callback URL even when
// the app runs only the client credentials or JWT bearer flow, which never
// redirect. The value is Salesforce's own OAuth result page on
// login.salesforce.com, so a redirect to it would reach no third party.
const PlaceholderCallbackURL = "https://login.salesforce.com/services/oauth2/success"

// Suffixes that a retrieve adds to an External Client App's name to name its
// child components.
const (
	globalOAuthSuffix  = "_glbloauth"
	oauthSettingSuffix = "_oauth"
	oauthPolicySuffix  = "_oauthPlcy"
	policySuffix       = "_plcy"
)

// Policy values, spelt as retrieved files spell them: an External Client App
// writes "Enforce" and "Zero" where a Connected App writes "ENFORCE" and
// "zero".
const (
	ecaIPRelaxationEnforce  = "Enforce"
	ecaAdminApprovedUsers   = "AdminApprovedPreAuthorized"
	ecaNoRefreshToken       = "Zero"
	ecaDistributionLocal    = "Local"
	connectedIPRelaxEnforce = "ENFORCE"
	connectedNoRefreshToken = "zero"
)

func ptr[T any](v T) *T { return &v }

// externalClientApp returns the five files of an External Client App, named
// as a retrieve names them.
func externalClientApp(p *plan) []Component {
	spec := p.spec
	name := spec.Name
	clientCredentials := spec.Flow == ClientCredentials

	header := &ExternalClientApplication{
		ContactEmail:      spec.ContactEmail,
		Description:       spec.Description,
		DistributionState: ecaDistributionLocal,
		IsProtected:       ptr(false),
		Label:             spec.Label,
	}

	global := &ExtlClntAppGlobalOauthSettings{
		CallbackURL:                      PlaceholderCallbackURL,
		ExternalClientApplication:        name,
		IsClientCredentialsFlowEnabled:   ptr(clientCredentials),
		IsCodeCredFlowEnabled:            ptr(false),
		IsConsumerSecretOptional:         ptr(false),
		IsDeviceFlowEnabled:              ptr(false),
		IsIntrospectAllTokens:            ptr(false),
		IsNamedUserJWTEnabled:            ptr(false),
		IsPkceRequired:                   ptr(true),
		IsSecretRequiredForRefreshToken:  ptr(true),
		IsSecretRequiredForTokenExchange: ptr(true),
		IsTokenExchangeEnabled:           ptr(false),
		Label:                            name + globalOAuthSuffix,
	}
	if p.certificate != nil {
		// The Metadata API documentation says a certificate here turns on
		// the JWT bearer flow.
		global.Certificate = p.certificate.pem
	}

	settings := &ExtlClntAppOauthSettings{
		CommaSeparatedOAuthScopes: ecaScopeList(p.scopes),
		ExternalClientApplication: name,
		IsFirstPartyAppEnabled:    ptr(false),
		Label:                     name + oauthSettingSuffix,
	}
	for _, r := range p.network {
		settings.TrustedIPRanges = append(settings.TrustedIPRanges, ExtlClntAppOAuthIPRange{
			Description:    networkDescription(name),
			StartIPAddress: r.Start().String(),
			EndIPAddress:   r.End().String(),
		})
	}

	// The documentation describes commaSeparatedPermissionSet as a list of
	// IDs, but deployed source files list API names, which do not differ
	// between orgs.
	policy := &ExtlClntAppOauthConfigurablePolicies{
		CommaSeparatedPermissionSet:    spec.PermissionSet,
		ExternalClientApplication:      name,
		IPRelaxationPolicyType:         ecaIPRelaxationEnforce,
		IsClientCredentialsFlowEnabled: ptr(clientCredentials),
		IsGuestCodeCredFlowEnabled:     ptr(false),
		IsTokenExchangeFlowEnabled:     ptr(false),
		Label:                          name + oauthPolicySuffix,
		PermittedUsersPolicyType:       ecaAdminApprovedUsers,
		RefreshTokenPolicyType:         ecaNoRefreshToken,
		SessionTimeoutInMinutes:        ptr(p.timeout),
	}
	if clientCredentials {
		policy.ClientCredentialsFlowUser = spec.RunAsUsername
	}

	plugins := &ExtlClntAppConfigurablePolicies{
		ExternalClientApplication: name,
		IsEnabled:                 true,
		IsOAuthPluginEnabled:      ptr(true),
		Label:                     name + policySuffix,
	}

	return []Component{
		newComponent("ExternalClientApplication", name, header),
		newComponent("ExtlClntAppGlobalOauthSettings", name+globalOAuthSuffix, global),
		newComponent("ExtlClntAppOauthSettings", name+oauthSettingSuffix, settings),
		newComponent("ExtlClntAppOauthConfigurablePolicies", name+oauthPolicySuffix, policy),
		newComponent("ExtlClntAppConfigurablePolicies", name+policySuffix, plugins),
	}
}

// connectedApp returns the ConnectedApp of p.
//
// NOTE: permissionSetName is written as the permission set's API name. One
// retrieved Connected App has a value with spaces there, so the server may
// expect the label instead. No deploy has confirmed which form it takes.
func connectedApp(p *plan) *ConnectedApp {
	spec := p.spec
	clientCredentials := spec.Flow == ClientCredentials

	app := &ConnectedApp{
		ContactEmail: spec.ContactEmail,
		Description:  spec.Description,
		Label:        spec.Label,
		OAuthConfig: &OAuthConfig{
			CallbackURL:                      PlaceholderCallbackURL,
			IsAdminApproved:                  ptr(true),
			IsClientCredentialEnabled:        ptr(clientCredentials),
			IsCodeCredentialEnabled:          ptr(false),
			IsConsumerSecretOptional:         ptr(false),
			IsIntrospectAllTokens:            ptr(false),
			IsNamedUserJWTEnabled:            ptr(false),
			IsPkceRequired:                   ptr(true),
			IsSecretRequiredForRefreshToken:  ptr(true),
			IsSecretRequiredForTokenExchange: ptr(true),
			IsTokenExchangeEnabled:           ptr(false),
			Scopes:                           p.scopes,
		},
		OAuthPolicy: &OAuthPolicy{
			IPRelaxation:               connectedIPRelaxEnforce,
			IsTokenExchangeFlowEnabled: ptr(false),
			RefreshTokenPolicy:         connectedNoRefreshToken,
		},
		PermissionSetName: []string{spec.PermissionSet},
		SessionPolicy:     &SessionPolicy{SessionTimeout: ptr(p.timeout)},
	}
	if clientCredentials {
		app.OAuthConfig.OAuthClientCredentialUser = spec.RunAsUsername
	}
	if p.certificate != nil {
		app.OAuthConfig.Certificate = p.certificate.pem
	}
	for _, r := range p.network {
		app.IPRanges = append(app.IPRanges, IPRange{
			Description: networkDescription(spec.Name),
			Start:       r.Start().String(),
			End:         r.End().String(),
		})
	}
	return app
}

// networkDescription labels a range with the integration it belongs to, so
// that Setup shows why the range is there.
func networkDescription(name string) string {
	return "Partner network of " + name
}
