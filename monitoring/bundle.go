package monitoring

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/internal/mdxml"
)

// Metadata API type names of the components in a [Bundle].
const (
	TypeTransactionSecurityPolicy = "TransactionSecurityPolicy"
	TypeFlow                      = "Flow"
	TypeApexClass                 = "ApexClass"
)

// Bundle is the metadata that one [Spec] turns into, ready to be written
// into a package directory of its own.
type Bundle struct {
	// Components lists the metadata components in a fixed order: the query
	// policy and its flow, then the login policy, its condition class and
	// the test class. Each Path is relative to the package directory, and
	// each Value is a *TransactionSecurityPolicy, *Flow or *ApexClass. An
	// ApexClass value is the class's meta XML; its source is in Sources.
	Components []Component

	// Sources holds the Apex class bodies (.cls files), which are not XML,
	// with paths relative to the package directory.
	Sources []File

	// TestClasses names the Apex test classes to run when the bundle is
	// deployed to production.
	TestClasses []string

	// Variables names the environment variables of the ${NAME} placeholders
	// in the username and the recipients, in order of first appearance.
	// Each needs an entry under "replacements" in sfdx-project.json.
	Variables []string
}

// Component is one metadata component of a [Bundle]. It holds the fields
// a project writer needs; package project is not imported because it
// depends on this package through internal/kinds.
type Component struct {
	// Type is the Metadata API type name, as in package.xml.
	Type string
	// FullName is the component name.
	FullName string
	// Path is the path of the component's metadata file, relative to the
	// package directory.
	Path string
	// Value is the typed metadata: *TransactionSecurityPolicy, *Flow or
	// *ApexClass.
	Value any
}

// File is one file of a package directory.
type File struct {
	// Path is slash-separated and relative to the package directory, such
	// as "flows/PolicyCondition_NightlySync_Rows.flow-meta.xml".
	Path    string
	Content []byte
}

// Build validates the spec and returns its bundle. The error is a
// [field.List] with every problem that [Spec.Validate] finds.
func Build(spec Spec) (*Bundle, error) {
	if err := spec.Validate(); err != nil {
		return nil, err
	}
	return spec.bundle()
}

// BuildAll builds the bundles of several integrations, which are deployed to
// the same org. Besides the errors of each spec, with paths that start with
// the spec's index ("[1].notify[0]"), it reports as duplicates the specs
// whose integration names give the same developer names as an earlier spec.
func BuildAll(specs []Spec) ([]*Bundle, error) {
	var errs field.List
	firstByPrefix := make(map[string]int, len(specs))
	for i, spec := range specs {
		root := field.Path{}.Index(i)
		errs = append(errs, spec.validate(root)...)

		prefix, detail := namePrefix(spec.Integration)
		if detail != "" {
			continue
		}
		key := strings.ToLower(prefix)
		if first, ok := firstByPrefix[key]; ok {
			errs = append(errs, field.NewDuplicate(root.Child("integration"), spec.Integration,
				nameCollision(prefix, specs[first].Integration, first)))
			continue
		}
		firstByPrefix[key] = i
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}

	bundles := make([]*Bundle, len(specs))
	for i, spec := range specs {
		bundle, err := spec.bundle()
		if err != nil {
			return nil, fmt.Errorf("integration %q: %w", spec.Integration, err)
		}
		bundles[i] = bundle
	}
	return bundles, nil
}

// bundle assembles the bundle of a spec that passed validation.
func (s Spec) bundle() (*Bundle, error) {
	b := &Bundle{Variables: s.variables()}

	if s.MaxRowsPerQuery > 0 {
		policy := s.queryPolicy()
		flow := largeQueryFlow(policy.Flow, s.Username, s.MaxRowsPerQuery)
		b.Components = append(b.Components,
			component(TypeTransactionSecurityPolicy, policy.FullName, policy),
			component(TypeFlow, flow.FullName, flow),
		)
	}

	if s.ActiveHours != "" {
		policy := s.loginPolicy()
		b.Components = append(b.Components, component(TypeTransactionSecurityPolicy, policy.FullName, policy))

		hours := s.loginHoursPolicy()
		files, err := hours.Apex()
		if err != nil {
			return nil, fmt.Errorf("generate the login policy's Apex: %w", err)
		}
		for _, class := range []string{hours.ConditionClassName(), hours.TestClassName()} {
			meta := &ApexClass{FullName: class, APIVersion: hours.apexVersion(), Status: "Active"}
			b.Components = append(b.Components, component(TypeApexClass, class, meta))
		}
		for _, file := range files {
			if strings.HasSuffix(file.Path, ".cls") {
				b.Sources = append(b.Sources, File{Path: file.Path, Content: file.Content})
			}
		}
		b.TestClasses = []string{hours.TestClassName()}
	}
	return b, nil
}

// variables returns the placeholder names in the username and recipients.
func (s Spec) variables() []string {
	var names []string
	for _, username := range append([]string{s.Username}, s.Notify...) {
		for _, name := range (LoginHoursPolicy{Username: username}).UsernameVariables() {
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	return names
}

// component returns the project component of a generated value, with the
// source-format path of its metadata file.
func component(metadataType, fullName string, value any) Component {
	var path string
	switch metadataType {
	case TypeTransactionSecurityPolicy:
		path = "transactionSecurityPolicies/" + fullName + ".transactionSecurityPolicy-meta.xml"
	case TypeFlow:
		path = "flows/" + fullName + ".flow-meta.xml"
	case TypeApexClass:
		path = "classes/" + fullName + ".cls-meta.xml"
	}
	return Component{Type: metadataType, FullName: fullName, Path: path, Value: value}
}

// Files returns every file of the bundle, XML in the retrieve format and
// Apex sources as generated, sorted by path.
func (b *Bundle) Files() ([]File, error) {
	files := make([]File, 0, len(b.Components)+len(b.Sources))
	for _, c := range b.Components {
		content, err := mdxml.Marshal(c.Value)
		if err != nil {
			return nil, fmt.Errorf("write %s %s: %w", c.Type, c.FullName, err)
		}
		files = append(files, File{Path: c.Path, Content: content})
	}
	files = append(files, b.Sources...)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, nil
}
