package connectedapp

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/schema"
	"github.com/sfharden/sfharden/internal/suggest"
)

// scopeEnum is the WSDL simple type that lists the OAuth scopes a
// ConnectedApp accepts. The same names, in the same order, go into an
// External Client App's commaSeparatedOauthScopes, except for SFAP.
const scopeEnum = "ConnectedAppOauthAccessScope"

// wireScopes maps the scope names that OAuth requests use to the Metadata API
// names. The request names are those listed under scopes_supported in
// https://login.salesforce.com/.well-known/openid-configuration, and the
// Metadata API names those of ConnectedAppOauthAccessScope in the v66.0
// WSDL. Each pair differs only in case, underscores and an "_api" suffix,
// except visualforce, the scope of Visualforce pages, which the schema calls
// CustomApplications.
//
// NOTE: "id" is left out because the schema has no scope of that name and
// Basic could not be confirmed as its match.
var wireScopes = map[string]string{
	"address":                    "Address",
	"api":                        "Api",
	"cdp_api":                    "CDP",
	"cdp_calculated_insight_api": "CDPCalculatedInsight",
	"cdp_identityresolution_api": "CDPIdentityResolution",
	"cdp_ingest_api":             "CDPIngest",
	"cdp_profile_api":            "CDPProfile",
	"cdp_query_api":              "CDPQuery",
	"cdp_segment_api":            "CDPSegment",
	"chatbot_api":                "Chatbot",
	"chatter_api":                "Chatter",
	"content":                    "Content",
	"custom_permissions":         "CustomPermissions",
	"eclair_api":                 "Eclair",
	"einstein_gpt_api":           "EinsteinGPT",
	"email":                      "Email",
	"forgot_password":            "ForgotPassword",
	"full":                       "Full",
	"interaction_api":            "Interaction",
	"lightning":                  "Lightning",
	"mcp_api":                    "MCP",
	"offline_access":             "OfflineAccess",
	"openid":                     "OpenID",
	"pardot_api":                 "Pardot",
	"phone":                      "Phone",
	"profile":                    "Profile",
	"pwdless_login_api":          "PwdlessLogin",
	"refresh_token":              "RefreshToken",
	"scrt_api":                   "SCRT",
	"sfap_api":                   "SFAP",
	"user_registration_api":      "UserRegistration",
	"visualforce":                "CustomApplications",
	"wave_api":                   "Wave",
	"web":                        "Web",
}

// ecaScopeNames lists the External Client App spellings that differ from
// the ConnectedApp ones. External Client App files deployed at API 66.0
// spell the Salesforce API Platform scope SFApiPlatform, where the
// ConnectedApp enumeration has SFAP.
//
// NOTE: whether an External Client App also accepts SFAP was not tried.
var ecaScopeNames = map[string]string{
	"SFAP": "SFApiPlatform",
}

// Risk is how much harm a scope allows beyond what an API integration needs.
type Risk int

const (
	// RiskNone marks a scope that Build allows.
	RiskNone Risk = iota
	// RiskMedium marks a scope that Build forbids without a waiver.
	RiskMedium
	// RiskHigh marks a scope that Build forbids without a waiver and that
	// an audit should report first.
	RiskHigh
)

// String returns "none", "medium" or "high".
func (r Risk) String() string {
	switch r {
	case RiskNone:
		return "none"
	case RiskMedium:
		return "medium"
	case RiskHigh:
		return "high"
	default:
		return fmt.Sprintf("Risk(%d)", int(r))
	}
}

// forbiddenScope is a scope that an integration app must not have unless a
// waiver allows it.
type forbiddenScope struct {
	risk   Risk
	reason string
}

var forbiddenScopes = map[string]forbiddenScope{
	"Full": {RiskHigh, "Full grants everything the run-as user can reach, " +
		"including the web UI and refresh tokens; Api is enough for REST, SOAP and Bulk API calls"},
	"Web": {RiskMedium, "Web lets a token open Salesforce pages in a browser, " +
		"which an API integration never needs"},
	"RefreshToken": {RiskMedium, "the client credentials and JWT bearer flows issue no refresh token, " +
		"so asking for one is a mistake, and a refresh token would outlive secret rotation"},
	"OfflineAccess": {RiskMedium, "the client credentials and JWT bearer flows issue no refresh token, " +
		"so asking for offline access is a mistake, and a refresh token would outlive secret rotation"},
}

