package mdxml

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Parse parses metadata XML into a new T.
func Parse[T any](data []byte) (*T, error) {
	v := new(T)
	if err := Unmarshal(data, v); err != nil {
		return nil, err
	}
	return v, nil
}

// ParseFile reads and parses the metadata file at path into a new T. Its
// errors name the file, and its syntax errors the line too.
func ParseFile[T any](path string) (*T, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read metadata file: %w", err)
	}
	v, err := Parse[T](data)
	if err != nil {
		var xerr *Error
		if errors.As(err, &xerr) {
			xerr.File = path
			return nil, xerr
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return v, nil
}

// NameFromPath returns the decoded component name that a metadata file name
// carries: "profiles/Work%2Ecom Only User.profile-meta.xml" with suffix
// "profile" gives "Work.com Only User". The "-meta.xml" ending of source
// format is optional, so mdapi file names work too. It returns "" when the
// file name does not end in the suffix.
func NameFromPath(path, suffix string) string {
	base := strings.TrimSuffix(filepath.Base(path), "-meta.xml")
	name, ok := strings.CutSuffix(base, "."+suffix)
	if !ok || name == "" {
		return ""
	}
	return DecodeName(name)
}
