package connectedapp

// PlaceholderCallbackURL is the callback URL written for apps that have no
// browser step. The ConnectedApp schema requires a callback URL even when
// the app runs only the client credentials or JWT bearer flow, which never
// redirect. Salesforce's own OAuth success page is the documented value for
// clients with no web server, and no one can receive a redirect at it.
const PlaceholderCallbackURL = "https://login.salesforce.com/services/oauth2/success"

// Suffixes that a retrieve adds to an External Client App's name to name its
// child components.
const (
	globalOAuthSuffix  = "_glbloauth"
	oauthSettingSuffix = "_oauth"
	oauthPolicySuffix  = "_oauthPlcy"
	policySuffix       = "_plcy"
)

// Values of the External Client App OAuth policy, spelt as retrieves and the
// Metadata API documentation spell them.
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
// retrieved Connected App holds a value with spaces there, which suggests
// the server may also accept or return the label; a deploy has not
// confirmed which form it expects.
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
// that an admin reading Setup sees why it is there.
func networkDescription(name string) string {
	return "Partner network of " + name
}
