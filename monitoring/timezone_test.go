package monitoring

import (
	"fmt"
	"testing"
	"time"
)

func TestLoadTimeZone(t *testing.T) {
	tests := []struct {
		name   string
		id     string
		accept bool
	}{
		{name: "UTC", id: "UTC", accept: true},
		{name: "GMT", id: "GMT", accept: true},
		{name: "region and city", id: "Europe/Berlin", accept: true},
		{name: "three parts", id: "America/Argentina/Buenos_Aires", accept: true},
		{name: "hyphenated city", id: "America/Port-au-Prince", accept: true},
		{name: "half-hour offset", id: "Asia/Kolkata", accept: true},
		{name: "fixed offset zone", id: "Etc/GMT-2", accept: true},

		{name: "empty", id: ""},
		// LoadLocation maps "Local" to the machine's zone, which Apex
		// cannot know.
		{name: "Local", id: "Local"},
		{name: "offset", id: "+02:00"},
		{name: "GMT with offset", id: "GMT+02:00"},
		{name: "UTC with offset", id: "UTC+2"},
		{name: "abbreviation not in IANA", id: "PST"},
		{name: "unknown city", id: "Europe/Atlantis"},
		// A case-insensitive file system would find these files, so the
		// result would depend on the machine.
		{name: "lower case", id: "europe/berlin"},
		{name: "zoneinfo helper file", id: "posixrules"},
		{name: "zoneinfo placeholder zone", id: "Factory"},
		{name: "zoneinfo variant folder", id: "right/Europe/Berlin"},
		{name: "path traversal", id: "../../etc/passwd"},
		{name: "absolute path", id: "/etc/localtime"},
		{name: "trailing slash", id: "Europe/"},
		{name: "quote", id: "Europe/Berlin'"},
		{name: "newline", id: "Europe/Berlin\n"},
		{name: "longer than TimeZoneSidKey", id: "America/" + "Abcdefghij_Abcdefghij_Abcdefghij_Abc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			location, detail := loadTimeZone(tc.id)
			if tc.accept {
				if detail != "" {
					t.Fatalf("loadTimeZone(%q) rejected: %s", tc.id, detail)
				}
				if location.String() != tc.id {
					t.Errorf("loadTimeZone(%q) = %s", tc.id, location)
				}
				return
			}
			if detail == "" {
				t.Errorf("loadTimeZone(%q) = %s, want a rejection", tc.id, location)
			}
		})
	}
}

func TestInstantAtLocalMinute(t *testing.T) {
	tests := []struct {
		name   string
		zone   string
		date   time.Time
		minute int
		want   time.Time
	}{
		{name: "UTC", zone: "UTC", minute: 90, want: time.Date(2025, 1, 15, 1, 30, 0, 0, time.UTC)},
		{name: "east of UTC", zone: "Europe/Berlin", minute: 60, want: time.Date(2025, 1, 15, 0, 0, 0, 0, time.UTC)},
		{name: "east of UTC across midnight", zone: "Europe/Berlin", minute: 0, want: time.Date(2025, 1, 14, 23, 0, 0, 0, time.UTC)},
		{name: "west of UTC", zone: "America/New_York", minute: 22 * 60, want: time.Date(2025, 1, 16, 3, 0, 0, 0, time.UTC)},
		{name: "half-hour offset", zone: "Asia/Kolkata", minute: 0, want: time.Date(2025, 1, 14, 18, 30, 0, 0, time.UTC)},
		{name: "southern summer time", zone: "Australia/Sydney", minute: 12 * 60, want: time.Date(2025, 1, 15, 1, 0, 0, 0, time.UTC)},
		// Clocks in Berlin go from 02:00 to 03:00 on 2025-03-30.
		{name: "skipped time moves a day", zone: "Europe/Berlin", date: time.Date(2025, 3, 30, 0, 0, 0, 0, time.UTC),
			minute: 2*60 + 30, want: time.Date(2025, 3, 31, 0, 30, 0, 0, time.UTC)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			location, detail := loadTimeZone(tc.zone)
			if detail != "" {
				t.Fatalf("loadTimeZone(%q): %s", tc.zone, detail)
			}
			date := tc.date
			if date.IsZero() {
				date = testDates[0]
			}
			got, err := instantAtLocalMinute(location, date, tc.minute)
			if err != nil {
				t.Fatalf("instantAtLocalMinute error: %v", err)
			}
			if !got.Equal(tc.want) {
				t.Errorf("instantAtLocalMinute(%s, %d) = %s, want %s", tc.zone, tc.minute, got, tc.want)
			}
		})
	}
}

