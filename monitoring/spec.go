package monitoring

// Spec is the monitoring part of an integration spec: which transaction
// security policies to generate for one integration user, and whom they
// alert. [Build] turns it into a [Bundle].
//
// At least one of MaxRowsPerQuery and ActiveHours must be set. Each one that
// is set adds one policy, so a Spec yields a query policy, a login policy or
// both.
type Spec struct {
	// Integration is the name of the integration, such as "NightlySync" or
	// "erp-import". The developer names of the generated policies, flow and
	// classes are derived from it: see [Spec.QueryPolicyName] and
	// [Spec.LoginPolicyName].
	Integration string

	// Label is the integration's label, such as "Nightly Sync", which
	// starts the master label of each policy. Empty means Integration with
	// spaces for underscores. The master labels add at most
	// len(" Off-Hours Logins") characters, so Label has at most 63.
	Label string

	// Username is the integration user's username, such as
	// "integration@example.com", or a ${NAME} placeholder that sf fills in
	// from the environment variable NAME at deploy time. The query policy's
	// flow compares it exactly, so a literal username is written there in
	// lower case, the case in which Salesforce stores usernames. The value
	// of a placeholder's variable is pasted as it is, so it should be the
	// username in lower case, with none of the characters ' \ " & < >.
	Username string

	// MaxRowsPerQuery is the number of rows above which one query by the
	// integration user raises an alert. Zero means no query policy.
	//
	// The limit applies to each query on its own (ApiEvent.RowsProcessed),
	// not to the rows that the user reads in a day: a thousand queries of
	// 100 rows each never trip a limit of 500.
	MaxRowsPerQuery int

	// ActiveHours is the daily window, "HH:MM-HH:MM" on a 24-hour clock, in
	// which the integration user is expected to log in. A login outside it
	// raises an alert. Empty means no login policy. The rules are those of
	// [LoginHoursPolicy.ActiveHours].
	ActiveHours string

	// TimeZone is the IANA time zone in which ActiveHours are read, such as
	// "Europe/Berlin". It is required with ActiveHours and not allowed
	// without it.
	TimeZone string

	// Notify lists the usernames (or ${NAME} placeholders) of the users who
	// receive the alerts, in app and by email. At least one is required.
	// Salesforce requires each recipient to be an active user with the
	// Modify All Data and View Setup permissions, so they are admins, never
	// the integration user itself.
	Notify []string

	// Block makes each policy block what it detects: the query, or the
	// login. The zero value only alerts.
	Block bool

	// EndSession requests the End Session action. [Build] rejects true:
	// Salesforce documents only Block, Multi-Factor Authentication and
	// notifications as actions of Enhanced Transaction Security policies,
	// and End Session as an action of the legacy policies on logins. The
	// field exists so that a spec that sets it gets a clear error.
	EndSession bool

	// FreezeUser requests the Freeze User action. [Build] rejects true for
	// the same reason as EndSession: Freeze User is documented only for
	// legacy policies on Chatter resources.
	FreezeUser bool

	// APIVersion is the apiVersion of the generated Apex classes, such as
	// "66.0". Empty means DefaultApexAPIVersion. The condition flow carries
	// no apiVersion, like the flows that Condition Builder saves.
	APIVersion string
}

// Suffixes of the generated policy names. Both are short enough that a
// prefix of maxNamePrefixLength characters keeps each name within the 25
// characters that Setup gives a policy's developer name.
const (
	queryPolicySuffix = "_Rows"
	loginPolicySuffix = "_Hours"
)

// maxNamePrefixLength is the longest prefix of the integration name that
// goes into a developer name: 25 characters less the longer suffix.
const maxNamePrefixLength = maxPolicyNameLength - len(loginPolicySuffix)

// conditionFlowPrefix starts the name of every flow that Condition Builder
// saves for a policy.
const conditionFlowPrefix = "PolicyCondition_"

// QueryPolicyName returns the developer name of the query policy: the
// integration's name prefix followed by "_Rows", such as "NightlySync_Rows".
// It returns "" when no developer name can be derived from Integration.
func (s Spec) QueryPolicyName() string {
	prefix, detail := namePrefix(s.Integration)
	if detail != "" {
		return ""
	}
	return prefix + queryPolicySuffix
}

// LoginPolicyName returns the developer name of the login policy: the
// integration's name prefix followed by "_Hours", such as
// "NightlySync_Hours". Its condition class is this name followed by
// "Condition". It returns "" when no developer name can be derived from
// Integration.
func (s Spec) LoginPolicyName() string {
	prefix, detail := namePrefix(s.Integration)
	if detail != "" {
		return ""
	}
	return prefix + loginPolicySuffix
}

// conditionFlowName returns the name of the flow behind the query policy.
func conditionFlowName(policyName string) string {
	return conditionFlowPrefix + policyName
}

// loginHoursPolicy returns the Apex generator input for the login policy.
func (s Spec) loginHoursPolicy() LoginHoursPolicy {
	return LoginHoursPolicy{
		Name:        s.LoginPolicyName(),
		Username:    s.Username,
		ActiveHours: s.ActiveHours,
		TimeZone:    s.TimeZone,
		APIVersion:  s.APIVersion,
	}
}