// ScopeRisk returns the risk of the scope with the Metadata API name scope,
// and RiskNone for a scope that Build allows or does not know.
func ScopeRisk(scope string) Risk {
	return forbiddenScopes[scope].risk
}

// metadataScopes returns the Metadata API scope names in WSDL order.
func metadataScopes() []string {
	values, ok := schema.Enumeration(scopeEnum)
	if !ok {
		panic("connectedapp: schema tables lack " + scopeEnum)
	}
	return values
}

// checkScopes resolves the requested scopes to Metadata API names, in the
// order given with duplicates reported. Each name is either an exact
// Metadata API name or an exact OAuth request name: the Metadata API names
// are case-sensitive, so "API" is an error that suggests "Api".
func checkScopes(path field.Path, requested []string, waivers map[string]string) ([]string, []field.Notice, field.List) {
	var (
		resolved []string
		notices  []field.Notice
		errs     field.List
	)
	known := metadataScopes()
	seen := map[string]int{}

	for i, name := range requested {
		at := path.Index(i)
		scope, ok := resolveScope(known, name)
		if !ok {
			errs = append(errs, unknownScope(at, known, name))
			continue
		}
		if scope != name {
			notices = append(notices, field.Notice{Path: at.String(),
				Message: fmt.Sprintf("OAuth scope %q is written as the Metadata API name %s", name, scope)})
		}
		if first, dup := seen[scope]; dup {
			errs = append(errs, field.NewDuplicate(at, name,
				fmt.Sprintf("scope %s is already listed at index %d; list each scope once", scope, first)))
			continue
		}
		seen[scope] = i

		if bad, isForbidden := forbiddenScopes[scope]; isForbidden {
			reason, waived := waivers[scope]
			if !waived {
				errs = append(errs, field.NewForbidden(at, name, fmt.Sprintf(
					"%s risk: %s; remove it, or add a waiver for scope %s with the reason the integration needs it",
					bad.risk, bad.reason, scope)))
				continue
			}
			notices = append(notices, field.Notice{Path: at.String(), Message: fmt.Sprintf(
				"scope %s (%s risk) is allowed by waiver: %s", scope, bad.risk, reason)})
		}
		resolved = append(resolved, scope)
	}
	return resolved, notices, errs
}

func resolveScope(known []string, name string) (string, bool) {
	if slices.Contains(known, name) {
		return name, true
	}
	for scope, eca := range ecaScopeNames {
		if name == eca {
			return scope, true
		}
	}
	scope, ok := wireScopes[name]
	return scope, ok
}

// unknownScope returns the error for a name that is no scope, suggesting
// the scope it most likely meant: one that differs only in case, or else
// the nearest by edit distance.
func unknownScope(at field.Path, known []string, name string) *field.Error {
	detail := fmt.Sprintf("unknown scope %q (values are case-sensitive", name)
	if guess := closestScope(known, name); guess != "" {
		detail += "; did you mean " + guess + "?)"
	} else {
		detail += "; give a Metadata API name such as Api, or an OAuth name such as api)"
	}
	return &field.Error{Path: at.String(), Kind: field.NotSupported, Value: name, Detail: detail}
}

func closestScope(known []string, name string) string {
	for _, scope := range known {
		if strings.EqualFold(scope, name) {
			return scope
		}
	}
	for wire, scope := range wireScopes {
		if strings.EqualFold(wire, name) {
			return scope
		}
	}

	return suggest.Closest(name, known)
}

// ecaScopeList returns scopes as an External Client App's
// commaSeparatedOauthScopes holds them: in WSDL order, with the External
// Client App spellings, joined by ", " as a retrieve writes them.
func ecaScopeList(scopes []string) string {
	known := metadataScopes()
	ordered := slices.Clone(scopes)
	slices.SortFunc(ordered, func(a, b string) int {
		return slices.Index(known, a) - slices.Index(known, b)
	})
	for i, scope := range ordered {
		if eca, ok := ecaScopeNames[scope]; ok {
			ordered[i] = eca
		}
	}
	return strings.Join(ordered, ", ")
}
