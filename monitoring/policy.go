package monitoring

import (
	"fmt"
	"strings"
)

// Values of TransactionSecurityPolicy.type.
const (
	conditionBuilderPolicy = "CustomConditionBuilderPolicy"
	apexPolicy             = "CustomApexPolicy"
)

// action returns what a policy of the spec does when it fires. It notifies
// every recipient in app and by email. It blocks, ends the session or
// freezes the user only when the spec requests it. It never requests
// two-factor authentication, because an API client cannot answer the
// challenge and Salesforce blocks the login instead.
func (s Spec) action() *TransactionSecurityAction {
	notifications := make([]TransactionSecurityNotification, len(s.Notify))
	for i, recipient := range s.Notify {
		notifications[i] = TransactionSecurityNotification{InApp: true, SendEmail: true, User: recipient}
	}
	return &TransactionSecurityAction{
		Block:                   s.Block,
		EndSession:              s.EndSession,
		FreezeUser:              s.FreezeUser,
		Notifications:           notifications,
		TwoFactorAuthentication: false,
	}
}

// label returns the integration's name prefix as words, for master labels.
func (s Spec) label() string {
	prefix, _ := namePrefix(s.Integration)
	return strings.ReplaceAll(prefix, "_", " ")
}

// verb returns what a policy does with the activity it detects.
func (s Spec) verb() string {
	if s.Block {
		return "Blocks"
	}
	return "Alerts on"
}

// queryPolicy returns the Condition Builder policy on ApiEvent that fires on
// a query by the integration user that reads more than MaxRowsPerQuery rows.
// It leaves out the legacy fields executionUser, eventType and resourceName.
func (s Spec) queryPolicy() *TransactionSecurityPolicy {
	name := s.QueryPolicyName()
	return &TransactionSecurityPolicy{
		FullName: name,
		Action:   s.action(),
		Active:   true,
		Description: fmt.Sprintf("%s each API query by %s that reads more than %d rows, or too many rows for Salesforce to count. The limit applies to each query, not to a day's total.",
			s.verb(), s.Username, s.MaxRowsPerQuery),
		DeveloperName: name,
		EventName:     "ApiEvent",
		Flow:          conditionFlowName(name),
		MasterLabel:   s.label() + " Large Queries",
		Type:          conditionBuilderPolicy,
	}
}

// loginPolicy returns the Apex policy on LoginEvent that fires on a login by
// the integration user outside ActiveHours. It leaves out the legacy fields
// executionUser, eventType and resourceName.
func (s Spec) loginPolicy() *TransactionSecurityPolicy {
	policy := s.loginHoursPolicy()
	hours, _ := parseActiveHours(s.ActiveHours)
	return &TransactionSecurityPolicy{
		FullName:  policy.Name,
		Action:    s.action(),
		Active:    true,
		ApexClass: policy.ConditionClassName(),
		Description: fmt.Sprintf("%s each login by %s outside %s %s.",
			s.verb(), s.Username, hours, s.TimeZone),
		DeveloperName: policy.Name,
		EventName:     "LoginEvent",
		MasterLabel:   s.label() + " Off-Hours Logins",
		Type:          apexPolicy,
	}
}
