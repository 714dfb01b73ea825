package monitoring

import (
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
				date = testDate
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