func TestSeasonDates(t *testing.T) {
	january, july := testDates[0], testDates[1]
	tests := []struct {
		name          string
		zone          string
		wantStandard  time.Time
		wantSummer    time.Time
		wantHasSummer bool
	}{
		{name: "northern zone", zone: "Europe/Berlin", wantStandard: january, wantSummer: july, wantHasSummer: true},
		{name: "western zone", zone: "America/New_York", wantStandard: january, wantSummer: july, wantHasSummer: true},
		{name: "southern zone", zone: "Australia/Sydney", wantStandard: july, wantSummer: january, wantHasSummer: true},
		// Irish standard time is the summer offset, and the tz database
		// marks the winter as a negative saving; the larger offset is
		// still the summer.
		{name: "negative saving", zone: "Europe/Dublin", wantStandard: january, wantSummer: july, wantHasSummer: true},
		{name: "UTC", zone: "UTC", wantStandard: january},
		{name: "no daylight saving", zone: "Asia/Kolkata", wantStandard: january},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			location, detail := loadTimeZone(tc.zone)
			if detail != "" {
				t.Fatalf("loadTimeZone(%q): %s", tc.zone, detail)
			}
			standard, summer, hasSummer := seasonDates(location)
			if !standard.Equal(tc.wantStandard) {
				t.Errorf("standard date = %s, want %s", standard, tc.wantStandard)
			}
			if !summer.Equal(tc.wantSummer) {
				t.Errorf("summer date = %s, want %s", summer, tc.wantSummer)
			}
			if hasSummer != tc.wantHasSummer {
				t.Errorf("hasSummer = %t, want %t", hasSummer, tc.wantHasSummer)
			}
		})
	}
}

// TestApexSourceTestLogins converts each test login of the generated test
// class back to the wall clock of its zone, so that a wrong offset, such as
// the standard offset used in summer, shows as a wrong local time.
func TestApexSourceTestLogins(t *testing.T) {
	tests := []struct {
		name        string
		zone        string
		hours       string
		wantSummer  bool
		wantSummerZ string // the UTC instant of the summer login at the start
	}{
		{name: "Berlin night", zone: "Europe/Berlin", hours: "01:00-05:00", wantSummer: true, wantSummerZ: "2025-07-14T23:00:00Z"},
		{name: "New York past midnight", zone: "America/New_York", hours: "22:00-04:00", wantSummer: true, wantSummerZ: "2025-07-16T02:00:00Z"},
		{name: "Sydney day", zone: "Australia/Sydney", hours: "08:00-18:30", wantSummer: true, wantSummerZ: "2025-01-14T21:00:00Z"},
		{name: "Kolkata", zone: "Asia/Kolkata", hours: "00:00-06:30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			source, err := LoginHoursPolicy{Name: "Sync", Username: "a@example.com", ActiveHours: tc.hours, TimeZone: tc.zone}.newApexSource()
			if err != nil {
				t.Fatalf("newApexSource error: %v", err)
			}
			location, _ := loadTimeZone(tc.zone)
			hours, _ := parseActiveHours(tc.hours)

			type expected struct {
				login testLogin
				want  int // minutes since local midnight
			}
			logins := map[string]expected{
				"AtStart":     {source.AtStart, hours.start},
				"BeforeEnd":   {source.BeforeEnd, hours.end - 1},
				"AtEnd":       {source.AtEnd, hours.end},
				"BeforeStart": {source.BeforeStart, (hours.start - 1 + minutesPerDay) % minutesPerDay},
			}
			if source.HasSummerTime != tc.wantSummer {
				t.Fatalf("HasSummerTime = %t, want %t", source.HasSummerTime, tc.wantSummer)
			}
			if tc.wantSummer {
				logins["SummerAtStart"] = expected{source.SummerAtStart, hours.start}
				logins["SummerAtEnd"] = expected{source.SummerAtEnd, hours.end}
				if got := parseApexDatetimeGMT(t, source.SummerAtStart.Datetime).Format(time.RFC3339); got != tc.wantSummerZ {
					t.Errorf("SummerAtStart = %s, want %s", got, tc.wantSummerZ)
				}
				_, standardOffset := parseApexDatetimeGMT(t, source.AtStart.Datetime).In(location).Zone()
				_, summerOffset := parseApexDatetimeGMT(t, source.SummerAtStart.Datetime).In(location).Zone()
				if summerOffset <= standardOffset {
					t.Errorf("summer offset %ds is not ahead of standard offset %ds", summerOffset, standardOffset)
				}
			}

			for name, entry := range logins {
				local := parseApexDatetimeGMT(t, entry.login.Datetime).In(location)
				if got := local.Hour()*60 + local.Minute(); got != entry.want {
					t.Errorf("%s is %s local, want %s", name, formatMinute(got), formatMinute(entry.want))
				}
				if entry.login.Date != local.Format(time.DateOnly) {
					t.Errorf("%s.Date = %s, want %s", name, entry.login.Date, local.Format(time.DateOnly))
				}
			}
		})
	}
}

// parseApexDatetimeGMT reads back an expression that apexDatetimeGMT wrote.
func parseApexDatetimeGMT(t *testing.T, expression string) time.Time {
	t.Helper()
	var year, month, day, hour, minute, second int
	if _, err := fmt.Sscanf(expression, "Datetime.newInstanceGmt(%d, %d, %d, %d, %d, %d)", &year, &month, &day, &hour, &minute, &second); err != nil {
		t.Fatalf("cannot read %q: %v", expression, err)
	}
	return time.Date(year, time.Month(month), day, hour, minute, second, 0, time.UTC)
}
