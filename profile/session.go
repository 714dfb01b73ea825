package profile

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/sfharden/sfharden/field"
)

// SessionTimeouts are the values of sessionTimeout, in minutes, that the
// Metadata API documents for ProfileSessionSetting.
var SessionTimeouts = []int{15, 30, 60, 120, 240, 480, 720, 1440}

// DefaultSessionTimeout is the timeout, in minutes, that
// [BuildSessionSetting] writes when the request gives none. It is the
// shortest allowed, which limits how long an idle stolen session stays
// usable.
const DefaultSessionTimeout = 15

// Session security levels for requiredSessionLevel. LOW is left out because
// Salesforce documents that users at that level get unpredictable and
// reduced functionality.
const (
	SessionLevelStandard      = "STANDARD"
	SessionLevelHighAssurance = "HIGH_ASSURANCE"
)

// SessionRequest describes the session settings of a profile.
type SessionRequest struct {
	Profile string // the profile's name, required
	// Timeout is the idle time in minutes before the session ends, one of
	// SessionTimeouts. Zero means DefaultSessionTimeout.
	Timeout int
	// RequiredSessionLevel is empty, SessionLevelStandard or
	// SessionLevelHighAssurance.
	RequiredSessionLevel string
}

// SessionSettingName returns the fullName of the session settings of the
// profile named profile: profile + "_profileSessionSetting". Retrieved files
// carry the same name with a number appended that the org assigns, such as
// Integration_User_profileSessionSetting1676019624335. sfharden leaves the
// number out so that the generated file name is the same on every run. The
// profile element, not the name, ties the settings to the profile.
func SessionSettingName(profile string) string {
	return profile + "_profileSessionSetting"
}

// BuildSessionSetting returns the session settings that req describes. It
// writes every required boolean: forceLogout true, so a timed-out session
// ends at once, and the others false. req.Profile must not name a standard
// profile (see [StandardName]). The error is a [field.List].
func BuildSessionSetting(req SessionRequest) (*SessionSetting, error) {
	timeout := req.Timeout
	if timeout == 0 {
		timeout = DefaultSessionTimeout
	}
	s := &SessionSetting{
		FullName:                           SessionSettingName(req.Profile),
		Profile:                            req.Profile,
		SessionTimeout:                     timeout,
		RequiredSessionLevel:               req.RequiredSessionLevel,
		ForceLogout:                        true,
		SessionPersistence:                 false,
		SessionTimeoutWarning:              false,
		ExternalCommunityUserIdentityVerif: false,
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := checkNotStandard(field.NewPath("profile"), req.Profile); err != nil {
		return nil, err
	}
	return s, nil
}

// Validate returns a [field.List] error when s lacks a profile or has a
// value outside the documented sets, and nil otherwise.
//
// Retrieved files often hold sessionTimeout 0, which appears to mean that
// the profile does not override the org's timeout. Validate rejects it,
// because a generated setting should state its timeout.
func (s *SessionSetting) Validate() error {
	var errs field.List
	if s.Profile == "" {
		errs = append(errs, field.NewRequired(field.NewPath("profile"), "give the name of the profile the settings belong to"))
	}
	if !slices.Contains(SessionTimeouts, s.SessionTimeout) {
		errs = append(errs, field.NewNotSupported(field.NewPath("sessionTimeout"), s.SessionTimeout, intStrings(SessionTimeouts)))
	}
	switch s.RequiredSessionLevel {
	case "", SessionLevelStandard, SessionLevelHighAssurance:
	default:
		errs = append(errs, field.NewNotSupported(field.NewPath("requiredSessionLevel"), s.RequiredSessionLevel,
			[]string{SessionLevelStandard, SessionLevelHighAssurance}))
	}
	return errs.Err()
}

func intStrings(values []int) []string {
	out := make([]string, len(values))
	for i, v := range values {
		out[i] = strconv.Itoa(v)
	}
	return out
}

// checkAllowed appends a NotSupported error when value is not in allowed.
func checkAllowed(errs field.List, name string, value int, allowed []int) field.List {
	if slices.Contains(allowed, value) {
		return errs
	}
	return append(errs, field.NewNotSupported(field.NewPath(name), value, intStrings(allowed)))
}

// checkRange appends an Invalid error when value is outside [low, high].
func checkRange(errs field.List, name string, value, low, high int) field.List {
	if value >= low && value <= high {
		return errs
	}
	return append(errs, field.NewInvalid(field.NewPath(name), value, fmt.Sprintf("use a value from %d to %d", low, high)))
}
