package audit

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/sfharden/sfharden/internal/testenv"
)

// Size of the generated org: 300 profiles and 2,000 permission sets, each a
// copy of a real corpus file under a new name, about 400 MB in all.
const (
	benchProfiles = 300
	benchPermSets = 2000
)

// benchOrgVar names a folder where TestWriteBenchOrg writes the generated
// org, for bench/audit-vs-convert.sh.
const benchOrgVar = "SFHARDEN_BENCH_ORG"

// writeBenchOrg writes an sf project with the generated org under dir and
// returns its total size in bytes.
func writeBenchOrg(t testing.TB, dir string) int64 {
	t.Helper()
	corpus := testenv.Corpus(t)
	var profiles, permSets []string
	err := filepath.WalkDir(corpus, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case strings.HasSuffix(path, ".profile-meta.xml"):
			profiles = append(profiles, path)
		case strings.HasSuffix(path, ".permissionset-meta.xml"):
			permSets = append(permSets, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(profiles)
	sort.Strings(permSets)
	if len(profiles) == 0 || len(permSets) == 0 {
		t.Fatalf("the corpus at %s has no source-format profiles or permission sets", corpus)
	}

	base := filepath.Join(dir, "force-app", "main", "default")
	var total int64
	copyAs := func(sources []string, count int, folder, format string) {
		if err := os.MkdirAll(filepath.Join(base, folder), 0o755); err != nil {
			t.Fatal(err)
		}
		for i := range count {
			data, err := os.ReadFile(sources[i%len(sources)])
			if err != nil {
				t.Fatal(err)
			}
			total += int64(len(data))
			if err := os.WriteFile(filepath.Join(base, folder, fmt.Sprintf(format, i)), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	copyAs(profiles, benchProfiles, "profiles", "Bench_Profile_%04d.profile-meta.xml")
	copyAs(permSets, benchPermSets, "permissionsets", "Bench_PermSet_%04d.permissionset-meta.xml")
	project := `{"packageDirectories":[{"path":"force-app","default":true}],"sourceApiVersion":"62.0"}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, "sfdx-project.json"), []byte(project), 0o644); err != nil {
		t.Fatal(err)
	}
	return total
}

// TestWriteBenchOrg writes the generated org to the folder named by
// SFHARDEN_BENCH_ORG, for the shell benchmark; it skips without it.
func TestWriteBenchOrg(t *testing.T) {
	dir := os.Getenv(benchOrgVar)
	if dir == "" {
		t.Skipf("%s is not set; set it to a new folder to write the benchmark org there", benchOrgVar)
	}
	size := writeBenchOrg(t, dir)
	t.Logf("wrote %d profiles and %d permission sets, %d bytes, to %s", benchProfiles, benchPermSets, size, dir)
}

// tokenScan reads every file under root with GOMAXPROCS goroutines and
// walks its XML tokens with encoding/xml, the floor for any audit that
// reads every byte.
func tokenScan(root string) error {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() && strings.HasSuffix(path, ".xml") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		return err
	}

	paths := make(chan string)
	errs := make(chan error, len(files))
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range paths {
				data, err := os.ReadFile(path)
				if err != nil {
					errs <- err
					continue
				}
				d := xml.NewDecoder(bytes.NewReader(data))
				for {
					_, err := d.RawToken()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						errs <- fmt.Errorf("%s: %w", path, err)
						break
					}
				}
			}
		}()
	}

	for _, f := range files {
		paths <- f
	}
	close(paths)
	wg.Wait()
	close(errs)
	return <-errs
}

// BenchmarkAudit compares the audit of the generated org with a bare
// parallel token scan of the same files. Run it with -benchtime=3x: each
// iteration reads about 400 MB.
func BenchmarkAudit(b *testing.B) {
	dir := b.TempDir()
	size := writeBenchOrg(b, dir)

	b.Run("audit", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			r, err := Run(Options{Paths: []string{dir}, BaseDir: dir})
			if err != nil {
				b.Fatal(err)
			}
			if len(r.Problems) > 0 {
				b.Fatalf("unreadable: %v", r.Problems[0])
			}
		}
	})
	b.Run("tokenscan", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		for b.Loop() {
			if err := tokenScan(dir); err != nil {
				b.Fatal(err)
			}
		}
	})
}
