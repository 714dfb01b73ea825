package audit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/connectedapp"
)

// checkApps applies the OAuth app rules.
func (a *auditor) checkApps() {
	for _, key := range sortedKeys(a.runAs) {
		apps := a.runAs[key]
		if len(apps) < 2 {
			continue
		}
		names := make([]string, len(apps))
		for i, app := range apps {
			names[i] = app.Name
		}
		// One finding per app, each at its own run-as user element, so
		// that every file to change is shown.
		for _, app := range apps {
			a.addf(RuleSharedIntegrationUser, "User", apps[0].RunAsUser, app.RunAsFile, app.RunAsLine,
				"user %s is the run-as user of %d client-credentials apps: %s", apps[0].RunAsUser, len(apps), strings.Join(names, ", "))
		}
	}

	for _, app := range a.f.Apps {
		a.checkRelaxation(app)
		a.checkScopes(app)
		if app.ClientCredentials && app.SelfAuthorize {
			what := "isAdminApproved is not true"
			if app.Type != "ConnectedApp" {
				what = "permittedUsersPolicyType is not AdminApprovedPreAuthorized"
			}
			a.addf(RuleSelfAuthorizationAllowed, app.Type, app.Name, app.SelfAuthorizeFile, app.SelfAuthorizeLine,
				"client-credentials app %s lets every user self-authorize (%s)", app.Name, what)
		}
		if app.ClientCredentials && app.RunAsUser == "" {
			a.skipped("run-as user of client-credentials app %s: the tree does not name it", app.Name)
		}
	}

	if o := a.f.OAuth; o == nil {
		a.skipped("the org's OAuth username-password flow: settings/OauthOidc.settings-meta.xml is not in the tree")
	} else if o.BlockUnPw == nil || !*o.BlockUnPw {
		state := "absent"
		if o.BlockUnPw != nil {
			state = "false"
		}
		a.addf(RuleUsernamePasswordFlowAllowed, "Settings", "OauthOidc", o.File, o.Line,
			"blockOAuthUnPwFlow is %s, so the org allows the OAuth username-password flow", state)
	}
}

// checkRelaxation reports an app whose tokens skip the login IP ranges of
// the profiles that use it.
func (a *auditor) checkRelaxation(app *appFacts) {
	if !strings.HasPrefix(strings.ToUpper(app.IPRelaxation), "BYPASS") {
		return
	}
	element := "ipRelaxation"
	if app.Type != "ConnectedApp" {
		element = "ipRelaxationPolicyType"
	}
	var profiles []string
	for _, p := range app.Profiles {
		profiles = append(profiles, profileAPIName(p))
	}
	for _, e := range a.opts.Expected {
		if e.Name == app.Name && (e.AppType == "" || e.AppType == app.Type) {
			profiles = append(profiles, e.Name)
		}
	}
	if p := a.profileOfUser(app.RunAsUser); p != "" && app.RunAsUser != "" {
		profiles = append(profiles, p)
	}
	slices.Sort(profiles)
	profiles = slices.Compact(profiles)

	reported := false
	for _, name := range profiles {
		if p, ok := a.profiles[name]; ok && len(p.Ranges) > 0 {
			reported = true
			a.addf(RuleIPRelaxationBypass, app.Type, app.Name, app.IPRelaxationFile, app.IPRelaxationLine,
				"%s %s makes the loginIpRanges of profile %s ineffective for tokens from %s", element, app.IPRelaxation, name, app.Name)
		}
	}
	if !reported {
		f := newFinding(RuleIPRelaxationBypass, app.Type, app.Name, app.IPRelaxationFile, app.IPRelaxationLine,
			fmt.Sprintf("%s %s lets tokens from %s skip the loginIpRanges of every profile that uses it", element, app.IPRelaxation, app.Name))
		f.Severity = Medium
		a.add(f)
	}
}

// checkScopes reports scopes broader than an integration needs, with the
// risk that connectedapp gives each scope: a high-risk scope (Full) on any
// app, and a medium-risk one (Web, RefreshToken, OfflineAccess) on a
// client-credentials app, whose tokens need neither.
func (a *auditor) checkScopes(app *appFacts) {
	for i, s := range app.Scopes {
		switch connectedapp.ScopeRisk(s) {
		case connectedapp.RiskHigh:
			a.addf(RuleBroadOAuthScope, app.Type, app.Name, app.ScopesFile, app.scopeLine(i),
				"scope %s gives tokens from %s everything the user can do, refresh tokens included; request Api instead", s, app.Name)
		case connectedapp.RiskMedium:
			if !app.ClientCredentials {
				continue
			}
			f := newFinding(RuleBroadOAuthScope, app.Type, app.Name, app.ScopesFile, app.scopeLine(i),
				fmt.Sprintf("scope %s on client-credentials app %s is not needed: its tokens open no UI session and get no refresh token", s, app.Name))
			f.Severity = Medium
			a.add(f)
		}
	}
}

// eventsWatched are the transaction security events whose policies watch
// what an integration user does.
var eventsWatched = map[string]bool{
	"ApiEvent": true, "ReportEvent": true, "LoginEvent": true, "ListViewEvent": true,
	"BulkApiResultEventStore": true, "ApiAnomalyEventStore": true, "ReportAnomalyEventStore": true,
	"CredentialStuffingEventStore": true, "SessionHijackingEventStore": true, "LoginAnomalyEventStore": true,
	"DataExport": true, "Login": true, "Entity": true, "AccessResource": true,
}

// checkOrg applies the rules about the org as a whole.
func (a *auditor) checkOrg() {
	if len(a.intProfiles) == 0 && len(a.intUsers) == 0 {
		return
	}
	for _, p := range a.f.Policies {
		if p.Active && eventsWatched[p.Event] {
			return
		}
	}
	file, line, who := a.integrationAnchor()
	a.addf(RuleNoEventMonitoring, "Org", "org", file, line,
		"no active transaction security policy in the tree watches API, report or login events, so the activity of %s raises no alert", who)
}

// integrationAnchor returns the file of the first integration component,
// which org-wide findings point to, and a short description of the
// integration users.
func (a *auditor) integrationAnchor() (string, int, string) {
	for _, name := range sortedKeys(a.intProfiles) {
		if p, ok := a.profiles[name]; ok {
			return p.File, p.Line, "integration profile " + name
		}
	}
	for _, app := range a.ccApps {
		return app.File, app.Line, "the run-as users of " + app.Name
	}
	for _, name := range sortedKeys(a.intPermSets) {
		if p, ok := a.permSets[name]; ok {
			return p.File, p.Line, "the holders of permission set " + name
		}
	}
	return "", 0, "the integration users"
}
