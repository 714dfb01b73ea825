package audit

import (
	"fmt"
	"math/big"
	"strings"

	"github.com/sfharden/sfharden/internal/iprange"
)

// Size above which a login IP range is reported as broad: a /8 of IPv4
// addresses or a /32 of IPv6 addresses. An integration's egress is a few
// addresses; a block this size belongs to a whole provider.
var (
	broadIPv4 = new(big.Int).Lsh(big.NewInt(1), 24)
	broadIPv6 = new(big.Int).Lsh(big.NewInt(1), 96)
)

// orgExpiration maps the org-wide password expiry (SecuritySettings
// passwordPolicies/expiration) to days.
var orgExpiration = map[string]int{
	"ThirtyDays": 30, "SixtyDays": 60, "NinetyDays": 90, "SixMonths": 180, "OneYear": 365, "Never": 0,
}

// checkProfiles applies the login, session and password rules.
func (a *auditor) checkProfiles() {
	for _, p := range a.f.Profiles {
		a.checkRanges(p)
	}

	for _, name := range sortedKeys(a.intProfiles) {
		if _, ok := a.profiles[name]; !ok && a.intProfiles[name] != "named by the spec" {
			a.skipped("integration profile %s (%s): not in the tree", name, a.intProfiles[name])
		}
	}
	for _, p := range a.f.Profiles {
		name := p.Name
		why, ok := a.intProfiles[name]
		if !ok {
			continue
		}
		a.findings = append(a.findings, p.FieldFindings...)
		if a.fieldAccessUnknown(p) {
			a.addf(RuleFieldAccessUnknown, "Profile", name, p.File, p.Line,
				"field-level access for %s is unknown: the retrieve did not include any objects", name)
		}
		if !p.apiOnly() && !a.apiOnlyByPermSet(name) {
			a.addf(RuleAPIOnlyMissing, "Profile", name, p.File, p.Line,
				"profile %s is an integration profile (%s) but does not enable ApiUserOnly, so its credentials also open a UI session", name, why)
		}
		if len(p.Ranges) == 0 {
			a.addf(RuleLoginIPRangesMissing, "Profile", name, p.File, p.Line,
				"integration profile %s (%s) has no loginIpRanges, so its credentials work from any address", name, why)
		}
		if unset := a.unsetRisks(p); len(unset) > 0 {
			a.addf(RulePermissionNotRevoked, "Profile", name, p.File, p.Line,
				"integration profile %s leaves %s unset; a deploy of this file does not turn them off", name, strings.Join(unset, ", "))
		}
		a.checkSession(p)
		a.checkPassword(p)
	}
	a.checkDuplicates()
}

// fieldAccessUnknown reports whether the profile has no field permissions
// because the retrieve had no objects: a profile carries field permissions
// only for the objects retrieved with it.
func (a *auditor) fieldAccessUnknown(p *profileFacts) bool {
	if p.FieldCount > 0 || a.f.HasObjects {
		return false
	}
	for _, m := range a.f.Manifests {
		if m.Types["CustomObject"] || m.Types["CustomField"] {
			return false
		}
	}
	return true
}

// checkRanges reports login IP ranges that admit too much or cannot be
// read. It applies to every profile, because a range that admits every
// address is a control that does nothing for any user.
func (a *auditor) checkRanges(p *profileFacts) {
	for i, r := range p.Ranges {
		rng, err := iprange.FromEnds(r.Start, r.End)
		if err != nil {
			a.addf(RuleLoginIPRangeInvalid, "Profile", p.Name, p.File, r.Line, "loginIpRanges[%d]: %v", i, err)
			continue
		}
		if rng.CoversAll() {
			family := "IPv6"
			if rng.Is4() {
				family = "IPv4"
			}
			a.addf(RuleLoginIPRangeTooBroad, "Profile", p.Name, p.File, r.Line,
				"loginIpRanges covers all %s addresses; the IP restriction has no effect", family)
			continue
		}
		limit := broadIPv6
		if rng.Is4() {
			limit = broadIPv4
		}
		if size := rng.Size(); size.Cmp(limit) > 0 {
			f := newFinding(RuleLoginIPRangeTooBroad, "Profile", p.Name, p.File, r.Line,
				fmt.Sprintf("loginIpRanges[%d] %s–%s has %s addresses; list only the addresses the integration connects from",
					i, r.Start, r.End, size))
			f.Severity = Medium
			a.add(f)
		}
	}
}

