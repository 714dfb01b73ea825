package monitoring

import (
	"fmt"
	"regexp"
	"strconv"
)

const minutesPerDay = 24 * 60

// activeHours is a daily window in minutes since local midnight. start is
// inclusive and end is exclusive. An end before the start means the window
// runs past midnight: 22:00-04:00 covers 22:00 to 23:59 and 00:00 to 03:59.
type activeHours struct {
	start, end int
}

// activeHoursPattern matches "HH:MM-HH:MM" with two-digit fields.
var activeHoursPattern = regexp.MustCompile(`^([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})$`)

// parseActiveHours parses "HH:MM-HH:MM" on a 24-hour clock. On failure it
// returns an error detail that tells the user what to write instead.
func parseActiveHours(text string) (activeHours, string) {
	const form = `write the window as "HH:MM-HH:MM" on a 24-hour clock, for example "01:00-05:00"`

	match := activeHoursPattern.FindStringSubmatch(text)
	if match == nil {
		return activeHours{}, form
	}

	var minutes [2]int
	for i := range minutes {
		hour, _ := strconv.Atoi(match[1+2*i])
		minute, _ := strconv.Atoi(match[2+2*i])
		if hour > 23 || minute > 59 {
			return activeHours{}, fmt.Sprintf("%s:%s is not a time of day; hours run from 00 to 23 and minutes from 00 to 59 (write midnight as 00:00)",
				match[1+2*i], match[2+2*i])
		}
		minutes[i] = hour*60 + minute
	}

	if minutes[0] == minutes[1] {
		return activeHours{}, "start and end are equal, so the window is either empty or the whole day; give a window that ends at another time"
	}
	return activeHours{start: minutes[0], end: minutes[1]}, ""
}

// String returns the window as "HH:MM-HH:MM".
func (h activeHours) String() string {
	return formatMinute(h.start) + "-" + formatMinute(h.end)
}

func formatMinute(minute int) string {
	return fmt.Sprintf("%02d:%02d", minute/60, minute%60)
}
