package registry

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestForPath(t *testing.T) {
	tests := []struct {
		name         string
		path         string
		format       Format
		wantType     string
		wantFullName string
	}{
		// Source format.
		{
			name:     "profile with spaces",
			path:     "force-app/main/default/profiles/Minimum Access - API Only Integrations.profile-meta.xml",
			format:   Source,
			wantType: "Profile", wantFullName: "Minimum Access - API Only Integrations",
		},
		{
			name:     "profile with escaped ampersand",
			path:     "force-app/main/default/profiles/Brook %26 Whittle Estimator.profile-meta.xml",
			format:   Source,
			wantType: "Profile", wantFullName: "Brook %26 Whittle Estimator",
		},
		{
			name:     "profile with escaped dot",
			path:     "force-app/main/default/profiles/Work%2Ecom Only User.profile-meta.xml",
			format:   Source,
			wantType: "Profile", wantFullName: "Work%2Ecom Only User",
		},
		{
			name:     "package directory nested deep",
			path:     "src/minlopro/proof-of-concept/lm-informatica-cloud/profiles/Informatica Cloud Integration User.profile-meta.xml",
			format:   Source,
			wantType: "Profile", wantFullName: "Informatica Cloud Integration User",
		},
		{
			name:     "relative path without package directory",
			path:     "permissionsets/Integration_Access.permissionset-meta.xml",
			format:   Source,
			wantType: "PermissionSet", wantFullName: "Integration_Access",
		},
		{
			name:     "absolute path",
			path:     "/home/dev/project/force-app/main/default/permissionsetgroups/Lumon_System_Admin.permissionsetgroup-meta.xml",
			format:   Source,
			wantType: "PermissionSetGroup", wantFullName: "Lumon_System_Admin",
		},
		{
			name:     "dot segments cleaned",
			path:     "force-app/main/default/../default/./connectedApps/Frends_Integration.connectedApp-meta.xml",
			format:   Source,
			wantType: "ConnectedApp", wantFullName: "Frends_Integration",
		},
		{
			name:     "profile outside profiles folder as the sf CLI accepts",
			path:     "force-app/main/default/security/Admin.profile-meta.xml",
			format:   Source,
			wantType: "Profile", wantFullName: "Admin",
		},
		{
			name:     "eca global oauth settings",
			path:     "force-app/main/default/extlClntAppGlobalOauthSets/App_glbloauth.ecaGlblOauth-meta.xml",
			format:   Source,
			wantType: "ExtlClntAppGlobalOauthSettings", wantFullName: "App_glbloauth",
		},
		{
			name:     "profile session setting",
			path:     "force-app/main/default/profileSessionSettings/null_profileSessionSetting1676019624335.profileSessionSetting-meta.xml",
			format:   Source,
			wantType: "ProfileSessionSetting", wantFullName: "null_profileSessionSetting1676019624335",
		},
		{
			name:     "apex class metadata file",
			path:     "force-app/main/default/classes/OrderService.cls-meta.xml",
			format:   Source,
			wantType: "ApexClass", wantFullName: "OrderService",
		},
		{
			name:   "apex class content file is not reported",
			path:   "force-app/main/default/classes/OrderService.cls",
			format: Source,
		},
		{
			name:     "unescaped dots in a custom metadata record name",
			path:     "force-app/main/default/customMetadata/Region.Europe.md-meta.xml",
			format:   Source,
			wantType: "CustomMetadata", wantFullName: "Region.Europe",
		},
		{
			name:     "shared suffix decided by directory",
			path:     "force-app/main/default/accessControlPolicies/Restrict.policy-meta.xml",
			format:   Source,
			wantType: "AccessControlPolicy", wantFullName: "Restrict",
		},
		{
			name:     "shared suffix decided by another directory",
			path:     "force-app/main/default/appointmentSchedulingPolicies/Restrict.policy-meta.xml",
			format:   Source,
			wantType: "AppointmentSchedulingPolicy", wantFullName: "Restrict",
		},
		{
			name:   "shared suffix of strict types outside their directories",
			path:   "force-app/main/default/misc/Restrict.policy-meta.xml",
			format: Source,
		},
		{
			name:     "settings file",
			path:     "force-app/main/default/settings/Security.settings-meta.xml",
			format:   Source,
			wantType: "Settings", wantFullName: "Security",
		},
		{
			name:     "settings suffix in a strict directory",
			path:     "force-app/main/default/integrationHub/Hub.settings-meta.xml",
			format:   Source,
			wantType: "IntegrationHubSettings", wantFullName: "Hub",
		},
		{
			name:     "shared suffix outside every directory gives the sf CLI default",
			path:     "force-app/main/default/misc/Security.settings-meta.xml",
			format:   Source,
			wantType: "Settings", wantFullName: "Security",
		},
		{
			name:   "strict type outside its directory",
			path:   "force-app/main/default/misc/Logo.resource-meta.xml",
			format: Source,
		},
		{
			name:     "report in nested folders",
			path:     "force-app/main/default/reports/Sales/Quarterly/Pipeline.report-meta.xml",
			format:   Source,
			wantType: "Report", wantFullName: "Sales/Quarterly/Pipeline",
		},
		{
			name:     "report folder",
			path:     "force-app/main/default/reports/Sales.reportFolder-meta.xml",
			format:   Source,
			wantType: "ReportFolder", wantFullName: "Sales",
		},
		{
			name:     "report subfolder",
			path:     "force-app/main/default/reports/Sales/Quarterly.reportFolder-meta.xml",
			format:   Source,
			wantType: "ReportFolder", wantFullName: "Sales/Quarterly",
		},
		{
			name:     "email template",
			path:     "force-app/main/default/email/Support/Welcome.email-meta.xml",
			format:   Source,
			wantType: "EmailTemplate", wantFullName: "Support/Welcome",
		},
		{
			name:     "folder file without suffix",
			path:     "force-app/main/default/email/Support-meta.xml",
			format:   Source,
			wantType: "EmailFolder", wantFullName: "Support",
		},
		{
			name:     "decomposed parent in its own folder",
			path:     "force-app/main/default/objects/Account/Account.object-meta.xml",
			format:   Source,
			wantType: "CustomObject", wantFullName: "Account",
		},
		{
			name:   "child type file is not reported",
			path:   "force-app/main/default/objects/Account/fields/Industry.field-meta.xml",
			format: Source,
		},
		{
			name:     "lightning web component bundle",
			path:     "force-app/main/default/lwc/orderList/orderList.js-meta.xml",
			format:   Source,
			wantType: "LightningComponentBundle", wantFullName: "orderList",
		},
		{
			name:     "aura bundle",
			path:     "force-app/main/default/aura/orderApp/orderApp.app-meta.xml",
			format:   Source,
			wantType: "AuraDefinitionBundle", wantFullName: "orderApp",
		},
		{
			name:     "document name lacks its extension",
			path:     "force-app/main/default/documents/Shared/logo.document-meta.xml",
			format:   Source,
			wantType: "Document", wantFullName: "Shared/logo",
		},
		{
			name:     "document meta file keeps the content extension",
			path:     "force-app/main/default/documents/Shared/logo.png-meta.xml",
			format:   Source,
			wantType: "Document", wantFullName: "Shared/logo",
		},
		{
			name:     "document folder file beside documents",
			path:     "force-app/main/default/documents/Shared.documentFolder-meta.xml",
			format:   Source,
			wantType: "DocumentFolder", wantFullName: "Shared",
		},
		{
			name:     "mdapi document named with its extension",
			path:     "unpackaged/documents/Shared/logo.png",
			format:   Mdapi,
			wantType: "Document", wantFullName: "Shared/logo.png",
		},
		{
			name:   "mdapi document meta file",
			path:   "unpackaged/documents/Shared/logo.png-meta.xml",
			format: Mdapi,
		},
		{
			name:   "mdapi file read as source",
			path:   "src/profiles/Admin.profile",
			format: Source,
		},
		{
			name:   "manifest",
			path:   "manifest/package.xml",
			format: Source,
		},
		{
			name:   "unknown suffix",
			path:   "force-app/main/default/profiles/Admin.txt-meta.xml",
			format: Source,
		},
		{
			name:   "empty name",
			path:   "force-app/main/default/profiles/.profile-meta.xml",
			format: Source,
		},
		{
			name:   "no suffix outside a folder type directory",
			path:   "force-app/main/default/profiles/Admin-meta.xml",
			format: Source,
		},
		{
			name:   "suffix is case sensitive",
			path:   "force-app/main/default/profiles/Admin.Profile-meta.xml",
			format: Source,
		},
		{
			name:   "empty path",
			path:   "",
			format: Source,
		},
		{
			name:   "unknown format",
			path:   "force-app/main/default/profiles/Admin.profile-meta.xml",
			format: Format(7),
		},

		// Mdapi format.
		{
			name:     "mdapi profile",
			path:     "src/profiles/MOHCD - Household.profile",
			format:   Mdapi,
			wantType: "Profile", wantFullName: "MOHCD - Household",
		},
		{
			name:     "mdapi permission set",
			path:     "permissionsets/Lightning.permissionset",
			format:   Mdapi,
			wantType: "PermissionSet", wantFullName: "Lightning",
		},
		{
			name:     "mdapi escaped dot",
			path:     "unpackaged/profiles/Work%2Ecom Only User.profile",
			format:   Mdapi,
			wantType: "Profile", wantFullName: "Work%2Ecom Only User",
		},
		{
			name:     "mdapi apex class content file",
			path:     "unpackaged/classes/OrderService.cls",
			format:   Mdapi,
			wantType: "ApexClass", wantFullName: "OrderService",
		},
		{
			name:   "mdapi apex class metadata file is not reported",
			path:   "unpackaged/classes/OrderService.cls-meta.xml",
			format: Mdapi,
		},
		{
			name:   "source file read as mdapi",
			path:   "force-app/main/default/profiles/Admin.profile-meta.xml",
			format: Mdapi,
		},
		{
			name:   "mdapi profile outside profiles folder",
			path:   "unpackaged/security/Admin.profile",
			format: Mdapi,
		},
		{
			name:   "mdapi manifest",
			path:   "unpackaged/package.xml",
			format: Mdapi,
		},
		{
			name:     "mdapi report folder",
			path:     "unpackaged/reports/Sales-meta.xml",
			format:   Mdapi,
			wantType: "ReportFolder", wantFullName: "Sales",
		},
		{
			name:     "mdapi report subfolder",
			path:     "unpackaged/reports/Sales/Quarterly-meta.xml",
			format:   Mdapi,
			wantType: "ReportFolder", wantFullName: "Sales/Quarterly",
		},
		{
			name:     "mdapi report",
			path:     "unpackaged/reports/Sales/Pipeline.report",
			format:   Mdapi,
			wantType: "Report", wantFullName: "Sales/Pipeline",
		},
		{
			name:     "mdapi shared suffix",
			path:     "unpackaged/settings/Security.settings",
			format:   Mdapi,
			wantType: "Settings", wantFullName: "Security",
		},
		{
			name:     "mdapi email services function uses the xml suffix",
			path:     "unpackaged/emailservices/Inbound.xml",
			format:   Mdapi,
			wantType: "EmailServicesFunction", wantFullName: "Inbound",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, fullName, ok := ForPath(tt.path, tt.format)
			require.Equal(t, tt.wantType != "", ok, "found %q %q", typ.Name, fullName)
			assert.Equal(t, tt.wantType, typ.Name)
			assert.Equal(t, tt.wantFullName, fullName)
		})
	}
}

