package policy

import "fmt"

// Severity is how much a [Finding] matters. The zero value is invalid.
type Severity int

// The severities, lowest first.
const (
	// SeverityInfo is a fact to know, such as a waived permission.
	SeverityInfo Severity = iota + 1
	// SeverityWarning is a likely mistake or a weaker setting than needed.
	SeverityWarning
	// SeverityError breaks the least-privilege policy.
	SeverityError
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	default:
		return fmt.Sprintf("Severity(%d)", int(s))
	}
}

// Rule ids, stable names that tests and suppressions can match on.
const (
	// RuleRiskyUserPermission is a catalogued user permission without a waiver.
	RuleRiskyUserPermission = "risky-user-permission"
	// RuleRiskyObjectPermission is a catalogued object permission flag,
	// such as viewAllRecords or modifyAllRecords, without a waiver.
	RuleRiskyObjectPermission = "risky-object-permission"
	// RuleWaived is a catalogued permission held under a waiver.
	RuleWaived = "waived-permission"
	// RuleWaiverNotRecorded is a waiver that the permission set's description does not carry.
	RuleWaiverNotRecorded = "waiver-not-recorded"
	// RuleUnknownPermission is a user permission name that sfharden does not know.
	RuleUnknownPermission = "unknown-user-permission"
	// RulePermissionNameCase is a user permission name in the wrong letter
	// case, such as modifyalldata, which Salesforce rejects.
	RulePermissionNameCase = "permission-name-case"
	// RuleDisabledEntry is an entry of a permission set that grants nothing.
	RuleDisabledEntry = "disabled-entry"
	// RuleMissingDependency is a user permission without one it needs.
	RuleMissingDependency = "missing-dependency"
	// RuleObjectAccessNotClosed is an object entry that breaks Salesforce's
	// rules, such as allowEdit without allowRead.
	RuleObjectAccessNotClosed = "object-access-not-closed"
	// RuleEditableNotReadable is a field entry that is editable but not readable.
	RuleEditableNotReadable = "editable-not-readable"
	// RuleFieldWithoutObjectAccess is a readable field on an object the set cannot read.
	RuleFieldWithoutObjectAccess = "field-without-object-access"
	// RuleFieldEditWithoutObjectEdit is an editable field on an object the set cannot edit.
	RuleFieldEditWithoutObjectEdit = "field-edit-without-object-edit"
	// RuleActivationRequired is a session-activated permission set.
	RuleActivationRequired = "activation-required"
	// RuleBelongsOnProfile is a user permission that belongs on the profile.
	RuleBelongsOnProfile = "belongs-on-profile"
	// RuleMissingMember is a group member that the check was not given.
	RuleMissingMember = "missing-member"
	// RuleMutingNotChecked is a group with muting permission sets.
	RuleMutingNotChecked = "muting-not-checked"
	// RuleRequiredPermission is a permission an integration cannot work without.
	RuleRequiredPermission = "required-permission-missing"
	// RuleExpectedPermission is a permission an integration profile should have.
	RuleExpectedPermission = "expected-permission-missing"
	// RuleRiskyNotDisabled is a catalogued permission that a profile leaves out.
	RuleRiskyNotDisabled = "risky-permission-not-disabled"
	// RuleLoginIPRanges is a profile whose login IP ranges restrict nothing
	// or almost nothing, alone or together.
	RuleLoginIPRanges = "login-ip-ranges"
	// RuleLoginIPRangeSuspect is a login IP range that cannot be a client's
	// public address, or is larger than a partner's NAT egress usually is.
	RuleLoginIPRangeSuspect = "login-ip-range-suspect"
	// RuleProfileGrantsAccess is object, field, tab, app or class access on
	// an integration profile.
	RuleProfileGrantsAccess = "profile-grants-access"
	// RuleProfileLicense is a custom profile without custom true or a licence.
	RuleProfileLicense = "profile-license"
)

// Finding is one result of a check.
type Finding struct {
	Severity Severity
	Rule     string // one of the Rule constants
	Path     string // location in the metadata, such as userPermissions["ViewAllData"]
	Message  string // the problem
	Fix      string // the next step for the user
}

// String returns "severity rule path: message; fix".
func (f Finding) String() string {
	s := fmt.Sprintf("%s %s", f.Severity, f.Rule)
	if f.Path != "" {
		s += " " + f.Path
	}
	s += ": " + f.Message
	if f.Fix != "" {
		s += "; " + f.Fix
	}
	return s
}

// Filter returns the findings of severity min or above, in their order.
func Filter(findings []Finding, min Severity) []Finding {
	var kept []Finding
	for _, f := range findings {
		if f.Severity >= min {
			kept = append(kept, f)
		}
	}
	return kept
}

// Persona is the kind of user the checked metadata is for.
type Persona int

const (
	// PersonaIntegration is a user that only an integration logs in as.
	// Catalogued risks are errors unless waived, and the permissions an
	// integration needs are checked.
	PersonaIntegration Persona = iota
	// PersonaUser is a person. Catalogued risks are warnings, and the
	// integration rules are not applied.
	PersonaUser
)

// Options sets how the checks run. The zero value checks an integration
// against [Default] with no waivers.
type Options struct {
	// Catalogue holds the risks, roles and waivers to check against. nil
	// means Default(). An empty &Catalogue{} has no entries, so it turns
	// off every risk and role check.
	Catalogue *Catalogue
	Persona   Persona
}

func (o Options) catalogue() *Catalogue {
	if o.Catalogue == nil {
		return Default()
	}
	return o.Catalogue
}

// riskSeverity is the severity of an unwaived catalogued permission.
func (o Options) riskSeverity() Severity {
	if o.Persona == PersonaUser {
		return SeverityWarning
	}
	return SeverityError
}
