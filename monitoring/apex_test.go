package monitoring

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func init() {
	// Other golden tests in this package may declare -update too, and a
	// flag can be declared only once. Package variables are initialized
	// before any init function runs, so a declaration there is seen here.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/")
	}
}

// updateGolden reports whether the test binary was run with -update.
func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// apexGoldenCases are the policies whose output is kept under
// testdata/apex/<name>/. The tool checks in apextools_test.go run on them
// too.
var apexGoldenCases = []struct {
	name   string
	policy LoginHoursPolicy
}{
	{
		name: "night-window-berlin",
		policy: LoginHoursPolicy{
			Name:        "NightlySync",
			Username:    "integration@example.com",
			ActiveHours: "01:00-05:00",
			TimeZone:    "Europe/Berlin",
		},
	},
	{
		// The window wraps past midnight and the username is filled in
		// at deploy time, so the placeholder must survive verbatim.
		name: "wrap-midnight-placeholder",
		policy: LoginHoursPolicy{
			Name:        "ErpImport",
			Username:    "${SF_ERP_USER}",
			ActiveHours: "22:00-04:00",
			TimeZone:    "America/New_York",
			APIVersion:  "62.0",
		},
	},
	{
		// An apostrophe is legal in an email address and must be escaped
		// in the Apex string literal.
		name: "apostrophe-utc",
		policy: LoginHoursPolicy{
			Name:        "Billing_Export",
			Username:    "o'brien.api@example.co.uk",
			ActiveHours: "09:30-17:45",
			TimeZone:    "UTC",
		},
	},
	{
		// A half-hour offset, and a window that starts at midnight so the
		// minute before it is on the previous day.
		name: "midnight-start-kolkata",
		policy: LoginHoursPolicy{
			Name:        "Payroll_Sync_2",
			Username:    "payroll.sync@example.in.sandbox",
			ActiveHours: "00:00-06:30",
			TimeZone:    "Asia/Kolkata",
		},
	},
	{
		// A southern zone: January is in summer time there, so the main
		// tests move to July, in standard time, and the summer pair is in
		// January.
		name: "day-window-sydney",
		policy: LoginHoursPolicy{
			Name:        "Payroll_AU",
			Username:    "payroll.au@example.com.au",
			ActiveHours: "08:00-18:30",
			TimeZone:    "Australia/Sydney",
		},
	},
}

func TestLoginHoursPolicyApexGolden(t *testing.T) {
	for _, tc := range apexGoldenCases {
		t.Run(tc.name, func(t *testing.T) {
			files, err := tc.policy.Apex()
			if err != nil {
				t.Fatalf("Apex() error: %v", err)
			}

			dir := filepath.Join("testdata", "apex", tc.name)
			if updateGolden() {
				if err := os.RemoveAll(dir); err != nil {
					t.Fatal(err)
				}
				writeApexFiles(t, dir, files)
			}

			for _, file := range files {
				want, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(file.Path)))
				if err != nil {
					t.Fatalf("%v; run go test ./monitoring/ -update to create the golden files", err)
				}
				if diff := cmp.Diff(string(want), string(file.Content)); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s", file.Path, diff)
				}
			}
		})
	}
}

func TestLoginHoursPolicyApexPaths(t *testing.T) {
	files, err := LoginHoursPolicy{
		Name:        "NightlySync",
		Username:    "integration@example.com",
		ActiveHours: "01:00-05:00",
		TimeZone:    "UTC",
	}.Apex()
	if err != nil {
		t.Fatalf("Apex() error: %v", err)
	}

	var paths []string
	for _, file := range files {
		paths = append(paths, file.Path)
	}
	want := []string{
		"classes/NightlySyncCondition.cls",
		"classes/NightlySyncCondition.cls-meta.xml",
		"classes/NightlySyncConditionTest.cls",
		"classes/NightlySyncConditionTest.cls-meta.xml",
	}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("paths mismatch (-want +got):\n%s", diff)
	}
}

