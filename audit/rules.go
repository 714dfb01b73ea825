package audit

// Rule is one check of the audit. Its ID is stable across releases, so
// baselines, SARIF uploads and scripts can refer to it.
type Rule struct {
	ID       string
	Severity Severity // default severity; a finding may carry another (a risky permission takes its tier)
	Summary  string   // one line: what is wrong
	Reason   string   // why it matters
	Fix      string   // what to change
}

// Rule IDs.
const (
	RuleDangerousUserPermission     = "dangerous-user-permission"
	RuleDangerousObjectPermission   = "dangerous-object-permission"
	RuleSystemAdministrator         = "system-administrator-integration-user"
	RuleAPIOnlyMissing              = "api-only-missing"
	RuleLoginIPRangesMissing        = "login-ip-ranges-missing"
	RuleLoginIPRangeTooBroad        = "login-ip-range-too-broad"
	RuleLoginIPRangeInvalid         = "login-ip-range-invalid"
	RuleIPRelaxationBypass          = "ip-relaxation-bypass"
	RulePasswordExpires             = "password-expires"
	RuleSessionTimeoutTooLong       = "session-timeout-too-long"
	RuleSharedIntegrationUser       = "shared-integration-user"
	RuleConsumerSecretInSource      = "consumer-secret-in-source"
	RuleConsumerKeyInSource         = "consumer-key-in-source"
	RuleBroadOAuthScope             = "broad-oauth-scope"
	RuleSelfAuthorizationAllowed    = "self-authorization-allowed"
	RulePermissionNotRevoked        = "permission-not-revoked"
	RuleMissingPermissionDependency = "missing-permission-dependency"
	RuleFieldAccessWithoutObject    = "field-access-without-object-access"
	RuleFieldAccessUnknown          = "field-access-unknown"
	RuleGroupMemberMissing          = "group-member-missing"
	RuleDuplicateSessionSetting     = "duplicate-session-setting"
	RuleDuplicatePasswordPolicy     = "duplicate-password-policy"
	RuleNoEventMonitoring           = "no-event-monitoring"
	RuleUsernamePasswordFlowAllowed = "username-password-flow-allowed"
	RuleSpecDrift                   = "spec-drift"
)

