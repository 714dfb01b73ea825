package monitoring

import (
	"fmt"
	"strings"
)

// ApexErrorKind is the reason an [ApexValueError] rejects a value.
type ApexErrorKind int

const (
	// ApexValueRequired means the field is empty.
	ApexValueRequired ApexErrorKind = iota + 1
	// ApexValueInvalid means the value is malformed or cannot be written
	// into Apex source, for example a username with a newline.
	ApexValueInvalid
	// ApexValueTooLong means the value is longer than Salesforce allows.
	ApexValueTooLong
	// ApexValueNotSupported means the value is well formed but names
	// something Salesforce does not support, such as an unknown time zone.
	ApexValueNotSupported
)

// String returns the kind as it reads in an error message.
func (k ApexErrorKind) String() string {
	switch k {
	case ApexValueRequired:
		return "required value"
	case ApexValueInvalid:
		return "invalid value"
	case ApexValueTooLong:
		return "value too long"
	case ApexValueNotSupported:
		return "unsupported value"
	default:
		return fmt.Sprintf("ApexErrorKind(%d)", int(k))
	}
}

// ApexValueError is one field of a [LoginHoursPolicy] that cannot be turned
// into Apex.
type ApexValueError struct {
	// Field is the policy field, named as in a spec: "name", "username",
	// "activeHours", "timeZone" or "apiVersion".
	Field string
	Kind  ApexErrorKind
	// Value is the rejected value as given.
	Value string
	// Detail says what is wrong and what to do instead.
	Detail string
}

// Error returns the field, the kind, the quoted value and the detail.
func (e *ApexValueError) Error() string {
	if e.Kind == ApexValueRequired {
		return fmt.Sprintf("%s: %s: %s", e.Field, e.Kind, e.Detail)
	}
	return fmt.Sprintf("%s: %s %q: %s", e.Field, e.Kind, e.Value, e.Detail)
}

// ApexValueErrors is every field error that [LoginHoursPolicy.Validate] found,
// in field order. Validate returns it as an error only when it is not empty.
type ApexValueErrors []*ApexValueError

// Error joins the field errors with "; ".
func (list ApexValueErrors) Error() string {
	messages := make([]string, len(list))
	for i, err := range list {
		messages[i] = err.Error()
	}
	return strings.Join(messages, "; ")
}

// Unwrap returns the field errors, so that errors.As finds each one.
func (list ApexValueErrors) Unwrap() []error {
	errs := make([]error, len(list))
	for i, err := range list {
		errs[i] = err
	}
	return errs
}
