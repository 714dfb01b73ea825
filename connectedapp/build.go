package connectedapp

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/iprange"
)

// sessionTimeouts are the access token lifetimes, in minutes, that the
// Timeout Value list of a Connected App's session policies offers in Setup.
//
// NOTE: the list comes from the Setup page; the Metadata API types the
// field as a plain int, and other values were not tried.
var sessionTimeouts = []int{15, 30, 60, 120, 240, 480, 720, 1440}

// plan is a checked Spec with its defaults applied.
type plan struct {
	spec        Spec
	scopes      []string // Metadata API names, in the order requested
	network     []iprange.Range
	certificate *certificate
	rotation    int
	timeout     int
}

// Build checks spec and returns the metadata of its OAuth app. now is the
// time of the build: a JWT bearer certificate must be valid at now, and
// the first rotation is due RotationDays after it.
//
// Build returns every problem it finds, not only the first, as a
// field.List error whose paths start with "app". The notices are
// returned with or without an error. They report what Build changed (an OAuth
// scope name written as its Metadata API name), what a waiver allowed and
// what the caller must still do.
func Build(spec Spec, now time.Time) (*Bundle, []field.Notice, error) {
	p, notices, errs := check(field.NewPath("app"), spec, now)
	if len(errs) > 0 {
		return nil, notices, errs.Err()
	}

	bundle := &Bundle{
		Name:         spec.Name,
		Type:         spec.Type,
		Flow:         spec.Flow,
		RotationDays: p.rotation,
	}
	if p.certificate != nil {
		bundle.CertificateExpiry = p.certificate.cert.NotAfter
	}

	switch spec.Type {
	case TypeConnectedApp:
		bundle.components = []Component{newComponent("ConnectedApp", spec.Name, connectedApp(p))}
	default:
		bundle.components = externalClientApp(p)
	}

	var found []string
	for _, value := range []string{spec.ContactEmail, spec.RunAsUsername} {
		for _, name := range placeholders(value) {
			if !slices.Contains(found, name) {
				found = append(found, name)
			}
		}
	}
	slices.Sort(found)
	bundle.placeholders = found

	return bundle, notices, nil
}

