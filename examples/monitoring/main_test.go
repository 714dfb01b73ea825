package main

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden"
)

func TestRunPrintsFileList(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out, specYAML, false))

	// The README shows the same output, so that it stays true.
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), "```text\n"+out.String()+"```\n")
}

func TestRunRunbook(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(&out, specYAML, true))

	text := out.String()
	assert.Contains(t, text, "## Transaction security policies")
	assert.Contains(t, text, "The package directory `event-monitoring` holds these components:")
	assert.Contains(t, text, "sf project deploy start --source-dir event-monitoring --test-level RunSpecifiedTests --tests NightlySync_HoursConditionTest")
	assert.NotContains(t, text, "force-app-monitoring")
}

// TestReadmeNamesPackageDirectory keeps the README's deploy commands on the
// directory that sfharden generate writes the policies to.
func TestReadmeNamesPackageDirectory(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)

	text := string(readme)
	assert.Equal(t, "event-monitoring", sfharden.MonitoringDirectory)
	assert.Contains(t, text, "sf project deploy start --source-dir "+sfharden.MonitoringDirectory+"\n")
	assert.Contains(t, text, "sf project deploy start --source-dir "+sfharden.MonitoringDirectory+" \\\n  --test-level RunSpecifiedTests --tests NightlySync_HoursConditionTest")
	assert.NotContains(t, text, "force-app-monitoring")
}

func TestReadmeShowsSpec(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	require.NoError(t, err)
	assert.Contains(t, string(readme), "```yaml\n"+string(specYAML)+"```\n")
}

func TestRunRejectsBadSpec(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{
			name: "unknown key",
			yaml: "name: A\nmonitoring:\n  maxRows: 5\n",
			want: "field maxRows not found",
		},
		{
			name: "integration user notified",
			yaml: "name: A\nuser:\n  username: a@example.com\nmonitoring:\n  maxRowsPerQuery: 5\n  notify: [a@example.com]\n",
			want: `notify[0]: forbidden: "a@example.com"`,
		},
		{
			// Salesforce documents End Session only for legacy policies,
			// so the key is read but true is rejected.
			name: "end session",
			yaml: "name: A\nuser:\n  username: a@example.com\nmonitoring:\n  maxRowsPerQuery: 5\n  notify: [b@example.com]\n  endSession: true\n",
			want: "endSession: invalid: true",
		},
		{
			name: "freeze user",
			yaml: "name: A\nuser:\n  username: a@example.com\nmonitoring:\n  maxRowsPerQuery: 5\n  notify: [b@example.com]\n  freezeUser: true\n",
			want: "freezeUser: invalid: true",
		},
		{
			name: "label too long",
			yaml: "name: A\nlabel: " + strings.Repeat("x", 64) + "\nuser:\n  username: a@example.com\nmonitoring:\n  maxRowsPerQuery: 5\n  notify: [b@example.com]\n",
			want: "label: invalid",
		},
		{
			name: "time zone that would break the apex string",
			yaml: "name: A\nuser:\n  username: a@example.com\nmonitoring:\n  activeHours: \"01:00-02:00\"\n  timezone: \"UTC'\"\n  notify: [b@example.com]\n",
			want: `timezone: not supported: "UTC'"`,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			err := run(&out, []byte(tc.yaml), false)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.Empty(t, out.String())
		})
	}
}
