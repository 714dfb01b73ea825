package sfharden

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/template"

	"github.com/sfharden/sfharden/internal/apexlit"
)

// integrationPSL is the developer name of the Salesforce API Integration
// permission set licence, which a user of the Salesforce Integration user
// licence needs before a permission set can grant it access to standard
// objects.
const integrationPSL = "SalesforceAPIIntegrationPsl"

// userScriptData is what the user-creation script needs; every string is an
// Apex literal already.
type userScriptData struct {
	Integration, Username, Placeholder                  string
	Email, LastName, FirstName, Alias, TimeZone, Locale string
	Language                                            string
	Profile, Group, PSL                                 string
	NeedsPSL                                            bool
}

var userScriptTemplate = template.Must(template.New("user").Parse(`// Creates or updates the API-only user of the {{.Integration}} integration,
// assigns it the {{.PSL}} permission set licence where its user licence
// needs it, and assigns it the integration's permission set group. Running
// it again changes nothing that is already in place.
//
// Run it after the deploy, once the group's status is Updated:
//   sf apex run --file scripts/apex/create-{{.Integration}}-user.apex --target-org ORG
{{- if .Placeholder}}
// The username is a placeholder that sf apex run does not fill in; replace it
// first, for example:
//   sed 's/[$]{{"{"}}{{.Placeholder}}}/'"${{.Placeholder}}"'/' scripts/apex/create-{{.Integration}}-user.apex > /tmp/create-user.apex
//   sf apex run --file /tmp/create-user.apex --target-org ORG
{{- end}}
class SetupException extends Exception {}

String username = {{.Username}};
if (username.startsWith('${')) {
    throw new SetupException('Replace the username placeholder ' + username + ' before running this script.');
}

List<PermissionSetGroup> groups = [SELECT Id, Status FROM PermissionSetGroup WHERE DeveloperName = {{.Group}} LIMIT 1];
if (groups.isEmpty()) {
    throw new SetupException('Permission set group ' + {{.Group}} + ' is not in the org; deploy the project first.');
}
if (groups[0].Status != 'Updated') {
    throw new SetupException('Permission set group ' + {{.Group}} + ' has status ' + groups[0].Status + '; run this script again when it is Updated.');
}
Profile integrationProfile = [SELECT Id FROM Profile WHERE Name = {{.Profile}} LIMIT 1];

// An existing user is updated only when it already has the integration's
// profile and is active: the script never takes over someone else's user,
// and never undoes an admin's deactivation.
List<User> users = [SELECT Id, ProfileId, IsActive FROM User WHERE Username = :username LIMIT 1];
User integrationUser;
if (users.isEmpty()) {
    integrationUser = new User(Username = username, IsActive = true);
} else {
    integrationUser = users[0];
    if (integrationUser.ProfileId != integrationProfile.Id) {
        throw new SetupException('User ' + username + ' exists with another profile; this script does not take over an existing user. Check the username.');
    }
    if (!integrationUser.IsActive) {
        throw new SetupException('User ' + username + ' is inactive; reactivate it by hand if its deactivation was a mistake.');
    }
}
integrationUser.ProfileId = integrationProfile.Id;
integrationUser.Email = {{.Email}};
integrationUser.LastName = {{.LastName}};
{{- if .FirstName}}
integrationUser.FirstName = {{.FirstName}};
{{- end}}
integrationUser.Alias = {{.Alias}};
integrationUser.TimeZoneSidKey = {{.TimeZone}};
integrationUser.LocaleSidKey = {{.Locale}};
integrationUser.LanguageLocaleKey = {{.Language}};
integrationUser.EmailEncodingKey = 'UTF-8';
upsert integrationUser;
{{if .NeedsPSL}}
PermissionSetLicense psl = [SELECT Id FROM PermissionSetLicense WHERE DeveloperName = {{.PSL}} LIMIT 1];
if ([SELECT COUNT() FROM PermissionSetLicenseAssign WHERE AssigneeId = :integrationUser.Id AND PermissionSetLicenseId = :psl.Id] == 0) {
    insert new PermissionSetLicenseAssign(AssigneeId = integrationUser.Id, PermissionSetLicenseId = psl.Id);
}
{{end}}
Id groupId = groups[0].Id;
if ([SELECT COUNT() FROM PermissionSetAssignment WHERE AssigneeId = :integrationUser.Id AND PermissionSetGroupId = :groupId] == 0) {
    insert new PermissionSetAssignment(AssigneeId = integrationUser.Id, PermissionSetGroupId = groupId);
}
System.debug('Integration user ' + username + ' is ready.');
`))

// userScript returns the anonymous Apex that creates or updates the
// integration's user.
func userScript(in Integration, profileName, groupName string) ([]byte, error) {
	data := userScriptData{
		Integration: in.Name,
		NeedsPSL:    in.License == "SalesforceIntegration",
	}
	if m := placeholder.FindStringSubmatch(in.User.Username); m != nil {
		data.Placeholder = m[1]
	}
	literals := []struct {
		dst   *string
		value string
	}{
		{&data.Username, in.User.Username},
		{&data.Email, in.User.Email},
		{&data.LastName, in.User.LastName},
		{&data.FirstName, in.User.FirstName},
		{&data.Alias, in.User.Alias},
		{&data.TimeZone, in.User.TimeZone},
		{&data.Locale, in.User.Locale},
		{&data.Language, in.User.Language},
		{&data.Profile, profileName},
		{&data.Group, groupName},
		{&data.PSL, integrationPSL},
	}
	for _, l := range literals {
		if l.value == "" {
			continue
		}
		lit, err := apexlit.String(l.value)
		if err != nil {
			return nil, fmt.Errorf("user script for %s: %w", in.Name, err)
		}
		*l.dst = lit
	}
	var b bytes.Buffer
	if err := userScriptTemplate.Execute(&b, data); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// userDefinition returns the definition file for `sf org create user` in a
// scratch org. A username placeholder is left out, so the CLI makes up a
// unique username; the definition cannot assign the permission set licence
// or the group, so the runbook runs the user script after it.
func userDefinition(in Integration, profileName string) ([]byte, error) {
	def := map[string]any{
		"LastName":          in.User.LastName,
		"Email":             in.User.Email,
		"Alias":             in.User.Alias,
		"TimeZoneSidKey":    in.User.TimeZone,
		"LocaleSidKey":      in.User.Locale,
		"LanguageLocaleKey": in.User.Language,
		"EmailEncodingKey":  "UTF-8",
		"profileName":       profileName,
		"generatePassword":  false,
	}
	if in.User.FirstName != "" {
		def["FirstName"] = in.User.FirstName
	}
	if !strings.Contains(in.User.Username, "${") {
		def["Username"] = in.User.Username
	}
	out, err := json.MarshalIndent(def, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
