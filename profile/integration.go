package profile

import (
	"fmt"
	"slices"
	"sort"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/permdata"
)

// User licences that an integration profile may carry.
const (
	// LicenseIntegration is the Salesforce Integration licence, which
	// Salesforce provides for API-only integration users.
	LicenseIntegration = "Salesforce Integration"
	// LicenseSalesforce is the full Salesforce licence.
	LicenseSalesforce = "Salesforce"
)

// integrationPermissions are the user permissions that the hardened profile
// enables: API access, API access only, and a password that does not expire,
// because an integration that logs in without a person breaks silently when
// its password expires.
var integrationPermissions = []string{"ApiEnabled", "ApiUserOnly", "PasswordNeverExpires"}

// IntegrationRequest describes a hardened API-only profile.
type IntegrationRequest struct {
	// Name is the profile's API name: a letter, then letters, digits and
	// single underscores, not ending with '_'.
	Name        string
	Description string // at most 255 characters
	// License is LicenseIntegration or LicenseSalesforce. Empty means
	// LicenseIntegration.
	License string
	// LoginIPRanges are the addresses the integration connects from. At
	// least one is required.
	LoginIPRanges []LoginRange
	// Disable lists user permissions to write with enabled false on top of
	// the risky ones of the built-in catalogue, such as those a caller adds
	// to its own catalogue.
	Disable []string
	// LeaveOut lists risky permissions not to write at all, for an org that
	// does not have them: a deploy that names a permission the org lacks
	// fails with "Unknown user permission", even with enabled false.
	LeaveOut []string
}

// BuildIntegrationProfile returns a custom profile built like the Minimum
// Access profile with API Only on. It enables ApiEnabled, ApiUserOnly and
// PasswordNeverExpires, grants no object, field, tab, app or class access
// (the permission set group grants access), and restricts logins to the
// requested IP ranges.
//
// Deploying a profile does not turn off a user permission that the file
// leaves out, so the profile writes every risky user permission of the
// built-in catalogue, and those of req.Disable, with enabled false. Each
// permission of req.LeaveOut comes back as a notice, because the org keeps
// its value.
//
// The error is a [field.List] that lists every problem.
func BuildIntegrationProfile(req IntegrationRequest) (*Profile, []field.Notice, error) {
	var errs field.List
	var notices []field.Notice
	errs = append(errs, checkName(field.NewPath("name"), req.Name)...)
	errs = append(errs, checkDescription(field.NewPath("description"), req.Description)...)

	license := req.License
	if license == "" {
		license = LicenseIntegration
	}
	if license != LicenseIntegration && license != LicenseSalesforce {
		errs = append(errs, field.NewNotSupported(field.NewPath("license"), license, []string{LicenseIntegration, LicenseSalesforce}))
	}

	ranges, rangeNotices, rangeErrs := loginIPRanges(field.NewPath("loginIpRanges"), req.LoginIPRanges)
	errs = append(errs, rangeErrs...)
	notices = append(notices, rangeNotices...)

	disabled, disableErrs := disabledPermissions(req)
	errs = append(errs, disableErrs...)
	for _, name := range sortedUnique(req.LeaveOut) {
		notices = append(notices, field.Notice{
			Path:    field.NewPath("userPermissions").Key(name).String(),
			Message: fmt.Sprintf("left out on request, so the deploy keeps the org's value of %s; check it is off in the org", name),
		})
	}

	if err := errs.Err(); err != nil {
		return nil, notices, err
	}

	p := &Profile{
		FullName:      req.Name,
		Custom:        new(true),
		Description:   req.Description,
		UserLicense:   license,
		LoginIPRanges: ranges,
	}
	for _, name := range integrationPermissions {
		p.UserPermissions = append(p.UserPermissions, UserPermission{Name: name, Enabled: true})
	}
	for _, name := range disabled {
		p.UserPermissions = append(p.UserPermissions, UserPermission{Name: name, Enabled: false})
	}
	sort.Slice(p.UserPermissions, func(i, j int) bool { return p.UserPermissions[i].Name < p.UserPermissions[j].Name })
	return p, notices, nil
}

// disabledPermissions returns the sorted names to write with enabled false:
// the built-in risky user permissions and req.Disable, without req.LeaveOut.
func disabledPermissions(req IntegrationRequest) ([]string, field.List) {
	var errs field.List
	names := map[string]bool{}
	for _, r := range permdata.Default().AtLeast(permdata.TierLow) {
		if r.Kind == permdata.KindUser {
			names[r.Name] = true
		}
	}

	for i, name := range req.Disable {
		p := field.NewPath("disable").Index(i)
		known, isKnown := permdata.Canonical(name)
		switch {
		case slices.Contains(integrationPermissions, name):
			errs = append(errs, field.NewInvalid(p, name, "the integration profile needs it enabled"))
		case isKnown && known != name:
			errs = append(errs, field.NewInvalid(p, name, fmt.Sprintf("user permission names are case-sensitive; write %s", known)))
		case !isKnown:
			errs = append(errs, unknownPermission(p, name))
		default:
			names[name] = true
		}
	}
	for i, name := range req.LeaveOut {
		p := field.NewPath("leaveOut").Index(i)
		known, isKnown := permdata.Canonical(name)
		switch {
		case isKnown && known != name:
			errs = append(errs, field.NewInvalid(p, name, fmt.Sprintf("user permission names are case-sensitive; write %s", known)))
		case !names[name]:
			errs = append(errs, field.NewInvalid(p, name, "the profile does not write it, so there is nothing to leave out"))
		}
	}
	for _, name := range req.LeaveOut {
		delete(names, name)
	}

	out := make([]string, 0, len(names))
	for name := range names {
		out = append(out, name)
	}
	sort.Strings(out)
	return out, errs
}

func unknownPermission(p field.Path, name string) *field.Error {
	detail := fmt.Sprintf("unknown user permission %q", name)
	if suggestion := permdata.Suggest(name); suggestion != "" {
		detail += fmt.Sprintf("; did you mean %s?", suggestion)
	}
	return &field.Error{Path: p.String(), Kind: field.NotSupported, Value: name, Detail: detail}
}

func sortedUnique(values []string) []string {
	out := slices.Clone(values)
	sort.Strings(out)
	return slices.Compact(out)
}
