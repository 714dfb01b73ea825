package pkgxml

import (
	"fmt"
	"regexp"
	"strconv"
)

// MinAPIVersion is the lowest Metadata API version that the sf CLI (2.150)
// accepts; it rejects lower versions as retired.
const MinAPIVersion = 21

// apiVersionPattern is the form of an API version: a whole number of two or
// more digits without a leading zero, then ".0".
var apiVersionPattern = regexp.MustCompile(`^[1-9][0-9]+\.0$`)

// CheckAPIVersion returns an error unless version is an API version that
// the sf CLI accepts for --api-version: "62.0", not "62", "62.1", "062.0" or
// a version below [MinAPIVersion].
//
// NOTE: sf 2.150 accepts exactly two digits, so it rejects "100.0", which
// CheckAPIVersion accepts for the releases to come.
func CheckAPIVersion(version string) error {
	if !apiVersionPattern.MatchString(version) {
		return fmt.Errorf("invalid API version %q: write a whole number and .0, such as %s", version, APIVersion)
	}
	number, err := strconv.Atoi(version[:len(version)-len(".0")])
	if err != nil {
		return fmt.Errorf("invalid API version %q: %w", version, err)
	}
	if number < MinAPIVersion {
		return fmt.Errorf("API version %q is retired: use %d.0 or later, such as %s", version, MinAPIVersion, APIVersion)
	}
	return nil
}
