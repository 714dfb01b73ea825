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

// Suffixes of the master labels, after the integration's label.
const (
	queryLabelSuffix = " Large Queries"
	loginLabelSuffix = " Off-Hours Logins"
)

// maxMasterLabelLength is the number of characters that a policy's master
// label may have.
const maxMasterLabelLength = 80

// maxLabelLength is the longest Spec.Label that leaves room for the longer
// master label suffix.
const maxLabelLength = maxMasterLabelLength - len(loginLabelSuffix)

// action returns what a policy of the spec does when it fires. It notifies
// every recipient in app and by email, and blocks only when the spec
// requests it. It never ends the session or freezes the user, which
// validation rejects, and never requests two-factor authentication, because
// an API client cannot answer the challenge and Salesforce blocks the login
// instead.
func (s Spec) action() *TransactionSecurityAction {
	// NOTE: each recipient gets a <notifications> element of its own. The
	// Metadata API schema allows any number, but each retrieved policy in
	// the public examples read here has one, the object reference
	// describes ActionConfig as holding the ID of "the intended
	// recipient", and no Salesforce document found says whether a policy
	// with several deploys.
	notifications := make([]TransactionSecurityNotification, len(s.Notify))
	for i, recipient := range s.Notify {
		notifications[i] = TransactionSecurityNotification{InApp: true, SendEmail: true, User: recipient}
	}
	return &TransactionSecurityAction{
		Block:                   s.Block,
		EndSession:              false,
		FreezeUser:              false,
		Notifications:           notifications,
		TwoFactorAuthentication: false,
	}
}

// label returns Label or, when it is empty, Integration with spaces for
// underscores, cut to maxLabelLength characters.
func (s Spec) label() string {
	if s.Label != "" {
		return s.Label
	}
	label := []rune(strings.ReplaceAll(s.Integration, "_", " "))
	if len(label) > maxLabelLength {
		label = label[:maxLabelLength]
	}
	return strings.TrimSpace(string(label))
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
			s.verb(), flowUsername(s.Username), s.MaxRowsPerQuery),
		DeveloperName: name,
		EventName:     "ApiEvent",
		Flow:          conditionFlowName(name),
		MasterLabel:   s.label() + queryLabelSuffix,
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
		MasterLabel:   s.label() + loginLabelSuffix,
		Type:          apexPolicy,
	}
}
