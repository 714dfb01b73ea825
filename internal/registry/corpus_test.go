package registry

import (
	"encoding/xml"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusDir returns the folder of real metadata files named by
// SFHARDEN_CORPUS. The test is skipped when it is unset, unless
// SFHARDEN_REQUIRE_TOOLS=1 makes it fail.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SFHARDEN_CORPUS")
	if dir != "" {
		return dir
	}
	if os.Getenv("SFHARDEN_REQUIRE_TOOLS") == "1" {
		t.Fatal("SFHARDEN_CORPUS is not set: set it to the folder of real metadata files")
	}
	t.Skip("SFHARDEN_CORPUS is not set: set it to the folder of real metadata files to run this test")
	return ""
}

// rootElement returns the local name of the first element of the XML file.
func rootElement(t *testing.T, file string) string {
	t.Helper()
	f, err := os.Open(file)
	require.NoError(t, err)
	defer f.Close()

	decoder := xml.NewDecoder(f)
	for {
		token, err := decoder.Token()
		if errors.Is(err, io.EOF) {
			t.Fatalf("%s: no root element", file)
		}
		require.NoError(t, err, file)
		if start, ok := token.(xml.StartElement); ok {
			return start.Name.Local
		}
	}
}

// TestCorpusFiles checks every file of the corpus: a metadata file must be
// found, its type must equal the root element of the XML, and the path built
// back from type and fullName must end the file's path. Files under the
// corpus folder mdapi-format are in mdapi format, the rest in source format.
func TestCorpusFiles(t *testing.T) {
	root := corpusDir(t)

	checked := 0
	err := filepath.WalkDir(root, func(file string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		rel, err := filepath.Rel(root, file)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		format := Source
		if strings.HasPrefix(rel, "mdapi-format/") {
			format = Mdapi
		}

		t.Run(rel, func(t *testing.T) {
			typ, fullName, ok := ForPath(rel, format)

			isManifest := strings.HasSuffix(rel, ".xml") && !strings.HasSuffix(rel, MetaXMLSuffix) &&
				rootElement(t, file) == "Package"
			if isManifest || !strings.HasSuffix(rel, ".xml") && format == Source {
				assert.False(t, ok, "non-metadata file found as %q %q", typ.Name, fullName)
				return
			}

			require.True(t, ok, "no type found for %s file", format)
			assert.Equal(t, rootElement(t, file), typ.Name)

			build := SourcePath
			if format == Mdapi {
				build = MdapiPath
			}
			built, err := build(typ, fullName)
			require.NoError(t, err)
			assert.True(t, strings.HasSuffix(rel, "/"+built), "built path %q does not end %q", built, rel)
			checked++
		})
		return nil
	})
	require.NoError(t, err)
	t.Logf("checked %d metadata files", checked)
	assert.Positive(t, checked, "no metadata files found under %s", root)
}