func TestSourcePath(t *testing.T) {
	tests := []struct {
		name     string
		typeName string
		fullName string
		want     string
	}{
		{name: "profile with spaces", typeName: "Profile", fullName: "Minimum Access - API Only Integrations",
			want: "profiles/Minimum Access - API Only Integrations.profile-meta.xml"},
		{name: "escapes kept", typeName: "Profile", fullName: "Brook %26 Whittle Work%2Ecom",
			want: "profiles/Brook %26 Whittle Work%2Ecom.profile-meta.xml"},
		{name: "apex class metadata file", typeName: "ApexClass", fullName: "OrderService",
			want: "classes/OrderService.cls-meta.xml"},
		{name: "eca policies", typeName: "ExtlClntAppConfigurablePolicies", fullName: "App_plcy",
			want: "extlClntAppPolicies/App_plcy.ecaPlcy-meta.xml"},
		{name: "report in folders", typeName: "Report", fullName: "Sales/Quarterly/Pipeline",
			want: "reports/Sales/Quarterly/Pipeline.report-meta.xml"},
		{name: "report folder", typeName: "ReportFolder", fullName: "Sales",
			want: "reports/Sales.reportFolder-meta.xml"},
		{name: "decomposed type in its own folder", typeName: "CustomObject", fullName: "Account",
			want: "objects/Account/Account.object-meta.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, ok := ByName(tt.typeName)
			require.True(t, ok)
			got, err := SourcePath(typ, tt.fullName)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestMdapiPath(t *testing.T) {
	tests := []struct {
		name     string
		typeName string
		fullName string
		want     string
	}{
		{name: "profile with spaces", typeName: "Profile", fullName: "MOHCD - Household",
			want: "profiles/MOHCD - Household.profile"},
		{name: "escapes kept", typeName: "Profile", fullName: "Work%2Ecom Only User",
			want: "profiles/Work%2Ecom Only User.profile"},
		{name: "apex class content file", typeName: "ApexClass", fullName: "OrderService",
			want: "classes/OrderService.cls"},
		{name: "report in folder", typeName: "Report", fullName: "Sales/Pipeline",
			want: "reports/Sales/Pipeline.report"},
		{name: "report folder without suffix", typeName: "ReportFolder", fullName: "Sales/Quarterly",
			want: "reports/Sales/Quarterly-meta.xml"},
		{name: "decomposed type flat", typeName: "CustomObject", fullName: "Account",
			want: "objects/Account.object"},
		{name: "document keeps its extension", typeName: "Document", fullName: "Shared/logo.png",
			want: "documents/Shared/logo.png"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			typ, ok := ByName(tt.typeName)
			require.True(t, ok)
			got, err := MdapiPath(typ, tt.fullName)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPathErrors(t *testing.T) {
	tests := []struct {
		name     string
		typeName string
		fullName string
	}{
		{name: "zero type", fullName: "Admin"},
		{name: "child type", typeName: "CustomField", fullName: "Industry"},
		{name: "bundle without suffix", typeName: "LightningComponentBundle", fullName: "orderList"},
		{name: "empty name", typeName: "Profile", fullName: ""},
		{name: "parent directory", typeName: "Profile", fullName: ".."},
		{name: "current directory", typeName: "Profile", fullName: "."},
		{name: "slash in a type without folders", typeName: "Profile", fullName: "../../etc/passwd"},
		{name: "slash in a decomposed type", typeName: "CustomObject", fullName: "Account/x"},
		{name: "backslash", typeName: "Profile", fullName: `..\..\Admin`},
		{name: "nul byte", typeName: "Profile", fullName: "Admin\x00"},
		{name: "parent directory inside folders", typeName: "Report", fullName: "Sales/../../Pipeline"},
		{name: "empty folder", typeName: "Report", fullName: "Sales//Pipeline"},
		{name: "leading slash", typeName: "Report", fullName: "/Pipeline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var typ Type
			if tt.typeName != "" {
				var ok bool
				typ, ok = ByName(tt.typeName)
				require.True(t, ok)
			}
			source, err := SourcePath(typ, tt.fullName)
			assert.Error(t, err, "SourcePath returned %q", source)
			mdapi, err := MdapiPath(typ, tt.fullName)
			assert.Error(t, err, "MdapiPath returned %q", mdapi)
		})
	}
}

// TestPathRoundTrip builds the path of a component of every top-level type
// with a suffix and checks that ForPath finds the same type and name, in both
// formats. It covers every suffix collision in the registry.
func TestPathRoundTrip(t *testing.T) {
	for _, typ := range Types() {
		if typ.Suffix == "" || typ.AliasFor != "" {
			continue
		}
		fullName := "Sample %26 Name"
		if typ.InFolder || typ.IsFolder() {
			fullName = "Outer/Inner/" + fullName
		}
		t.Run(typ.Name, func(t *testing.T) {
			for _, format := range []Format{Source, Mdapi} {
				build := SourcePath
				if format == Mdapi {
					build = MdapiPath
				}
				rel, err := build(typ, fullName)
				require.NoError(t, err)

				got, gotName, ok := ForPath("force-app/main/default/"+rel, format)
				require.True(t, ok, "%s path %q not found", format, rel)
				assert.Equal(t, typ.Name, got.Name, "%s path %q", format, rel)
				assert.Equal(t, fullName, gotName, "%s path %q", format, rel)
			}
		})
	}
}

func TestFormatString(t *testing.T) {
	assert.Equal(t, "source", Source.String())
	assert.Equal(t, "mdapi", Mdapi.String())
	assert.Equal(t, "Format(7)", Format(7).String())
}

func BenchmarkForPath(b *testing.B) {
	paths := []string{
		"force-app/main/default/profiles/Minimum Access - API Only Integrations.profile-meta.xml",
		"force-app/main/default/reports/Sales/Quarterly/Pipeline.report-meta.xml",
		"force-app/main/default/misc/Security.settings-meta.xml",
		"force-app/main/default/objects/Account/fields/Industry.field-meta.xml",
	}
	for b.Loop() {
		for _, p := range paths {
			ForPath(p, Source)
		}
	}
}
