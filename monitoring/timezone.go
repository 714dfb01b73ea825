package monitoring

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	// The IANA time zone database compiled into the binary, so that a zone
	// is found even on a machine without /usr/share/zoneinfo.
	_ "time/tzdata"
)

// timeZoneIDPattern matches the shape of IANA zone names such as "UTC",
// "Europe/Berlin", "America/Argentina/Buenos_Aires" or "Etc/GMT-2": each
// slash-separated part starts with an upper-case letter. It rejects offsets
// ("+02:00"), paths and the helper files that a system zoneinfo directory
// holds beside the zones ("posixrules", "localtime", "zone.tab").
var timeZoneIDPattern = regexp.MustCompile(`^[A-Z][A-Za-z0-9_+-]*(/[A-Z][A-Za-z0-9_+-]*)*$`)

// maxTimeZoneIDLength is the length of the User.TimeZoneSidKey field. The
// longest IANA name, "America/Argentina/ComodRivadavia", has 32 characters.
const maxTimeZoneIDLength = 40

// loadTimeZone returns the zone for an IANA time zone ID that Apex's
// TimeZone.getTimeZone also knows, or an error detail that says why the ID
// is rejected.
//
// The ID is looked up with [time.LoadLocation]. That reads the machine's
// zoneinfo directory first and falls back to the embedded copy, so a zone is
// accepted when either knows it. "Local", the empty string and names outside
// the IANA shape are rejected before the lookup because LoadLocation maps
// them to the machine's zone or to UTC.
//
// NOTE: Apex's TimeZone.getTimeZone returns GMT for an ID it does not know
// instead of failing, so a zone added to the IANA database after the org's
// runtime was built passes here but not in the org. The generated condition
// class then flags every login, and its test class fails.
func loadTimeZone(id string) (*time.Location, string) {
	const hint = `use an IANA time zone ID such as "Europe/Berlin", "America/New_York" or "UTC"`

	switch {
	case len(id) > maxTimeZoneIDLength:
		return nil, fmt.Sprintf("must be at most %d characters; %s", maxTimeZoneIDLength, hint)
	case id == "Local":
		return nil, "names the zone of the machine that runs sfharden, not one Salesforce knows; " + hint
	case id == "Factory" || strings.HasPrefix(id, "SystemV/"):
		return nil, "is a placeholder in the zoneinfo files, not a time zone; " + hint
	case !timeZoneIDPattern.MatchString(id):
		return nil, "is not an IANA time zone ID (offsets like \"+02:00\" are not accepted); " + hint
	}

	location, err := time.LoadLocation(id)
	if err != nil {
		return nil, "is not in the IANA time zone database; " + hint
	}
	return location, ""
}
