package pkgxml

import (
	"strings"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/registry"
)

// Wildcard is the member that stands for every component of a type, for the
// types that support it.
const Wildcard = "*"

// dottedNameTypes lists the top-level types whose fullName joins two names
// with a dot that is part of the name's structure, as file names show it:
// the CustomMetadata record "Region.Europe" is Region.Europe.md-meta.xml.
// Child types (CustomField "Account.Industry") are found from the registry.
var dottedNameTypes = map[string]bool{
	"CustomMetadata": true,
	"DuplicateRule":  true,
	"QuickAction":    true,
	"Territory2":     true,
	"Territory2Rule": true,
}

// EncodeMember returns the package.xml member for the component of type
// typeName whose decoded fullName is name. Each part of the name is encoded
// with [mdxml.EncodeName] and the separators between parts are kept:
//   - a child type such as CustomField keeps the dot after the parent:
//     "Account.Industry";
//   - CustomMetadata, QuickAction, DuplicateRule and the Territory2 types keep
//     their first dot the same way: "Region.Europe";
//   - a type stored in folders (Report, Document, EmailTemplate and their
//     folder types) keeps its slashes: "Sales/Pipeline Report";
//   - a Document keeps the dot before its file extension: "Shared/logo.png";
//   - the dash of a Layout ("Account-Account Layout") is never encoded.
//
// The wildcard "*" is returned unchanged. A type that the registry does not
// know is encoded as one name.
func EncodeMember(typeName, name string) string {
	if name == Wildcard {
		return name
	}
	t, known := registry.ByName(typeName)
	switch {
	case known && (t.InFolder || t.IsFolder()):
		parts := strings.Split(name, "/")
		for i, part := range parts {
			if typeName == "Document" && i == len(parts)-1 {
				parts[i] = encodeKeepingExtension(part)
				continue
			}
			parts[i] = mdxml.EncodeName(part)
		}
		return strings.Join(parts, "/")
	case known && t.IsChild(), dottedNameTypes[typeName]:
		parent, child, found := strings.Cut(name, ".")
		if !found {
			return mdxml.EncodeName(name)
		}
		return mdxml.EncodeName(parent) + "." + mdxml.EncodeName(child)
	}
	return mdxml.EncodeName(name)
}

// DecodeMember reverses [EncodeMember]. Decoding is the same for every type
// because no separator is ever encoded.
func DecodeMember(member string) string {
	return mdxml.DecodeName(member)
}

func encodeKeepingExtension(name string) string {
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 {
		return mdxml.EncodeName(name)
	}
	return mdxml.EncodeName(name[:dot]) + "." + mdxml.EncodeName(name[dot+1:])
}
