package monitoring

import (
	"fmt"
	"strings"
)

// namePrefix derives the common start of the generated developer names from
// an integration name. ASCII letters and digits are kept, and every run of
// other characters becomes one underscore, so "erp-import (EU)" gives
// "erp_import_EU". The result is cut to maxNamePrefixLength characters and
// never ends in an underscore. On failure it returns an error detail.
func namePrefix(integration string) (string, string) {
	var b strings.Builder
	separated := false
	for i := 0; i < len(integration); i++ {
		c := integration[i]
		if !isASCIILetter(c) && !isASCIIDigit(c) {
			separated = true
			continue
		}
		if separated && b.Len() > 0 {
			b.WriteByte('_')
		}
		separated = false
		b.WriteByte(c)
	}
	prefix := b.String()

	switch {
	case prefix == "":
		return "", "has no ASCII letters or digits to build developer names from; give a name such as NightlySync"
	case !isASCIILetter(prefix[0]):
		return "", "must start with an ASCII letter, because the developer names built from it must; give a name such as NightlySync"
	}
	if len(prefix) > maxNamePrefixLength {
		prefix = strings.TrimRight(prefix[:maxNamePrefixLength], "_")
	}
	return prefix, ""
}

func isASCIILetter(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z'
}

func isASCIIDigit(c byte) bool {
	return '0' <= c && c <= '9'
}

// nameCollision returns the error detail for two integrations whose
// generated names are the same. Salesforce compares developer names and
// Apex class names without regard to case, so the comparison does too.
func nameCollision(prefix, other string, otherIndex int) string {
	return fmt.Sprintf("gives the same policy names (%s%s, %s%s) as integration %q at index %d, because the names keep %d characters of the integration name and Salesforce ignores case in them; rename one of the two integrations",
		prefix, queryPolicySuffix, prefix, loginPolicySuffix, other, otherIndex, maxNamePrefixLength)
}