// rules is the rule table in the order RULES.md lists it.
var rules = []Rule{
	{RuleSystemAdministrator, Critical,
		"an integration user runs as System Administrator",
		"System Administrator holds Modify All Data, Customize Application and Manage Users, so stolen integration credentials own the org",
		"give the integration its own API-only profile (Minimum Access - API Only Integrations) and a least-privilege permission set"},
	{RuleDangerousUserPermission, High,
		"an integration profile or permission set enables a risky user permission",
		"the permission reaches far beyond what a data integration needs; the finding's severity is the permission's risk tier",
		"set the permission to false in the profile, or remove it from the permission set, and grant only object and field access"},
	{RuleDangerousObjectPermission, High,
		"an integration profile or permission set grants View All or Modify All on an object",
		"viewAllRecords and modifyAllRecords ignore sharing, so the integration reads or changes every record of the object",
		"grant read, create and edit only, and let sharing rules give the records the integration needs"},
	{RuleAPIOnlyMissing, High,
		"an integration profile does not enable API Only User",
		"without ApiUserOnly the integration's credentials also open a browser session",
		"enable ApiUserOnly (and ApiEnabled) in the profile, or use Minimum Access - API Only Integrations"},
	{RuleLoginIPRangesMissing, High,
		"an integration profile has no login IP ranges",
		"without loginIpRanges the credentials work from any address; OAuth tokens do not replace a network restriction",
		"add loginIpRanges with the partner's egress addresses to the profile"},
	{RuleLoginIPRangeTooBroad, High,
		"a login IP range covers all or a large part of the address space",
		"a range such as 0.0.0.0-255.255.255.255 admits every address, so the restriction has no effect",
		"list only the addresses the integration connects from"},
	{RuleLoginIPRangeInvalid, Medium,
		"a login IP range cannot be read as a range of two addresses",
		"Salesforce rejects the range on deploy, or it does not cover the addresses its author meant",
		"write one IPv4 or IPv6 address in each of startAddress and endAddress, with the end not below the start"},
	{RuleIPRelaxationBypass, High,
		"an OAuth app relaxes IP restrictions for its tokens",
		"ipRelaxation BYPASS lets tokens from the app skip the login IP ranges of its users' profiles",
		"set ipRelaxation to ENFORCE (ECA: ipRelaxationPolicyType Enforce)"},
	{RulePasswordExpires, Medium,
		"an API-only profile's password expires while a password-based integration uses it",
		"the integration stops with INVALID_OPERATION_WITH_EXPIRED_PASSWORD when the password expires",
		"move the integration to client credentials or JWT bearer; if it must keep a password, set passwordExpiration 0 and rotate the password yourself"},
	{RuleSessionTimeoutTooLong, Low,
		"an integration profile keeps sessions longer than 15 minutes, or sets no valid timeout of its own",
		"a stolen session ID stays usable for as long as the timeout",
		"set sessionTimeout 15 in the profile's ProfileSessionSetting"},
	{RuleSharedIntegrationUser, Medium,
		"one user is the run-as user of more than one OAuth app",
		"two tools share one identity, so the audit trail cannot tell them apart and revoking one breaks both",
		"give each integration its own API-only user"},
	{RuleConsumerSecretInSource, Critical,
		"an OAuth consumer secret is stored in source",
		"anyone who reads the repository can request tokens as the app",
		"remove consumerSecret from the file, rotate the secret in the org, and keep it in a secret store"},
	{RuleConsumerKeyInSource, Low,
		"an OAuth consumer key is stored in source",
		"the key identifies the app to attackers and ties the file to one org",
		"remove consumerKey; the org issues it on deploy"},
	{RuleBroadOAuthScope, High,
		"an OAuth app asks for a scope broader than an integration needs, or its scopes are malformed",
		"the full scope grants everything the user can do, including refresh tokens; malformed scopes fail to deploy",
		"request only Api (and the scopes the integration really uses), one enum value per <scopes> element"},
	{RuleSelfAuthorizationAllowed, Medium,
		"an integration's OAuth app lets every user self-authorize",
		"any user of the org who learns the consumer key can get tokens for the app",
		"set the app to admin-approved users (ConnectedApp isAdminApproved true; ECA permittedUsersPolicyType AdminApprovedPreAuthorized)"},
	{RulePermissionNotRevoked, Medium,
		"an integration profile leaves risky permissions unset",
		"a profile deploy does not turn off permissions the file leaves out, so a permission granted by hand stays on",
		"write each risky permission into the profile explicitly with <enabled>false</enabled>"},
	{RuleMissingPermissionDependency, Medium,
		"a permission is enabled without the permission it depends on",
		"Salesforce rejects the file on deploy, or the permission has no effect",
		"enable the required permission as well, or turn off the dependent one"},
	{RuleFieldAccessWithoutObject, Medium,
		"field access is granted without the object access it needs",
		"such field permissions have no effect and hide mistakes in review; for API-only integration profiles, field visibility also comes from the profile",
		"grant read (or edit) on the object, or remove the field permission"},
	{RuleFieldAccessUnknown, Info,
		"a profile's field-level access cannot be judged from this retrieve",
		"a profile carries field permissions only for the objects retrieved with it",
		"retrieve the profile together with the objects it uses (CustomObject members in the manifest) and audit again"},
	{RuleGroupMemberMissing, Medium,
		"a permission set group lists a permission set that is not in the tree",
		"the group's permissions cannot be audited, and a deploy of the group fails unless the member already exists",
		"add the permission set to the retrieve, or remove it from the group"},
	{RuleDuplicateSessionSetting, Medium,
		"two ProfileSessionSetting files name the same profile",
		"only one of them applies, and which one is not visible in review",
		"keep one session setting per profile and delete the other file"},
	{RuleDuplicatePasswordPolicy, Medium,
		"two ProfilePasswordPolicy files name the same profile",
		"only one of them applies, and which one is not visible in review",
		"keep one password policy per profile and delete the other file"},
	{RuleNoEventMonitoring, Medium,
		"no active transaction security policy watches the integration users",
		"a stolen integration credential can export data without any alert",
		"deploy transaction security policies on ApiEvent, ReportEvent and LoginEvent for the integration users"},
	{RuleUsernamePasswordFlowAllowed, High,
		"the org allows the OAuth username-password flow",
		"the flow sends the user's password to every client and skips multi-factor authentication",
		"set blockOAuthUnPwFlow true in settings/OauthOidc.settings-meta.xml and move integrations to client credentials or JWT bearer"},
	{RuleSpecDrift, Medium,
		"the retrieved metadata differs from the sfharden spec",
		"someone changed the org by hand, or the spec was never deployed",
		"run sfharden generate and deploy, or update the spec to match the org"},
}

// Rules returns the rule table, a copy the caller may change.
func Rules() []Rule {
	return append([]Rule(nil), rules...)
}

// LookupRule returns the rule with the given ID.
func LookupRule(id string) (Rule, bool) {
	for _, r := range rules {
		if r.ID == id {
			return r, true
		}
	}
	return Rule{}, false
}
