// Package field describes what is wrong with a value at a place in a larger
// input: an integration spec, a permission set, a profile. Validation in
// sfharden collects every [Error] into a [List] instead of stopping at the
// first, so a user sees all that needs fixing at once.
//
// Each Error has a [Path] such as integrations[0].access.userPermissions[2],
// one [Kind] from a small closed set, the offending value and a detail that
// says what to do. A least-privilege violation is [Forbidden]: the value is
// well formed but not allowed.
//
// Functions that validate return a plain error that is nil when the list is
// empty; callers get the list back with errors.As:
//
//	var list field.List
//	if errors.As(err, &list) { ... }
package field
