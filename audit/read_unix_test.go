//go:build unix

package audit

import (
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A FIFO given as a path would block the read forever; it is reported.
func TestFIFOPathIsReported(t *testing.T) {
	root := t.TempDir()
	fifo := filepath.Join(root, "Orders_API.profile-meta.xml")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))

	r, err := Run(Options{Paths: []string{fifo}, BaseDir: root})
	require.NoError(t, err)
	require.Len(t, r.Problems, 1)
	assert.Contains(t, r.Problems[0].Error, "not a regular file or a folder")
}
