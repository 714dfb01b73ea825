package monitoring

import (
	"bytes"
	"fmt"
	"text/template"
	"time"
)

// apexSource is the data that the class templates fill in. Every string that
// is not an identifier or a number has been checked, and the literals are
// escaped.
type apexSource struct {
	PolicyName    string
	ClassName     string
	TestClassName string
	APIVersion    string

	// UsernameLiteral and TimeZoneLiteral are quoted Apex string literals.
	UsernameLiteral string
	TimeZoneLiteral string
	// TimeZoneID and ActiveHours appear in comments. Both were checked
	// against patterns that exclude "*/".
	TimeZoneID  string
	ActiveHours string
	StartMinute int
	EndMinute   int

	// The test logins, each at a local time on testDate in TimeZoneID.
	AtStart     testLogin
	BeforeEnd   testLogin
	AtEnd       testLogin
	BeforeStart testLogin
}

// testLogin is a login instant for the generated test class.
type testLogin struct {
	// Local is the wall-clock time in the policy's zone, as "HH:MM".
	Local string
	// Datetime is an Apex expression for the instant in GMT.
	Datetime string
}

// testDate is the local date on which the generated test class places its
// logins. A local time that a clock change skips on that date moves to the
// next day on which it exists.
var testDate = time.Date(2025, time.January, 15, 0, 0, 0, 0, time.UTC)

// newApexSource fills apexSource from a policy that passed Validate.
func (p LoginHoursPolicy) newApexSource() (apexSource, error) {
	hours, detail := parseActiveHours(p.ActiveHours)
	if detail != "" {
		return apexSource{}, fmt.Errorf("active hours %q: %s", p.ActiveHours, detail)
	}
	location, detail := loadTimeZone(p.TimeZone)
	if detail != "" {
		return apexSource{}, fmt.Errorf("time zone %q: %s", p.TimeZone, detail)
	}
	username, err := apexStringLiteral(p.Username)
	if err != nil {
		return apexSource{}, fmt.Errorf("username: %w", err)
	}
	timeZone, err := apexStringLiteral(p.TimeZone)
	if err != nil {
		return apexSource{}, fmt.Errorf("time zone: %w", err)
	}

	source := apexSource{
		PolicyName:      p.Name,
		ClassName:       p.ConditionClassName(),
		TestClassName:   p.TestClassName(),
		APIVersion:      p.apexVersion(),
		UsernameLiteral: username,
		TimeZoneLiteral: timeZone,
		TimeZoneID:      p.TimeZone,
		ActiveHours:     hours.String(),
		StartMinute:     hours.start,
		EndMinute:       hours.end,
	}

	logins := []struct {
		into   *testLogin
		minute int
	}{
		{&source.AtStart, hours.start},
		{&source.BeforeEnd, hours.end - 1},
		{&source.AtEnd, hours.end},
		{&source.BeforeStart, hours.start - 1},
	}
	for _, login := range logins {
		minute := (login.minute + minutesPerDay) % minutesPerDay
		instant, err := instantAtLocalMinute(location, testDate, minute)
		if err != nil {
			return apexSource{}, err
		}
		*login.into = testLogin{Local: formatMinute(minute), Datetime: apexDatetimeGMT(instant)}
	}
	return source, nil
}

// instantAtLocalMinute returns the first instant, on the given date or
// within a week after it, at which the wall clock in location shows the
// given minute since midnight. Only the year, month and day of date count.
func instantAtLocalMinute(location *time.Location, date time.Time, minute int) (time.Time, error) {
	for day := range 7 {
		instant := time.Date(date.Year(), date.Month(), date.Day()+day, minute/60, minute%60, 0, 0, location)
		local := instant.In(location)
		if local.Hour()*60+local.Minute() == minute {
			return instant.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("time zone %q shows no %s in the week from %s; choose other active hours",
		location, formatMinute(minute), date.Format(time.DateOnly))
}

// apexDatetimeGMT returns an Apex expression for a UTC instant.
func apexDatetimeGMT(instant time.Time) string {
	return fmt.Sprintf("Datetime.newInstanceGmt(%d, %d, %d, %d, %d, %d)",
		instant.Year(), int(instant.Month()), instant.Day(), instant.Hour(), instant.Minute(), instant.Second())
}

func (s apexSource) render(tmpl *template.Template) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, s); err != nil {
		return nil, fmt.Errorf("render %s for %s: %w", tmpl.Name(), s.ClassName, err)
	}
	return b.Bytes(), nil
}