func TestLoginHoursPolicyApexMetaVersion(t *testing.T) {
	tests := []struct {
		name       string
		apiVersion string
		want       string
	}{
		{name: "empty uses default", apiVersion: "", want: "<apiVersion>" + DefaultApexAPIVersion + "</apiVersion>"},
		{name: "given version kept", apiVersion: "58.0", want: "<apiVersion>58.0</apiVersion>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			files, err := LoginHoursPolicy{
				Name:        "NightlySync",
				Username:    "integration@example.com",
				ActiveHours: "01:00-05:00",
				TimeZone:    "UTC",
				APIVersion:  tc.apiVersion,
			}.Apex()
			if err != nil {
				t.Fatalf("Apex() error: %v", err)
			}
			for _, i := range []int{1, 3} {
				if !strings.Contains(string(files[i].Content), tc.want) {
					t.Errorf("%s does not contain %s:\n%s", files[i].Path, tc.want, files[i].Content)
				}
			}
		})
	}
}

// writeApexFiles writes files under dir, creating folders as needed.
func writeApexFiles(t *testing.T, dir string, files ApexFiles) {
	t.Helper()
	for _, file := range files {
		path := filepath.Join(dir, filepath.FromSlash(file.Path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, file.Content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoginHoursPolicyUsernameVariables(t *testing.T) {
	tests := []struct {
		name     string
		username string
		want     []string
	}{
		{name: "plain address", username: "integration@example.com"},
		{name: "whole placeholder", username: "${SF_USER}", want: []string{"SF_USER"}},
		{name: "placeholders in address", username: "${SF_NAME}@${SF_DOMAIN}", want: []string{"SF_NAME", "SF_DOMAIN"}},
		{name: "repeated placeholder", username: "${A}.${A}@example.com", want: []string{"A"}},
		{name: "not a placeholder", username: "${1X}@example.com"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := LoginHoursPolicy{Username: tc.username}.UsernameVariables()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("UsernameVariables() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConditionClassFailsSafeOnUnknownZone(t *testing.T) {
	files, err := validLoginHoursPolicy().Apex()
	if err != nil {
		t.Fatalf("Apex() error: %v", err)
	}
	class, test := string(files[0].Content), string(files[2].Content)

	// Apex returns GMT for a zone ID that the org does not know, so the
	// class must then flag the login instead of reading the window in GMT.
	check := "if (zone == null || !TIME_ZONE_ID.equals(zone.getID())) {"
	i := strings.Index(class, check)
	if i < 0 {
		t.Fatalf("condition class has no check of the zone ID:\n%s", class)
	}
	if next := strings.Index(class[i:], "return "); next < 0 || !strings.HasPrefix(class[i+next:], "return true;") {
		t.Errorf("the unknown zone check does not return true:\n%s", class[i:])
	}
	if window := strings.Index(class, "return !isWithin("); window < i {
		t.Errorf("the window is checked before the zone ID")
	}

	// A production deploy runs the test class, so an org without the zone
	// fails the deploy with this message.
	for _, want := range []string{
		"static void orgKnowsTimeZone() {",
		"System.assertEquals(NightlySyncCondition.TIME_ZONE_ID, TimeZone.getTimeZone(NightlySyncCondition.TIME_ZONE_ID).getID(),",
		"'the org does not know time zone Europe/Berlin,",
	} {
		if !strings.Contains(test, want) {
			t.Errorf("test class does not contain %q", want)
		}
	}
}

func TestConditionTestClassSummerTime(t *testing.T) {
	tests := []struct {
		name       string
		zone       string
		wantSummer bool
	}{
		{name: "zone with daylight saving", zone: "Europe/Berlin", wantSummer: true},
		{name: "zone without daylight saving", zone: "Asia/Kolkata"},
		{name: "UTC", zone: "UTC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			policy := validLoginHoursPolicy()
			policy.TimeZone = tc.zone
			files, err := policy.Apex()
			if err != nil {
				t.Fatalf("Apex() error: %v", err)
			}
			test := string(files[2].Content)
			for _, method := range []string{"allowsLoginAtStartOfActiveHoursInSummerTime", "flagsLoginAtEndOfActiveHoursInSummerTime"} {
				if got := strings.Contains(test, "static void "+method+"()"); got != tc.wantSummer {
					t.Errorf("test class has %s: %t, want %t", method, got, tc.wantSummer)
				}
			}
		})
	}
}
