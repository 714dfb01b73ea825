package profile

import "github.com/sfharden/sfharden/field"

// Allowed values of ProfilePasswordPolicy, from the Metadata API Developer
// Guide entry for ProfilePasswordPolicy.
var (
	LockoutIntervals    = []int{0, 15, 30, 60}      // minutes; 0 locks out until an admin unlocks
	MaxLoginAttempts    = []int{0, 3, 5, 10}        // 0 means no limit
	PasswordExpirations = []int{0, 30, 60, 90, 365} // days; 0 means never
	PasswordComplexity  = []int{0, 1, 2, 3, 4}      // 4 needs digits, upper and lower case and special characters
	PasswordQuestions   = []int{0, 1}               // 1: the answer cannot contain the password
	minPasswordLength   = 5
	maxPasswordLength   = 50
)

// NOTE: a secondary source also lists 180 days for passwordExpiration, which
// the Metadata API guide does not, so 180 is rejected until it is confirmed.

// maxPasswordHistory is the highest passwordHistory accepted.
// NOTE: the limit is that of the org-wide password policy (up to 24
// remembered passwords); the ProfilePasswordPolicy entry states none.
const maxPasswordHistory = 24

// PasswordSettingName returns the fullName of the password policy of the
// profile named profile: profile + "_profilePasswordPolicy", without the
// number a retrieve appends, for the reason given at [SessionSettingName].
func PasswordSettingName(profile string) string {
	return profile + "_profilePasswordPolicy"
}

// PasswordRequest describes the password policy of an integration profile.
type PasswordRequest struct {
	Profile string // the profile's name, required
	// MinimumLength is the minimum password length, from 5 to 50. Zero
	// means 20, because a stored machine password is as easy to keep long
	// as short.
	MinimumLength int
}

// BuildPasswordPolicy returns a password policy for an integration
// profile: the password never expires (passwordExpiration 0), so a
// password-based integration does not stop on the day it would expire. To
// make up for that it requires the most complex passwords, locks the user
// out for 60 minutes after 3 failed attempts (long enough to slow guessing,
// short enough that an attacker cannot lock the integration out for good),
// remembers 5 passwords, and hides the answer to the security question.
// req.Profile must not name a standard profile (see [StandardName]). The
// error is a [field.List].
func BuildPasswordPolicy(req PasswordRequest) (*PasswordPolicy, error) {
	length := req.MinimumLength
	if length == 0 {
		length = 20
	}
	pp := &PasswordPolicy{
		FullName:                PasswordSettingName(req.Profile),
		Profile:                 req.Profile,
		PasswordExpiration:      0,
		PasswordComplexity:      4,
		MinimumPasswordLength:   length,
		MaxLoginAttempts:        3,
		LockoutInterval:         60,
		PasswordHistory:         5,
		PasswordQuestion:        1,
		Obscure:                 new(true),
		MinimumPasswordLifetime: new(true),
		ForgotPasswordRedirect:  new(false),
	}
	if err := pp.Validate(); err != nil {
		return nil, err
	}
	if err := checkNotStandard(field.NewPath("profile"), req.Profile); err != nil {
		return nil, err
	}
	return pp, nil
}

// Validate returns a [field.List] error when pp lacks a profile or has a
// value outside the documented sets, and nil otherwise.
func (pp *PasswordPolicy) Validate() error {
	var errs field.List
	if pp.Profile == "" {
		errs = append(errs, field.NewRequired(field.NewPath("profile"), "give the name of the profile the policy belongs to"))
	}
	errs = checkAllowed(errs, "lockoutInterval", pp.LockoutInterval, LockoutIntervals)
	errs = checkAllowed(errs, "maxLoginAttempts", pp.MaxLoginAttempts, MaxLoginAttempts)
	errs = checkRange(errs, "minimumPasswordLength", pp.MinimumPasswordLength, minPasswordLength, maxPasswordLength)
	errs = checkAllowed(errs, "passwordComplexity", pp.PasswordComplexity, PasswordComplexity)
	errs = checkAllowed(errs, "passwordExpiration", pp.PasswordExpiration, PasswordExpirations)
	errs = checkRange(errs, "passwordHistory", pp.PasswordHistory, 0, maxPasswordHistory)
	errs = checkAllowed(errs, "passwordQuestion", pp.PasswordQuestion, PasswordQuestions)
	if pp.PasswordHistory == 0 && pp.PasswordExpiration != 0 {
		errs = append(errs, field.NewInvalid(field.NewPath("passwordHistory"), 0,
			"with passwordHistory 0 the passwordExpiration must be 0; remember at least one password or let passwords never expire"))
	}
	return errs.Err()
}
