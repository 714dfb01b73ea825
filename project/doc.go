// Package project reads and writes Salesforce DX projects and Metadata API
// (mdapi) folders the way the sf CLI does.
//
// [Read] returns a [Tree]: every component of a project's package
// directories, sorted by type and name, with a parsed Value for the types
// sfharden models and a nil Value for the rest, the manifest, and a
// [Problem] for each file that does not parse. [Walk] streams the same
// components to a callback from parallel workers, for callers that keep
// only a little per component. Both choose files as the sf CLI does: they
// apply .forceignore, follow symbolic links and list the children that a
// file holds as elements (CustomLabel in CustomLabels). [Tree.BuildManifest]
// lists the components as `sf project generate manifest --source-dir` does,
// each by its [Component.Member], the name as its file name spells it.
//
// [Create] writes a new project (sfdx-project.json, force-app, manifests,
// extra package directories and plain files) or adds components to an
// existing one. It writes everything or nothing, never outside the target
// folder, and rejects a non-empty folder that is not an sf project unless
// [WriteOptions.Force] is set. The zero [NewProject] and [WriteOptions] are
// valid.
//
// Types modelled by packages that import project, such as the monitoring
// types, are parsed only after their package calls [RegisterType].
package project
