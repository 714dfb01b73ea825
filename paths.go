package sfharden

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/sfharden/sfharden/field"
)

// pathRule moves an error path of a builder package to the spec path of
// the value that caused it: a path equal to from, or below it, gets to in
// place of from, under the integration's path. A to that starts with "!"
// is a path from the spec's root. An empty from matches every path.
type pathRule struct {
	from, to string
}

// rebase returns the spec path for a builder's error path.
func (b *builder) rebase(path string, rules []pathRule) string {
	for _, r := range rules {
		rest, ok := cutPathPrefix(path, r.from)
		if !ok {
			continue
		}
		if target, abs := strings.CutPrefix(r.to, "!"); abs {
			return joinPath(target, rest)
		}
		return joinPath(joinPath(b.path.String(), r.to), rest)
	}
	return joinPath(b.path.String(), path)
}

// cutPathPrefix reports whether path is prefix or lies below it, and
// returns the rest after it (".x", "[0]" or "").
func cutPathPrefix(path, prefix string) (string, bool) {
	if prefix == "" {
		if path == "" {
			return "", true
		}
		if path[0] == '[' {
			return path, true
		}
		return "." + path, true
	}
	rest, ok := strings.CutPrefix(path, prefix)
	if !ok || (rest != "" && rest[0] != '.' && rest[0] != '[') {
		return "", false
	}
	return rest, true
}

func joinPath(base, rest string) string {
	switch {
	case base == "":
		return strings.TrimPrefix(rest, ".")
	case rest == "" || rest[0] == '.' || rest[0] == '[':
		return base + rest
	default:
		return base + "." + rest
	}
}

// add records the errors of a builder, moved to spec paths by rules, or
// all to base when rules is nil.
func (b *builder) add(err error, base field.Path, rules []pathRule) {
	if err == nil {
		return
	}
	var list field.List
	if !errors.As(err, &list) {
		b.errs = append(b.errs, field.NewInvalid(b.path, nil, err.Error()))
		return
	}
	for _, e := range list {
		moved := *e
		if rules == nil {
			moved.Path = base.String()
		} else {
			moved.Path = b.rebase(e.Path, rules)
		}
		moved.Detail = specWording.Replace(e.Detail)
		b.errs = append(b.errs, &moved)
	}
}

// specWording rewrites the library options that builder messages suggest
// into the spec keys that set them.
var specWording = strings.NewReplacer(
	"set Options.ImplyObjectAccess", "set access.addObjectRead: true",
	"set Options.AddDependencies", "set access.addDependencies: true",
	"set Options.AllowUnknownPermissions", "set access.allowUnknownPermissions: true",
	"add a policy.Waiver for", "add a waiver (waivers: permission, reason) for",
)

// note records the notices of a builder, moved to spec paths.
func (b *builder) note(notices []field.Notice, rules []pathRule) {
	for _, n := range notices {
		b.notices = append(b.notices, field.Notice{Path: b.rebase(n.Path, rules), Message: specWording.Replace(n.Message)})
	}
}

var profilePaths = []pathRule{
	{"loginIpRanges", "network.allow"},
	{"name", "name"},
	{"description", "description"},
	{"license", "license"},
	{"", ""},
}

// permsetPaths maps permission set paths to the spec's access section.
// User permission paths are numbered in the request, which starts with
// ApiEnabled, or keyed by name. Both become the index of the name in the
// spec's list.
func (b *builder) permsetPaths() []pathRule {
	rules := []pathRule{
		{"name", "name"},
		{"label", "label"},
		{"description", "description"},
		{"apiVersion", "!apiVersion"},
		{"objects", "access.objects"},
		{"objectPermissions", "access.objects"},
		{"fields", "access.fields"},
		{"fieldPermissions", "access.fields"},
		{"describes", "access.fieldFacts"},
	}
	requested := b.in.Access.UserPermissions
	for i, name := range requested {
		to := "access.userPermissions[" + strconv.Itoa(i) + "]"
		rules = append(rules,
			pathRule{"userPermissions[" + strconv.Itoa(i+1) + "]", to},
			pathRule{`userPermissions[` + strconv.Quote(name) + `]`, to})
	}
	return append(rules, pathRule{"userPermissions", "access.userPermissions"}, pathRule{"", "access"})
}

func (b *builder) appPaths() []pathRule {
	return []pathRule{
		{"app.name", "name"},
		{"app.label", "label"},
		{"app.description", "description"},
		{"app.contactEmail", "contactEmail"},
		{"app.runAsUsername", "user.username"},
		{"app.network", "network.allow"},
		{"app.sessionTimeoutMinutes", "sessionTimeoutMinutes"},
		{"app.secretRotationDays", "secretRotationDays"},
		{"app.permissionSet", "name"},
		{"app.waivers", "waivers"},
		{"app", "app"},
		{"", "app"},
	}
}

// dedupe drops an error that repeats an earlier one's path and kind, or
// its path and detail, as when the spec check and a builder, or two
// builders, reject the same value.
func dedupe(errs field.List) field.List {
	var out field.List
	for _, e := range errs {
		dup := slices.ContainsFunc(out, func(o *field.Error) bool {
			return o.Path == e.Path && (o.Kind == e.Kind || o.Detail == e.Detail)
		})
		if !dup {
			out = append(out, e)
		}
	}
	return out
}
