package sfharden

import (
	"bytes"
	"fmt"
	"strings"
)

// Runbook returns RUNBOOK.md: how to deploy the bundle, the steps after the
// deploy in the order they must run, the first secret rotation date of each
// integration and how to rotate.
func (b *Bundle) Runbook() ([]byte, error) {
	var w bytes.Buffer
	line := func(format string, args ...any) {
		fmt.Fprintf(&w, format, args...)
		w.WriteByte('\n')
	}
	built := b.Built.UTC().Format("2006-01-02")

	line("# Runbook")
	line("")
	line("sfharden generated this project on %s for Metadata API %s. It holds the hardened", built, b.APIVersion)
	line("setup of these integrations:")
	line("")
	line("| integration | profile | permission set group | OAuth app | monitoring |")
	line("|---|---|---|---|---|")
	for _, ib := range b.Integrations {
		monitoring := "none"
		if ib.Monitoring != nil {
			monitoring = "`" + MonitoringDirectory + "`"
		}
		line("| %s | `%s` | `%s` (permission set `%s`) | %s `%s`, %s flow | %s |",
			ib.Integration.Label, ib.Profile.FullName, ib.Group.FullName, ib.PermissionSet.FullName,
			ib.App.Type, ib.App.Name, ib.App.Flow, monitoring)
	}
	line("")

	line("## Before the deploy")
	line("")
	if names := b.Placeholders(); len(names) > 0 {
		line("Set these environment variables in the shell that deploys. `sfdx-project.json` lists")
		line("each under `replacements`, so `sf project deploy start` writes its value into the")
		line("files; the deploy fails while one is unset.")
		line("")
		for _, name := range names {
			line("- `%s`", name)
		}
		line("")
	}
	line("The org needs:")
	line("")
	for _, ib := range b.Integrations {
		if ib.Integration.License == "SalesforceIntegration" {
			line("- a free Salesforce Integration user licence and the Salesforce API Integration permission set licence for `%s`;", ib.Integration.Name)
		} else {
			line("- a free Salesforce user licence for `%s`;", ib.Integration.Name)
		}
	}
	if b.usesExternalClientApps() {
		line("- External Client Apps turned on (Setup > External Client App Settings).")
	}
	line("")

	line("## Deploy, in this order")
	line("")
	line("The OAuth apps name their integration user as the client credentials user, and")
	line("that user needs its profile, so the deploy goes in two steps around the user.")
	line("")
	line("1. Deploy the profiles, settings, permission sets and groups:")
	line("")
	line("   ```sh")
	line("   sf project deploy start --manifest %s --target-org ORG", AccessManifestPath)
	line("   ```")
	line("")
	line("2. Wait until every permission set group has status `Updated`; assigning a group")
	line("   that Salesforce is still recalculating fails:")
	line("")
	line("   ```sh")
	line("   sf data query --target-org ORG --query \"SELECT DeveloperName, Status FROM PermissionSetGroup WHERE DeveloperName IN (%s)\"", b.groupList())
	line("   ```")
	line("")
	line("3. Create each integration user, assign its licence and its group. Each script")
	line("   stops, changing nothing, while its group is not `Updated`; it never takes over")
	line("   a user with another profile or reactivates a deactivated one, and a second run")
	line("   changes nothing.")
	line("")
	line("   ```sh")
	for _, ib := range b.Integrations {
		script := "scripts/apex/create-" + ib.Integration.Name + "-user.apex"
		if m := placeholder.FindStringSubmatch(ib.Integration.User.Username); m != nil {
			line("   sed 's/[$]{%s}/'\"$%s\"'/' %s > /tmp/create-%s-user.apex", m[1], m[1], script, ib.Integration.Name)
			line("   sf apex run --target-org ORG --file /tmp/create-%s-user.apex", ib.Integration.Name)
		} else {
			line("   sf apex run --target-org ORG --file %s", script)
		}
	}
	line("   ```")
	line("")
	line("4. Deploy everything, now with the OAuth apps:")
	line("")
	line("   ```sh")
	line("   sf project deploy start --manifest %s --target-org ORG", ManifestPath)
	line("   ```")
	line("")
	line("5. Give each partner its credentials through a secret store, never by e-mail or in")
	line("   source control. A client credentials app's consumer key and secret are under")
	line("   Setup > External Client App Manager (or App Manager for a Connected App) >")
	line("   the app > OAuth Settings; a JWT bearer client needs only the consumer key.")
	if b.hasMonitoring() {
		line("6. Deploy the transaction security policies: see the section below.")
	}
	line("")

	line("## Secret rotation")
	line("")
	for _, ib := range b.Integrations {
		next := ib.App.NextRotation(b.Built).UTC().Format("2006-01-02")
		line("### %s", ib.Integration.Label)
		line("")
		line("The first rotation is due on %s (%d days after this build).", next, ib.App.RotationDays)
		if !ib.App.CertificateExpiry.IsZero() {
			line("The certificate expires on %s.", ib.App.CertificateExpiry.UTC().Format("2006-01-02"))
		}
		line("")
		w.WriteString(ib.App.RotationSteps())
		line("")
	}

	for _, ib := range b.Integrations {
		if ib.Monitoring == nil {
			continue
		}
		section := ib.Monitoring.Runbook(MonitoringDirectory)
		section = strings.Replace(section, "## Transaction security policies", "## Transaction security policies of "+ib.Integration.Label, 1)
		w.WriteString(section)
		if !strings.HasSuffix(section, "\n") {
			w.WriteByte('\n')
		}
		line("")
	}

	line("## Scratch orgs")
	line("")
	line("`sf org create user` works in scratch orgs only. It cannot assign the permission set")
	line("licence or the group, so run the user script of step 3 after it, with the same")
	line("username, which the script then finds and completes:")
	line("")
	line("```sh")
	for _, ib := range b.Integrations {
		if m := placeholder.FindStringSubmatch(ib.Integration.User.Username); m != nil {
			line("sf org create user --target-org SCRATCH --definition-file config/%s-user-def.json Username=\"$%s\"", ib.Integration.Name, m[1])
		} else {
			line("sf org create user --target-org SCRATCH --definition-file config/%s-user-def.json", ib.Integration.Name)
		}
	}
	line("```")
	return append(bytes.TrimRight(w.Bytes(), "\n"), '\n'), nil
}

func (b *Bundle) groupList() string {
	names := make([]string, len(b.Integrations))
	for i, ib := range b.Integrations {
		names[i] = "'" + ib.Group.FullName + "'"
	}
	return strings.Join(names, ", ")
}

func (b *Bundle) usesExternalClientApps() bool {
	for _, ib := range b.Integrations {
		if ib.Integration.App.Type == "externalClientApp" {
			return true
		}
	}
	return false
}

func (b *Bundle) hasMonitoring() bool {
	for _, ib := range b.Integrations {
		if ib.Monitoring != nil {
			return true
		}
	}
	return false
}
