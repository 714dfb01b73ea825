package audit

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/testenv"
)

// The corpus holds real retrieves: the audit must read every file and may
// report findings, but no valid file may be unreadable.
func TestCorpusAuditsWithoutErrors(t *testing.T) {
	corpus := testenv.Corpus(t)
	r, err := Run(Options{Paths: []string{corpus}, BaseDir: corpus})
	require.NoError(t, err)

	for _, p := range r.Problems {
		t.Errorf("unreadable corpus file: %s", p.Error)
	}
	assert.GreaterOrEqual(t, r.Files, 80, "the corpus has 84 metadata files that the audit reads, its mdapi folders included")
	assert.NotEmpty(t, r.Findings, "real integration profiles fall short of the template")
	for _, f := range r.Findings {
		_, ok := LookupRule(f.Rule)
		assert.True(t, ok, "finding of unknown rule %q", f.Rule)
		assert.NotEmpty(t, f.File, "%s finding %q has no file", f.Rule, f.Message)
	}
}
