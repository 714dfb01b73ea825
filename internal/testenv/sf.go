package testenv

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// sfEnv turns off everything in sf that reaches the network or prompts.
// An npm install of sf 2.150 starts a background "sf update --autoupdate"
// unless SF_DISABLE_AUTOUPDATE is true, even when SF_AUTOUPDATE_DISABLE is.
// It also queries the npm registry for its latest version unless
// SF_SKIP_NEW_VERSION_CHECK is true.
var sfEnv = []string{
	"SF_DISABLE_TELEMETRY=true",
	"SF_AUTOUPDATE_DISABLE=true",
	"SF_DISABLE_AUTOUPDATE=true",
	"SF_SKIP_NEW_VERSION_CHECK=true",
	"SF_HIDE_RELEASE_NOTES=true",
	"SF_USE_PROGRESS_BAR=false",
}

// RunSF runs the Salesforce CLI with args in dir and returns its standard
// output. sf runs with the variables in sfEnv and with HOME and the XDG
// folders inside t.TempDir(), so its logs, caches and config stay out of the
// user's home. When sf fails, RunSF fails the test with the command line and
// everything sf printed. It skips or fails the test like [SF] when sf is not
// installed.
func RunSF(t testing.TB, dir string, args ...string) []byte {
	t.Helper()
	sf := SF(t)
	home := t.TempDir()

	cmd := exec.CommandContext(t.Context(), sf, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), sfEnv...)
	cmd.Env = append(cmd.Env,
		"HOME="+home,
		"XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_CACHE_HOME="+filepath.Join(home, ".cache"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"),
		"XDG_STATE_HOME="+filepath.Join(home, ".local", "state"),
	)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr

	if err := cmd.Run(); err != nil {
		t.Fatalf("sf %s in %s: %v\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), dir, err, stdout.Bytes(), stderr.Bytes())
	}
	return stdout.Bytes()
}
