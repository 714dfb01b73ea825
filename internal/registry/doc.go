// Package registry maps Salesforce metadata types to the folders and file
// suffixes that contain them, using the metadata registry of the sf CLI as
// data.
//
// The type table is generated from lib/src/registry/metadataRegistry.json of
// the npm package @salesforce/source-deploy-retrieve (SDR), the library the
// sf CLI uses to convert, deploy and retrieve; [SDRVersion] names the version.
// It holds every top-level type and, for lookups by name only, every child
// type. To refresh it, unpack `npm pack @salesforce/source-deploy-retrieve`
// and run
//
//	SFHARDEN_SDR_REGISTRY=PATH/package/lib/src/registry/metadataRegistry.json go generate ./internal/registry
//
// With SFHARDEN_SDR_VERSION unset, the generator reads the version from the
// package.json of the unpacked package.
//
// Start with [ByName] to look a type up, [ForPath] to find the type and
// fullName of a file in a source-format project ([Source]) or a Metadata API
// folder ([Mdapi]), and [SourcePath] or [MdapiPath] to build a file's path.
// fullNames stay in the form the Metadata API uses in file names and
// package.xml, with escapes such as %2E for a dot and %26 for an ampersand
// left as they are.
//
// Every type in the registry is known, but sfharden models only the types
// marked [Type.Modelled]. For the rest, [Type.IsSingleFile],
// [Type.HasContent], [Type.IsBundle], [Type.IsDecomposed] and [Type.IsChild]
// tell a caller why a type needs handling that sfharden lacks, so it can
// report the type as known but not supported.
//
// NOTE: the table follows the registry without its presets. A project that
// enables the sf CLI's decomposePermissionSetBeta2 or a similar preset splits
// a permission set into files that [ForPath] does not recognise, although it
// still finds the permission set's own -meta.xml file.
package registry
