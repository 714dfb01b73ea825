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

	// The test logins, each at a local time in TimeZoneID on the date of
	// testDates that is in standard time.
	AtStart     testLogin
	BeforeEnd   testLogin
	AtEnd       testLogin
	BeforeStart testLogin

	// HasSummerTime is true for a zone with daylight saving time. Then
	// SummerAtStart and SummerAtEnd are logins at the start and the end of
	// the active hours on the date of testDates that is in summer time.
	HasSummerTime bool
	SummerAtStart testLogin
	SummerAtEnd   testLogin
}

// testLogin is a login instant for the generated test class.
type testLogin struct {
	// Local is the wall-clock time in the policy's zone, as "HH:MM".
	Local string
	// Date is the local date, as "2006-01-02".
	Date string
	// Datetime is an Apex expression for the instant in GMT.
	Datetime string
}

// plannedLogin is a test login to compute: the local minute on a date, and
// the field of apexSource that receives it.
type plannedLogin struct {
	into   *testLogin
	date   time.Time
	minute int
}

// testDates are the local dates on which the generated test class places
// its logins. They are half a year apart, so that a zone with daylight
// saving time has standard time on one and summer time on the other. A
// local time that a clock change skips on a date moves to the next day on
// which it exists.
var testDates = [2]time.Time{
	time.Date(2025, time.January, 15, 0, 0, 0, 0, time.UTC),
	time.Date(2025, time.July, 15, 0, 0, 0, 0, time.UTC),
}

// seasonDates returns the date of testDates that is in standard time in
// location and, for a zone with daylight saving time, the one in summer
// time: the date whose UTC offset at noon is the larger.
func seasonDates(location *time.Location) (standard, summer time.Time, hasSummer bool) {
	offset := func(date time.Time) int {
		_, seconds := time.Date(date.Year(), date.Month(), date.Day(), 12, 0, 0, 0, location).Zone()
		return seconds
	}
	first, second := testDates[0], testDates[1]
	switch {
	case offset(first) < offset(second):
		return first, second, true
	case offset(first) > offset(second):
		return second, first, true
	}
	return first, time.Time{}, false
}

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

	standard, summer, hasSummer := seasonDates(location)
	source.HasSummerTime = hasSummer
	logins := []plannedLogin{
		{&source.AtStart, standard, hours.start},
		{&source.BeforeEnd, standard, hours.end - 1},
		{&source.AtEnd, standard, hours.end},
		{&source.BeforeStart, standard, hours.start - 1},
	}
	if hasSummer {
		logins = append(logins,
			plannedLogin{&source.SummerAtStart, summer, hours.start},
			plannedLogin{&source.SummerAtEnd, summer, hours.end},
		)
	}
	for _, login := range logins {
		minute := (login.minute + minutesPerDay) % minutesPerDay
		instant, err := instantAtLocalMinute(location, login.date, minute)
		if err != nil {
			return apexSource{}, err
		}
		*login.into = testLogin{
			Local:    formatMinute(minute),
			Date:     instant.In(location).Format(time.DateOnly),
			Datetime: apexDatetimeGMT(instant),
		}
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