// check validates spec, applies its defaults and collects every error.
func check(root field.Path, spec Spec, now time.Time) (*plan, []field.Notice, field.List) {
	var (
		errs    field.List
		notices []field.Notice
	)
	p := &plan{spec: spec, rotation: spec.SecretRotationDays, timeout: spec.SessionTimeoutMinutes}

	maxName := maxNameLength
	if spec.Type == TypeExternalClientApp {
		maxName -= ecaLongestSuffix
	}
	errs = append(errs, checkName(root.Child("name"), spec.Name, maxName)...)
	errs = append(errs, checkText(root.Child("label"), spec.Label, true, "Orders Sync")...)
	if !utf8.ValidString(spec.Description) {
		errs = append(errs, field.NewInvalid(root.Child("description"), spec.Description, "the text is not valid UTF-8"))
	}
	errs = append(errs, checkContactEmail(root.Child("contactEmail"), spec.ContactEmail)...)

	switch spec.Type {
	case TypeExternalClientApp:
	case TypeConnectedApp:
		notices = append(notices, field.Notice{Path: root.Child("type").String(), Message: "since Spring '26 an org " +
			"cannot create a new Connected App without a request to Salesforce Support; deploy this only to an org " +
			"that already has the app or was allowed to create one, and use an External Client App otherwise"})
	default:
		errs = append(errs, field.NewNotSupported(root.Child("type"), spec.Type.String(),
			[]string{TypeExternalClientApp.String(), TypeConnectedApp.String()}))
	}

	switch spec.Flow {
	case ClientCredentials:
		errs = append(errs, checkUsername(root.Child("runAsUsername"), spec.RunAsUsername)...)
	case JWTBearer:
		if spec.RunAsUsername != "" {
			errs = append(errs, checkUsername(root.Child("runAsUsername"), spec.RunAsUsername)...)
		}
	default:
		errs = append(errs, field.NewNotSupported(root.Child("flow"), spec.Flow.String(),
			[]string{ClientCredentials.String(), JWTBearer.String()}))
	}

	if spec.PermissionSet == "" {
		errs = append(errs, field.NewRequired(root.Child("permissionSet"),
			"give the API name of the permission set that lets the integration user use the app"))
	} else {
		errs = append(errs, checkName(root.Child("permissionSet"), spec.PermissionSet, maxNameLength)...)
	}

	waivers, waiverErrs := checkWaivers(root.Child("waivers"), spec.Waivers)
	errs = append(errs, waiverErrs...)
	requested := spec.Scopes
	if len(requested) == 0 {
		requested = DefaultScopes
	}
	scopes, scopeNotices, scopeErrs := checkScopes(root.Child("scopes"), requested, waivers)
	p.scopes = scopes
	notices = append(notices, scopeNotices...)
	errs = append(errs, scopeErrs...)
	for _, waiver := range spec.Waivers {
		if _, known := forbiddenScopes[waiver.Scope]; known && !slices.Contains(scopes, waiver.Scope) {
			notices = append(notices, field.Notice{Path: root.Child("waivers").String(),
				Message: fmt.Sprintf("the waiver for scope %s is not used because the app does not request it; remove it", waiver.Scope)})
		}
	}

	if p.timeout == 0 {
		p.timeout = DefaultSessionTimeoutMinutes
	}
	if !slices.Contains(sessionTimeouts, p.timeout) {
		allowed := make([]string, len(sessionTimeouts))
		for i, minutes := range sessionTimeouts {
			allowed[i] = strconv.Itoa(minutes)
		}
		errs = append(errs, field.NewNotSupported(root.Child("sessionTimeoutMinutes"), spec.SessionTimeoutMinutes, allowed))
	}

	if p.rotation == 0 {
		p.rotation = DefaultSecretRotationDays
	}
	if p.rotation < 1 || p.rotation > MaxSecretRotationDays {
		errs = append(errs, field.NewInvalid(root.Child("secretRotationDays"), spec.SecretRotationDays,
			fmt.Sprintf("give a period from 1 to %d days, or 0 for %d", MaxSecretRotationDays, DefaultSecretRotationDays)))
	}

	network, networkNotices, networkErrs := checkNetwork(root.Child("network"), spec.Network)
	p.network = network
	notices = append(notices, networkNotices...)
	errs = append(errs, networkErrs...)

	certPath := root.Child("certificate")
	switch {
	case spec.Flow == JWTBearer:
		nextRotation := now.AddDate(0, 0, p.rotation)
		cert, certNotices, certErrs := checkCertificate(certPath, spec.Certificate, now, nextRotation)
		p.certificate = cert
		notices = append(notices, certNotices...)
		errs = append(errs, certErrs...)
	case len(spec.Certificate) > 0:
		errs = append(errs, field.NewInvalid(certPath, summarizePEM(spec.Certificate),
			"the client credentials flow does not use a certificate; set Flow to JWTBearer or remove the certificate"))
	}

	const generated = "each org generates its own when the app is deployed, and a secret in source control is a leak; " +
		"leave it empty and hand the value from Setup to the client through a secret store"
	if spec.ConsumerKey != "" {
		errs = append(errs, field.NewForbidden(root.Child("consumerKey"), "(set)", "a consumer key is never written: "+generated))
	}
	if spec.ConsumerSecret != "" {
		errs = append(errs, field.NewForbidden(root.Child("consumerSecret"), "(set)", "a consumer secret is never written: "+generated))
	}

	return p, notices, errs
}

// checkContactEmail checks the contact address, which may contain
// placeholders like a username.
func checkContactEmail(path field.Path, email string) field.List {
	if email == "" {
		return field.List{field.NewRequired(path, "give the address of the team that owns the integration")}
	}
	if err := checkPlaceholders(path, email); err != nil {
		return field.List{err}
	}
	if placeholderPattern.ReplaceAllString(email, "") == "" {
		return nil
	}
	if err := checkAddress(path, email, "contact email"); err != nil {
		return field.List{err}
	}
	return nil
}

