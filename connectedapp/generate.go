package connectedapp

//go:generate go run ../internal/modelgen -pkg connectedapp -types ConnectedApp,ExternalClientApplication,ExtlClntAppGlobalOauthSettings,ExtlClntAppOauthSettings,ExtlClntAppOauthConfigurablePolicies,ExtlClntAppConfigurablePolicies -o zz_generated_types.go
