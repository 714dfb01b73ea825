package project

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"path/filepath"
	"slices"
)

// projectJSON is sfdx-project.json as Create writes it, in the key order
// `sf project generate` uses.
type projectJSON struct {
	PackageDirectories []PackageDirectory `json:"packageDirectories"`
	Name               string             `json:"name"`
	Namespace          string             `json:"namespace"`
	SfdcLoginURL       string             `json:"sfdcLoginUrl"`
	SourceAPIVersion   string             `json:"sourceApiVersion"`
	Replacements       []replacementJSON  `json:"replacements,omitempty"`
}

// replacementJSON is one entry of "replacements".
type replacementJSON struct {
	Glob                  string `json:"glob"`
	StringToReplace       string `json:"stringToReplace"`
	ReplaceWithEnv        string `json:"replaceWithEnv"`
	AllowUnsetEnvVariable bool   `json:"allowUnsetEnvVariable"`
}

// projectFileFor returns the sfdx-project.json to write, or nil when an
// existing project's file already has every package directory and
// replacement.
func projectFileFor(dir string, p NewProject, packages []PackageContent, state *target, version string) ([]byte, error) {
	var replacements []replacementJSON
	for _, r := range p.Replacements {
		if err := checkReplacement(r); err != nil {
			return nil, fmt.Errorf("write project: %w", err)
		}
		replacements = append(replacements, replacementJSON{Glob: r.Glob, StringToReplace: r.StringToReplace, ReplaceWithEnv: r.Env})
	}

	if state.project {
		return updateProjectFile(state.projData, state.tree.PackageDirectories, packages, replacements)
	}

	name := p.Name
	if name == "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return nil, fmt.Errorf("write project: %w", err)
		}
		name = filepath.Base(abs)
	}
	project := projectJSON{
		Name:             name,
		SfdcLoginURL:     "https://login.salesforce.com",
		SourceAPIVersion: version,
		Replacements:     replacements,
	}
	for i, content := range packages {
		project.PackageDirectories = append(project.PackageDirectories, PackageDirectory{Path: content.Directory, Default: i == 0})
	}
	return encodeJSON(project)
}

// updateProjectFile adds the missing package directories and replacements
// to an existing sfdx-project.json. It keeps the order of the top-level keys
// and every value it does not change, and returns nil when nothing is
// missing.
func updateProjectFile(data []byte, have []PackageDirectory, packages []PackageContent, replacements []replacementJSON) ([]byte, error) {
	keys, values, err := decodeObject(data)
	if err != nil {
		return nil, fmt.Errorf("write project: invalid %s: %w", ProjectFile, err)
	}

	changed := false
	var dirs []json.RawMessage
	if raw, ok := values["packageDirectories"]; ok {
		if err := json.Unmarshal(raw, &dirs); err != nil {
			return nil, fmt.Errorf("write project: invalid packageDirectories in %s: %w", ProjectFile, err)
		}
	}
	for _, content := range packages {
		known := slices.ContainsFunc(have, func(d PackageDirectory) bool {
			return path.Clean(filepath.ToSlash(d.Path)) == content.Directory
		})
		if known {
			continue
		}
		entry, err := json.Marshal(PackageDirectory{Path: content.Directory})
		if err != nil {
			return nil, err
		}
		dirs = append(dirs, entry)
		changed = true
	}

	var current []replacementJSON
	var raws []json.RawMessage
	if raw, ok := values["replacements"]; ok {
		if err := json.Unmarshal(raw, &raws); err != nil {
			return nil, fmt.Errorf("write project: invalid replacements in %s: %w", ProjectFile, err)
		}
		for _, r := range raws {
			var entry replacementJSON
			json.Unmarshal(r, &entry) // entries of other shapes stay as they are
			current = append(current, entry)
		}
	}
	for _, r := range replacements {
		present := slices.ContainsFunc(current, func(c replacementJSON) bool {
			return c.Glob == r.Glob && c.StringToReplace == r.StringToReplace && c.ReplaceWithEnv == r.ReplaceWithEnv
		})
		if present {
			continue
		}
		entry, err := marshalNoEscape(r)
		if err != nil {
			return nil, err
		}
		raws = append(raws, entry)
		changed = true
	}
	if !changed {
		return nil, nil
	}

	set := func(key string, list []json.RawMessage) error {
		raw, err := marshalNoEscape(list)
		if err != nil {
			return err
		}
		if _, ok := values[key]; !ok {
			keys = append(keys, key)
		}
		values[key] = raw
		return nil
	}
	if err := set("packageDirectories", dirs); err != nil {
		return nil, err
	}
	if len(raws) > 0 {
		if err := set("replacements", raws); err != nil {
			return nil, err
		}
	}
	return encodeObject(keys, values)
}

// decodeObject reads a JSON object's keys in order and its values as they are.
func decodeObject(data []byte) ([]string, map[string]json.RawMessage, error) {
	decoder := json.NewDecoder(bytes.NewReader(data))
	token, err := decoder.Token()
	if err != nil {
		return nil, nil, err
	}
	if token != json.Delim('{') {
		return nil, nil, fmt.Errorf("expected a JSON object")
	}
	var keys []string
	values := map[string]json.RawMessage{}
	for decoder.More() {
		token, err := decoder.Token()
		if err != nil {
			return nil, nil, err
		}
		key, _ := token.(string)
		var value json.RawMessage
		if err := decoder.Decode(&value); err != nil {
			return nil, nil, err
		}
		if _, dup := values[key]; !dup {
			keys = append(keys, key)
		}
		values[key] = value
	}
	return keys, values, nil
}

// encodeObject writes the object with its keys in the given order, indented
// by two spaces.
func encodeObject(keys []string, values map[string]json.RawMessage) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n")
	for i, key := range keys {
		name, err := marshalNoEscape(key)
		if err != nil {
			return nil, err
		}
		var value bytes.Buffer
		if err := json.Indent(&value, values[key], "  ", "  "); err != nil {
			return nil, err
		}
		b.WriteString("  ")
		b.Write(name)
		b.WriteString(": ")
		b.Write(value.Bytes())
		if i < len(keys)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// encodeJSON writes v indented by two spaces, without escaping <, > and &,
// which placeholders and globs may contain.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	encoder := json.NewEncoder(&b)
	encoder.SetEscapeHTML(false)
	encoder.SetIndent("", "  ")
	if err := encoder.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func marshalNoEscape(v any) ([]byte, error) {
	data, err := encodeJSON(v)
	if err != nil {
		return nil, err
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, data); err != nil {
		return nil, err
	}
	return compact.Bytes(), nil
}
