package project

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// ForceIgnoreFile is the file whose gitignore-style patterns tell the sf CLI
// which files of a project to leave out.
const ForceIgnoreFile = ".forceignore"

// defaultIgnorePatterns are the patterns that the sf CLI (source-deploy-retrieve
// 13.7) puts before the contents of every .forceignore file: files and
// folders whose names start with a dot, *.dup files and the package2
// descriptor and manifest files. The exceptions it makes for the .sf/orgs
// folder cannot apply below a package directory and are left out. A project
// without a .forceignore gets none of these patterns.
var defaultIgnorePatterns = []string{
	"**/*.dup",
	"**/.*",
	"**/package2-descriptor.json",
	"**/package2-manifest.json",
}

// ignoreRules are the parsed patterns of one .forceignore file, with the
// sf CLI's defaults first. The zero value ignores nothing.
type ignoreRules struct {
	// dir is the folder of the .forceignore file; patterns match paths
	// relative to it.
	dir   string
	rules []ignoreRule
}

// ignoreRule is one pattern line.
type ignoreRule struct {
	negate bool
	regex  *regexp.Regexp
}

// findForceIgnore reads the .forceignore file nearest to dir, searching dir
// and then each folder above it, as the sf CLI does for a source folder. It
// returns the zero ignoreRules when there is none.
func findForceIgnore(dir string) (ignoreRules, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ignoreRules{}, fmt.Errorf("find %s: %w", ForceIgnoreFile, err)
	}
	for current := abs; ; current = filepath.Dir(current) {
		file := filepath.Join(current, ForceIgnoreFile)
		data, err := os.ReadFile(file)
		switch {
		case err == nil:
			return parseForceIgnore(current, data), nil
		case !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
			return ignoreRules{}, fmt.Errorf("read %s: %w", file, err)
		}
		if filepath.Dir(current) == current {
			return ignoreRules{}, nil
		}
	}
}

// parseForceIgnore parses the contents of the .forceignore file in dir.
// Lines that are not valid patterns are skipped, as git skips them.
func parseForceIgnore(dir string, data []byte) ignoreRules {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	lines := append(append([]string{}, defaultIgnorePatterns...), strings.Split(string(data), "\n")...)
	rules := ignoreRules{dir: dir}
	for _, line := range lines {
		if rule, ok := parseIgnoreLine(strings.TrimSuffix(line, "\r")); ok {
			rules.rules = append(rules.rules, rule)
		}
	}
	return rules
}

// parseIgnoreLine turns one gitignore pattern into a regular expression over
// slash-separated relative paths, in which a folder ends with "/". Matching
// ignores case, as the sf CLI's matcher does by default.
func parseIgnoreLine(line string) (ignoreRule, bool) {
	line = trimTrailingSpaces(line)
	if line == "" || strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
		return ignoreRule{}, false
	}
	if strings.HasSuffix(line, `\`) && !strings.HasSuffix(line, `\\`) {
		return ignoreRule{}, false // a trailing backslash escapes nothing
	}
	var rule ignoreRule
	if strings.HasPrefix(line, "!") {
		rule.negate = true
		line = line[1:]
	}
	if strings.HasPrefix(line, `\!`) || strings.HasPrefix(line, `\#`) {
		line = line[1:]
	}

	dirOnly := strings.HasSuffix(line, "/")
	line = strings.TrimSuffix(line, "/")
	// A slash at the start or in the middle anchors the pattern to the
	// folder of the .forceignore file; otherwise it matches at any depth.
	anchored := strings.Contains(line, "/")
	line = strings.TrimPrefix(line, "/")
	if line == "" {
		return ignoreRule{}, false
	}

	var expr strings.Builder
	expr.WriteString("(?i)")
	if anchored {
		expr.WriteString("^")
	} else {
		expr.WriteString("(?:^|/)")
	}
	segments := strings.Split(line, "/")
	for i, segment := range segments {
		last := i == len(segments)-1
		switch {
		case segment == "**" && i == 0 && !last:
			expr.WriteString("(?:[^/]+/)*") // leading "**/": any folders, or none
			continue
		case segment == "**" && last && i > 0:
			expr.WriteString("[^/].*") // trailing "/**": everything inside
			continue
		case segment == "**" && !last:
			expr.WriteString("(?:[^/]+/)*") // "/**/": any folders, or none
			continue
		case segment == "*":
			expr.WriteString("[^/]+") // a whole segment is never empty
		default:
			expr.WriteString(globToRegexp(segment))
		}
		if !last {
			expr.WriteString("/")
		}
	}
	if dirOnly {
		expr.WriteString("/$")
	} else {
		expr.WriteString("/?$")
	}

	regex, err := regexp.Compile(expr.String())
	if err != nil {
		return ignoreRule{}, false
	}
	rule.regex = regex
	return rule, true
}

// trimTrailingSpaces removes trailing spaces unless a backslash escapes
// them, in which case one space is kept.
func trimTrailingSpaces(line string) string {
	trimmed := strings.TrimRight(line, " \t")
	if trimmed != line && strings.HasSuffix(trimmed, `\`) && !strings.HasSuffix(trimmed, `\\`) {
		return trimmed[:len(trimmed)-1] + " "
	}
	return trimmed
}

// globToRegexp translates one path segment of a glob: "*" matches any run
// of characters other than "/", "?" one such character, "[...]" a class
// ("[!...]" its complement) and a backslash makes the next character
// literal.
func globToRegexp(glob string) string {
	var out strings.Builder
	for i := 0; i < len(glob); i++ {
		c := glob[i]
		switch c {
		case '*':
			out.WriteString("[^/]*")
		case '?':
			out.WriteString("[^/]")
		case '\\':
			if i+1 < len(glob) {
				i++
				out.WriteString(regexp.QuoteMeta(glob[i : i+1]))
			}
		case '[':
			end := strings.IndexByte(glob[i+1:], ']')
			if end < 0 {
				out.WriteString(`\[`)
				continue
			}
			class := glob[i+1 : i+1+end]
			i += end + 1
			out.WriteString(classToRegexp(class))
		default:
			out.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	return out.String()
}

// classToRegexp translates the inside of a glob character class.
func classToRegexp(class string) string {
	var out strings.Builder
	out.WriteString("[")
	if strings.HasPrefix(class, "!") || strings.HasPrefix(class, "^") {
		out.WriteString("^/")
		class = class[1:]
	}
	for _, r := range class {
		switch r {
		case '\\', ']', '[', '^':
			out.WriteString(`\`)
		}
		out.WriteRune(r)
	}
	out.WriteString("]")
	return out.String()
}

// ignores reports whether the file at path is left out. As in git, a file
// inside an ignored folder is ignored even when a later pattern re-includes
// the file itself. A path outside the folder of the .forceignore file is
// never ignored.
func (r ignoreRules) ignores(path string) bool {
	if len(r.rules) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(r.dir, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return false
	}
	rel = filepath.ToSlash(rel)

	for i := strings.IndexByte(rel, '/'); i >= 0; {
		if r.match(rel[:i+1]) {
			return true
		}
		next := strings.IndexByte(rel[i+1:], '/')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return r.match(rel)
}

// match applies the rules in order; the last rule that matches decides.
func (r ignoreRules) match(rel string) bool {
	ignored := false
	for _, rule := range r.rules {
		if rule.negate == !ignored {
			continue // this rule cannot change the outcome
		}
		if rule.regex.MatchString(rel) {
			ignored = !rule.negate
		}
	}
	return ignored
}