// checkWaivers returns the waived scopes with their reasons, trimmed of
// surrounding space.
func checkWaivers(path field.Path, waivers []Waiver) (map[string]string, field.List) {
	var errs field.List
	reasons := map[string]string{}
	for i, waiver := range waivers {
		at := path.Index(i)
		if _, known := forbiddenScopes[waiver.Scope]; !known {
			errs = append(errs, field.NewNotSupported(at.Child("scope"), waiver.Scope, forbiddenScopeNames()))
			continue
		}
		reason, reasonErr := checkReason(at.Child("reason"), waiver.Reason, "say why the integration needs scope "+waiver.Scope+", so that a reviewer can judge it")
		if reasonErr != nil {
			errs = append(errs, reasonErr)
			continue
		}
		if _, dup := reasons[waiver.Scope]; dup {
			errs = append(errs, field.NewDuplicate(at.Child("scope"), waiver.Scope, "give one waiver per scope"))
			continue
		}
		reasons[waiver.Scope] = reason
	}
	return reasons, errs
}

func forbiddenScopeNames() []string {
	var names []string
	for _, scope := range metadataScopes() {
		if _, ok := forbiddenScopes[scope]; ok {
			names = append(names, scope)
		}
	}
	return names
}

// checkNetwork parses the partner's address ranges, keeping their order. It
// rejects ranges that together cover half of IPv4 or 2^125 IPv6 addresses,
// and returns a notice for each range that [iprange.Review] doubts.
func checkNetwork(path field.Path, values []string) ([]iprange.Range, []field.Notice, field.List) {
	if len(values) == 0 {
		return nil, []field.Notice{{Path: path.String(), Message: "no partner network ranges are given, so tokens " +
			"work from any address; list the partner's egress ranges and give the run-as user's profile the same login IP ranges"}}, nil
	}

	var (
		ranges       []iprange.Range
		rangeNotices []field.Notice
		errs         field.List
	)
	for i, value := range values {
		at := path.Index(i)
		r, err := iprange.Parse(value)
		if err == nil {
			err = iprange.CheckRestricts(r)
		}
		if err != nil {
			errs = append(errs, field.NewInvalid(at, value, err.Error()))
			continue
		}
		if slices.Contains(ranges, r) {
			errs = append(errs, field.NewDuplicate(at, value,
				fmt.Sprintf("the range %s is already listed; list each range once", r)))
			continue
		}
		ranges = append(ranges, r)
		for _, w := range iprange.Review(r) {
			rangeNotices = append(rangeNotices, field.Notice{Path: at.String(), Message: w.String()})
		}
	}
	for _, err := range iprange.CheckUnion(ranges) {
		errs = append(errs, field.NewForbidden(path, err.Input, err.Error()))
	}

	notices := []field.Notice{{Path: path.String(), Message: "Salesforce treats an app's IP ranges as trusted " +
		"ranges, not as the only addresses allowed; the ranges restrict tokens through the login IP ranges of the " +
		"run-as user's profile, which the app's Enforce IP relaxation keeps in force, so give that profile the same ranges"}}
	return ranges, append(notices, rangeNotices...), errs
}

// checkReason returns reason without surrounding space, or an error when
// nothing is left or the reason has a line break or another control
// character. A reason appears in notices and review output, where a line
// break could pass for a line of its own. missing is the detail of the
// error for an empty reason.
func checkReason(path field.Path, reason, missing string) (string, *field.Error) {
	trimmed := strings.TrimSpace(reason)
	if trimmed == "" {
		return "", field.NewRequired(path, missing)
	}
	if i := strings.IndexFunc(trimmed, unicode.IsControl); i >= 0 {
		return "", field.NewInvalid(path, reason, fmt.Sprintf("the reason has the control character %U; write it on one line without control characters", []rune(trimmed[i:])[0]))
	}
	return trimmed, nil
}
