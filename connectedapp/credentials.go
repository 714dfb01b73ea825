package connectedapp

// StoredCredentials returns the elements of a parsed app file that hold a
// consumer key or consumer secret, as paths from the root element such as
// "oauthConfig/consumerKey". A retrieve writes the consumer key of every app,
// and the secret too when the org allows it. Committing such a file puts
// them in source control. value is a *ConnectedApp or an
// *ExtlClntAppGlobalOauthSettings; any other value has none.
func StoredCredentials(value any) []string {
	var found []string
	add := func(path, text string) {
		if text != "" {
			found = append(found, path)
		}
	}

	switch v := value.(type) {
	case *ConnectedApp:
		if v != nil && v.OAuthConfig != nil {
			add("oauthConfig/consumerKey", v.OAuthConfig.ConsumerKey)
			add("oauthConfig/consumerSecret", v.OAuthConfig.ConsumerSecret)
		}
	case *ExtlClntAppGlobalOauthSettings:
		if v != nil {
			add("consumerKey", v.ConsumerKey)
			add("consumerSecret", v.ConsumerSecret)
		}
	}
	return found
}
