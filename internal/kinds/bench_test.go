package kinds_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/profile"
)

// largestProfile is the largest profile in the corpus, a 1.7 MB Admin
// profile written by Copado.
const largestProfile = "Epic-ATS__NightlyBackup/force-app/main/default/profiles/Admin.profile-meta.xml"

func readLargest(b *testing.B) []byte {
	dir := os.Getenv("SFHARDEN_CORPUS")
	if dir == "" {
		b.Skip("SFHARDEN_CORPUS is not set")
	}
	data, err := os.ReadFile(filepath.Join(dir, largestProfile))
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkProfileParseWrite parses and writes the largest corpus profile.
func BenchmarkProfileParseWrite(b *testing.B) {
	data := readLargest(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var p profile.Profile
		if err := mdxml.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
		if _, err := mdxml.Marshal(&p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProfileParse parses the largest corpus profile.
func BenchmarkProfileParse(b *testing.B) {
	data := readLargest(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var p profile.Profile
		if err := mdxml.Unmarshal(data, &p); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenScan reads every token of the same bytes with encoding/xml
// and builds nothing: the floor for any parser built on encoding/xml.
func BenchmarkTokenScan(b *testing.B) {
	data := readLargest(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkRawTokenScan is BenchmarkTokenScan with RawToken, which skips
// the namespace and nesting checks.
func BenchmarkRawTokenScan(b *testing.B) {
	data := readLargest(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := d.RawToken()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
