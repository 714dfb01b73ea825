package registry

// modelledTypeNames lists the metadata types that sfharden models as typed
// documents. It is kept by hand because it follows sfharden's packages, not
// the sf CLI registry. A test checks that each name is in the generated table.
var modelledTypeNames = []string{
	"ApexClass",
	"ConnectedApp",
	"ExternalClientApplication",
	"ExtlClntAppConfigurablePolicies",
	"ExtlClntAppGlobalOauthSettings",
	"ExtlClntAppOauthConfigurablePolicies",
	"ExtlClntAppOauthSettings",
	"Flow",
	"MutingPermissionSet",
	"PermissionSet",
	"PermissionSetGroup",
	"Profile",
	"ProfilePasswordPolicy",
	"ProfileSessionSetting",
	"TransactionSecurityPolicy",
}