// apiOnlyByPermSet reports whether every known user of the profile gets
// ApiUserOnly from an assigned permission set.
func (a *auditor) apiOnlyByPermSet(profile string) bool {
	found := false
	for key, u := range a.users {
		if profileAPIName(u.Profile) != profile || !u.Active {
			continue
		}
		found = true
		granted := false
		for _, ps := range a.assigned[key] {
			if set, ok := a.permSets[ps]; ok && set.enabled("ApiUserOnly") {
				granted = true
			}
		}
		if !granted {
			return false
		}
	}
	return found
}

// checkSession reports a session timeout longer than the 15 minutes of the
// hardened template. A timeout of 0 sets none for the profile, so the
// org's default of up to 24 hours applies; a negative one is invalid.
func (a *auditor) checkSession(p *profileFacts) {
	var found bool
	for _, s := range a.f.Sessions {
		if s.Profile != p.Name {
			continue
		}
		found = true
		var message string
		switch {
		case s.Timeout < 0:
			message = fmt.Sprintf("sessionTimeout %d of integration profile %s is invalid; a timeout is a positive number of minutes", s.Timeout, p.Name)
		case s.Timeout == 0:
			message = fmt.Sprintf("sessionTimeout 0 sets no timeout for integration profile %s, so the org's default timeout, up to 24 hours, applies; a stolen session ID stays usable that long", p.Name)
		case s.Timeout <= 15:
			continue
		default:
			message = fmt.Sprintf("sessions of integration profile %s time out after %d minutes of inactivity; a stolen session ID stays usable that long", p.Name, s.Timeout)
		}
		f := newFinding(RuleSessionTimeoutTooLong, "Profile", p.Name, s.File, s.Line, message)
		if s.Timeout <= 0 || s.Timeout > 120 {
			f.Severity = Medium
		}
		a.add(f)
		break
	}
	if !found {
		a.skipped("session timeout of integration profile %s: no ProfileSessionSetting for it in the tree", p.Name)
	}
}

// checkPassword reports an API-only profile whose password expires while a
// password-based integration uses it.
func (a *auditor) checkPassword(p *profileFacts) {
	if !p.apiOnly() || p.enabled("PasswordNeverExpires") {
		return
	}
	days, file, line := -1, "", 0
	for _, pw := range a.f.Passwords {
		if pw.Profile == p.Name {
			days, file, line = pw.Expiration, pw.File, pw.Line
			break
		}
	}
	if days < 0 && a.f.Security != nil {
		if d, ok := orgExpiration[a.f.Security.Expiration]; ok {
			days, file, line = d, a.f.Security.File, a.f.Security.Line
		}
	}
	switch {
	case days < 0:
		a.skipped("password expiry of API-only profile %s: no ProfilePasswordPolicy for it and no Security settings in the tree", p.Name)
		return
	case days == 0 || a.clientCredentialsOnly(p.Name):
		return
	}
	a.addf(RulePasswordExpires, "Profile", p.Name, file, line,
		"API-only profile %s: password expires every %d days; password-based integrations fail with INVALID_OPERATION_WITH_EXPIRED_PASSWORD; prefer client credentials or JWT bearer",
		p.Name, days)
}

// clientCredentialsOnly reports whether a profile is used only by the
// run-as users of client-credentials apps, whose tokens need no password.
// With --users, every active user of the profile must be such a run-as
// user. Without it, the profile must be bound to a client-credentials app.
func (a *auditor) clientCredentialsOnly(profile string) bool {
	users := 0
	for key, u := range a.users {
		if profileAPIName(u.Profile) != profile || !u.Active {
			continue
		}
		users++
		if len(a.runAs[key]) == 0 {
			return false
		}
	}
	if users > 0 {
		return true
	}
	for _, app := range a.ccApps {
		for _, bound := range app.Profiles {
			if profileAPIName(bound) == profile {
				return true
			}
		}
	}
	return false
}

// checkDuplicates reports a second session setting or password policy for
// one profile.
func (a *auditor) checkDuplicates() {
	seen := map[string]string{}
	for _, s := range a.f.Sessions {
		if first, dup := seen[s.Profile]; dup {
			a.addf(RuleDuplicateSessionSetting, "Profile", s.Profile, s.File, s.Line,
				"ProfileSessionSetting %s is the second session setting of profile %s, after %s", s.Name, s.Profile, first)
			continue
		}
		seen[s.Profile] = s.Name
	}
	seen = map[string]string{}
	for _, pw := range a.f.Passwords {
		if first, dup := seen[pw.Profile]; dup {
			a.addf(RuleDuplicatePasswordPolicy, "Profile", pw.Profile, pw.File, pw.Line,
				"ProfilePasswordPolicy %s is the second password policy of profile %s, after %s", pw.Name, pw.Profile, first)
			continue
		}
		seen[pw.Profile] = pw.Name
	}
}
