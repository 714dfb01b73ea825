// Package pkgxml reads, builds and checks package.xml manifests and the
// destructive-change manifests that share their shape.
//
// A manifest lists components by Metadata API type. [Build] makes one from
// components given as a type and a decoded name, and [Marshal] writes it in
// the bytes that `sf project generate manifest` writes for the same
// components: types sorted by name, members sorted byte-wise and
// percent-encoded the way file names are, the version last. [Merge] and
// [Subtract] combine manifests, [Check] reports members listed under the
// wrong type, wildcards that do not mean "all", names that are not encoded
// and unknown type names, and [RetrieveManifest] builds the manifest an
// audit needs to see a profile's field permissions.
//
// Names are kept decoded in Go values ("Work.com Only User") and encoded once,
// by [EncodeMember], when they become members ("Work%2Ecom Only User"). A
// member of a child type keeps its separator: the CustomField
// "Account.Industry" is not encoded to "Account%2EIndustry". A component
// read from a file is the exception: the sf CLI lists the name as its file
// name spells it, so such a [Member] carries that spelling in Encoded and
// Build copies it unchanged.
//
// The zero [Package] is an empty manifest without a version; [Build] and
// [RetrieveManifest] set the version to [APIVersion] unless told otherwise.
package pkgxml
