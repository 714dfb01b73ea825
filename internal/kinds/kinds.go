// Package kinds lists the metadata types that sfharden models, with the
// folder and suffix of their files and a constructor for their Go value, so
// that code which meets a file of any modelled type can parse and write it.
package kinds

import (
	"path/filepath"
	"strings"

	"github.com/sfharden/sfharden/connectedapp"
	"github.com/sfharden/sfharden/monitoring"
	"github.com/sfharden/sfharden/permset"
	"github.com/sfharden/sfharden/pkgxml"
	"github.com/sfharden/sfharden/profile"
)

// Kind is one modelled metadata type.
type Kind struct {
	Type      string // Metadata API type name, as in package.xml
	Directory string // source-format folder, such as "profiles"
	Suffix    string // file suffix without "-meta.xml", such as "profile"
	New       func() any

	// Content is true for a type whose component is a content file plus an
	// XML "-meta.xml" file in both formats, such as an Apex class: only the
	// "-meta.xml" file is metadata XML.
	Content bool
}

// All lists the modelled types whose files sfharden reads and writes.
var All = []Kind{
	{"ApexClass", "classes", "cls", func() any { return new(monitoring.ApexClass) }, true},
	{"ConnectedApp", "connectedApps", "connectedApp", func() any { return new(connectedapp.ConnectedApp) }, false},
	{"ExternalClientApplication", "externalClientApps", "eca", func() any { return new(connectedapp.ExternalClientApplication) }, false},
	{"ExtlClntAppConfigurablePolicies", "extlClntAppPolicies", "ecaPlcy", func() any { return new(connectedapp.ExtlClntAppConfigurablePolicies) }, false},
	{"ExtlClntAppGlobalOauthSettings", "extlClntAppGlobalOauthSets", "ecaGlblOauth", func() any { return new(connectedapp.ExtlClntAppGlobalOauthSettings) }, false},
	{"ExtlClntAppOauthConfigurablePolicies", "extlClntAppOauthPolicies", "ecaOauthPlcy", func() any { return new(connectedapp.ExtlClntAppOauthConfigurablePolicies) }, false},
	{"ExtlClntAppOauthSettings", "extlClntAppOauthSettings", "ecaOauth", func() any { return new(connectedapp.ExtlClntAppOauthSettings) }, false},
	{"Flow", "flows", "flow", func() any { return new(monitoring.Flow) }, false},
	{"MutingPermissionSet", "mutingpermissionsets", "mutingpermissionset", func() any { return new(permset.MutingPermissionSet) }, false},
	{"PermissionSet", "permissionsets", "permissionset", func() any { return new(permset.PermissionSet) }, false},
	{"PermissionSetGroup", "permissionsetgroups", "permissionsetgroup", func() any { return new(permset.PermissionSetGroup) }, false},
	{"Profile", "profiles", "profile", func() any { return new(profile.Profile) }, false},
	{"ProfilePasswordPolicy", "profilePasswordPolicies", "profilePasswordPolicy", func() any { return new(profile.PasswordPolicy) }, false},
	{"ProfileSessionSetting", "profileSessionSettings", "profileSessionSetting", func() any { return new(profile.SessionSetting) }, false},
	{"TransactionSecurityPolicy", "transactionSecurityPolicies", "transactionSecurityPolicy", func() any { return new(monitoring.TransactionSecurityPolicy) }, false},
}

// Manifest is the kind of package.xml and the destructive-change manifests.
var Manifest = Kind{"Package", "", "", func() any { return new(pkgxml.Package) }, false}

// ByType returns the kind of a Metadata API type name.
func ByType(name string) (Kind, bool) {
	for _, k := range All {
		if k.Type == name {
			return k, true
		}
	}
	return Kind{}, false
}

// ForFile returns the kind of a metadata file from its name: a source-format
// "<name>.<suffix>-meta.xml", an mdapi-format "<name>.<suffix>", or a
// manifest (package.xml, destructiveChanges*.xml and other *.xml files whose
// name contains "package").
func ForFile(path string) (Kind, bool) {
	base := filepath.Base(path)
	if isManifest(base) {
		return Manifest, true
	}
	trimmed, meta := strings.CutSuffix(base, "-meta.xml")
	dot := strings.LastIndexByte(trimmed, '.')
	if dot <= 0 {
		return Kind{}, false
	}
	suffix := trimmed[dot+1:]
	for _, k := range All {
		if k.Suffix == suffix && (meta || !k.Content) {
			return k, true
		}
	}
	return Kind{}, false
}

func isManifest(base string) bool {
	lower := strings.ToLower(base)
	if !strings.HasSuffix(lower, ".xml") || strings.HasSuffix(lower, "-meta.xml") {
		return false
	}
	return strings.Contains(lower, "package") || strings.HasPrefix(lower, "destructivechanges")
}
