package project

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIgnoreRules(t *testing.T) {
	tests := []struct {
		name     string
		patterns string
		path     string
		want     bool
	}{
		{"default hides dot files", "", "force-app/.DS_Store", true},
		{"default hides dot folders", "", "force-app/.hidden/A.profile-meta.xml", true},
		{"default hides dup files", "", "force-app/A.profile-meta.xml.dup", true},
		{"default hides package2 descriptor", "", "force-app/package2-descriptor.json", true},
		{"plain file read", "", "force-app/profiles/A.profile-meta.xml", false},
		{"name at any depth", "A.profile-meta.xml", "force-app/profiles/A.profile-meta.xml", true},
		{"anchored path", "/profiles/A.profile-meta.xml", "force-app/profiles/A.profile-meta.xml", false},
		{"middle slash anchors", "profiles/A.profile-meta.xml", "force-app/profiles/A.profile-meta.xml", false},
		{"folder pattern", "profiles/", "force-app/profiles/A.profile-meta.xml", true},
		{"folder pattern needs a folder", "A.profile-meta.xml/", "force-app/A.profile-meta.xml", false},
		{"star stays in a segment", "force-app/*.xml", "force-app/profiles/A.xml", false},
		{"leading double star", "**/profiles", "force-app/main/profiles/A.xml", true},
		{"middle double star", "force-app/**/A.xml", "force-app/A.xml", true},
		{"trailing double star", "force-app/**", "force-app/x/A.xml", true},
		{"question mark", "?.xml", "force-app/A.xml", true},
		{"class", "[AB].xml", "force-app/B.xml", true},
		{"negated class", "[!AB].xml", "force-app/B.xml", false},
		{"negation re-includes", "*.xml\n!B.xml", "force-app/B.xml", false},
		{"last match wins", "!B.xml\n*.xml", "force-app/B.xml", true},
		{"ignored folder not re-included", "force-app/\n!force-app/B.xml", "force-app/B.xml", true},
		{"case ignored", "b.XML", "force-app/B.xml", true},
		{"comment", "#B.xml", "force-app/B.xml", false},
		{"escaped hash", `\#B.xml`, "force-app/#B.xml", true},
		{"escaped exclamation", `\!B.xml`, "force-app/!B.xml", true},
		{"trailing spaces dropped", "B.xml   ", "force-app/B.xml", true},
		{"escaped trailing space kept", `B.xml\ `, "force-app/B.xml ", true},
		{"dots are literal", "A.xml", "force-app/AxXml", false},
		{"windows line ends", "B.xml\r\n", "force-app/B.xml", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			rules := parseForceIgnore(dir, []byte(tt.patterns))
			assert.Equal(t, tt.want, rules.ignores(filepath.Join(dir, filepath.FromSlash(tt.path))))
		})
	}
}

func TestFindForceIgnoreSearchesUp(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		ForceIgnoreFile:        "Admin.profile-meta.xml\n",
		"force-app/main/.keep": "",
	})
	rules, err := findForceIgnore(filepath.Join(dir, "force-app", "main"))
	require.NoError(t, err)
	assert.True(t, rules.ignores(filepath.Join(dir, "force-app", "main", "profiles", "Admin.profile-meta.xml")))
	assert.False(t, rules.ignores(filepath.Join(dir, "..", "Admin.txt")), "a path outside the folder is never ignored")

	require.NoError(t, os.Remove(filepath.Join(dir, ForceIgnoreFile)))
	rules, err = findForceIgnore(filepath.Join(dir, "force-app"))
	require.NoError(t, err)
	assert.False(t, rules.ignores(filepath.Join(dir, "force-app", ".hidden")), "no file means no default patterns")
}
