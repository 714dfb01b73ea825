package sfharden

import (
	"strings"

	"fmt"
	"github.com/sfharden/sfharden/internal/mdxml"
	"slices"

	"github.com/sfharden/sfharden/project"
)

// MonitoringDirectory is the package directory of the transaction security
// policies. They need the Event Monitoring or Shield add-on, so they live
// apart from the rest of the bundle, which then deploys to any org.
const MonitoringDirectory = "event-monitoring"

// Manifest paths, relative to the project root. AccessManifestPath lists
// the bundle without its OAuth apps, for the first of the two deploys.
const (
	ManifestPath           = "manifest/package.xml"
	AccessManifestPath     = "manifest/access.xml"
	MonitoringManifestPath = "manifest/event-monitoring.xml"
)

// WriteOptions controls [Bundle.Write].
type WriteOptions struct {
	// Force writes into an existing folder that is not an sf project.
	Force bool

	// ProjectName is the name in a new sfdx-project.json; empty means the
	// folder's name.
	ProjectName string
}

// Write writes the bundle as an sf project into dir: a new project when
// dir does not exist or is empty, or into the existing sf project at dir,
// replacing only the bundle's components and merging its manifest. The
// write is staged and moved into place, so on any error dir is left as it
// was.
func (b *Bundle) Write(dir string, opts WriteOptions) error {
	files, err := b.projectFiles()
	if err != nil {
		return err
	}
	p := project.NewProject{
		Name:         opts.ProjectName,
		APIVersion:   b.APIVersion,
		Replacements: b.replacements(),
		Files:        files,
	}
	var components []project.Component
	var monitored []project.Component
	for _, ib := range b.Integrations {
		components = append(components, ib.components()...)
		if ib.Monitoring != nil {
			for _, c := range ib.Monitoring.Components {
				monitored = append(monitored, project.Component{Type: c.Type, FullName: c.FullName, Value: c.Value})
			}
		}
	}
	access, err := b.accessManifest(components)
	if err != nil {
		return err
	}
	p.Files = append(p.Files, project.File{Path: AccessManifestPath, Data: access})
	lock, err := b.guard(dir, append(slices.Clone(components), monitored...), p.Files, opts.Force)
	if err != nil {
		return err
	}
	p.Files = append(p.Files, project.File{Path: LockPath, Data: lock})

	if len(monitored) > 0 {
		p.Packages = append(p.Packages, project.PackageContent{
			Directory:  MonitoringDirectory,
			Components: monitored,
			Manifest:   MonitoringManifestPath,
		})
	}
	if err := project.Create(dir, p, components, project.WriteOptions{Force: opts.Force}); err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	return nil
}

// accessManifest returns the manifest of the first deploy: everything but
// the OAuth apps, whose client credentials user must exist before they
// deploy, and the user needs the profile first.
func (b *Bundle) accessManifest(components []project.Component) ([]byte, error) {
	var access []project.Component
	for _, c := range components {
		if !isAppType(c.Type) {
			access = append(access, c)
		}
	}
	data, err := mdxml.Marshal(project.BuildManifest(access, b.APIVersion))
	if err != nil {
		return nil, fmt.Errorf("write bundle: %w", err)
	}
	return data, nil
}

func isAppType(typ string) bool {
	return typ == "ConnectedApp" || typ == "ExternalClientApplication" || strings.HasPrefix(typ, "ExtlClntApp")
}

// components lists the metadata of the integration in the default package
// directory.
func (ib *IntegrationBundle) components() []project.Component {
	cs := []project.Component{
		{Type: "Profile", FullName: ib.Profile.FullName, Value: ib.Profile},
		{Type: "ProfileSessionSetting", FullName: ib.SessionSetting.FullName, Value: ib.SessionSetting},
		{Type: "ProfilePasswordPolicy", FullName: ib.PasswordPolicy.FullName, Value: ib.PasswordPolicy},
		{Type: "PermissionSet", FullName: ib.PermissionSet.FullName, Value: ib.PermissionSet},
		{Type: "PermissionSetGroup", FullName: ib.Group.FullName, Value: ib.Group},
	}
	for _, c := range ib.App.Components() {
		cs = append(cs, project.Component{Type: c.Type, FullName: c.FullName, Value: c.Value})
	}
	return cs
}

// projectFiles returns the plain files of the bundle: each integration's
// user script and scratch-org user definition, the Apex sources of the
// monitoring policies, and the runbook.
func (b *Bundle) projectFiles() ([]project.File, error) {
	var files []project.File
	for _, ib := range b.Integrations {
		name := ib.Integration.Name
		files = append(files,
			project.File{Path: "scripts/apex/create-" + name + "-user.apex", Data: ib.UserScript},
			project.File{Path: "config/" + name + "-user-def.json", Data: ib.UserDefinition},
		)
		if ib.Monitoring != nil {
			for _, src := range ib.Monitoring.Sources {
				files = append(files, project.File{Path: MonitoringDirectory + "/main/default/" + src.Path, Data: src.Content})
			}
		}
	}
	runbook, err := b.Runbook()
	if err != nil {
		return nil, err
	}
	files = append(files, project.File{Path: "RUNBOOK.md", Data: runbook})
	return files, nil
}

// replacements returns one sfdx-project.json replacement per placeholder
// in the bundle, so `sf project deploy start` fills each from its
// environment variable.
func (b *Bundle) replacements() []project.Replacement {
	var names []string
	for _, name := range b.Placeholders() {
		if !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	out := make([]project.Replacement, len(names))
	for i, name := range names {
		out[i] = project.Replacement{Glob: "**/*", StringToReplace: "${" + name + "}", Env: name}
	}
	return out
}

// Placeholders returns the names of the environment variables that the
// bundle's metadata refers to as ${NAME}, sorted.
func (b *Bundle) Placeholders() []string {
	var names []string
	add := func(value string) {
		for _, m := range placeholder.FindAllStringSubmatch(value, -1) {
			if !slices.Contains(names, m[1]) {
				names = append(names, m[1])
			}
		}
	}
	for _, ib := range b.Integrations {
		add(ib.Integration.User.Username)
		add(ib.Integration.ContactEmail)
		for _, name := range ib.App.Placeholders() {
			add("${" + name + "}")
		}
		if ib.Monitoring != nil {
			for _, name := range ib.Monitoring.Variables {
				add("${" + name + "}")
			}
		}
	}
	slices.Sort(names)
	return names
}
