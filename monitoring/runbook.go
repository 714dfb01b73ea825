package monitoring

import (
	"fmt"
	"strings"
)

// Runbook returns a Markdown section for the deployment runbook: what the
// org needs before the policies deploy and work, and the sf commands that
// deploy the package directory dir, which holds the bundle alone. The
// section starts with a level-2 heading.
func (b *Bundle) Runbook(dir string) string {
	var w strings.Builder
	line := func(format string, args ...any) {
		fmt.Fprintf(&w, format, args...)
		w.WriteByte('\n')
	}

	line("## Transaction security policies")
	line("")
	line("The package directory `%s` holds these components:", dir)
	line("")
	for _, c := range b.Components {
		line("- %s `%s`", c.Type, c.FullName)
	}
	line("")

	line("### What the org needs")
	line("")
	line("- A Salesforce Shield or Event Monitoring add-on subscription. Enhanced Transaction Security and the ApiEvent and LoginEvent events are part of it.")
	line("- Transaction security policies enabled for the org: the EventSettings setting `enableTransactionSecurityPolicies`. A scratch org definition sets it under `settings.eventSettings` and also needs the features `EventLogFile` and `SecurityEventEnabled`.")
	line("- Every recipient of the alerts is an active user with the Modify All Data and View Setup permissions; Salesforce sends a policy's notifications only to such users.")
	if len(b.Variables) > 0 {
		line("- These environment variables are set when sf deploys, and each is listed under `replacements` in sfdx-project.json, so that sf writes the usernames into the files:")
		for _, name := range b.Variables {
			line("  - `%s` replaces `${%s}`", name, name)
		}
		line("- The value of each variable is the username in lower case, as Salesforce stores it: the query policy compares it with the event's username, and Salesforce does not document whether that comparison ignores case. The value is a plain username, without `'`, `\\`, `\"`, `&`, `<` or `>`, because sf pastes it into the Apex and XML files as it is.")
	}
	line("")

	line("### Deploy")
	line("")
	line("To a sandbox or scratch org:")
	line("")
	line("```sh")
	line("sf project deploy start --source-dir %s", dir)
	line("```")
	line("")
	if len(b.TestClasses) == 0 {
		line("The bundle has no Apex, so the same command deploys it to production.")
	} else {
		line("To production, where the Apex condition needs its test class to run and cover it:")
		line("")
		line("```sh")
		tests := ""
		for _, test := range b.TestClasses {
			tests += " --tests " + test
		}
		line("sf project deploy start --source-dir %s --test-level RunSpecifiedTests%s", dir, tests)
		line("```")
	}
	line("")

	if b.maxRecipients() > 1 {
		line("Each policy notifies its %d recipients through one `notifications` element each. The schema allows that, but Salesforce does not document whether such a policy deploys. If the deploy rejects it, list one recipient in the spec.", b.maxRecipients())
		line("")
	}

	line("### After the deploy")
	line("")
	line("- The policies are active at once. Unless the spec turned on blocking, they only alert: they notify the recipients in the app and by email.")
	if b.hasComponent(TypeFlow) {
		line("- The query limit applies to each query on its own, not to the rows read in a day. A query whose rows Salesforce does not count (RowsProcessed -1) fires too.")
		line("- ApiEvent records query, queryMore and count calls. Salesforce's ApiEvent reference names the SOAP API and Bulk API, not Bulk API 2.0, whose result downloads BulkApiResultEvent records, an event these policies do not watch. A Bulk API 2.0 query may pass unseen.")
	}
	if len(b.TestClasses) > 0 {
		line("- The login policy checks only the time of the login. A session opened inside the active hours stays usable after they end. On the day the clocks go forward, active hours inside the skipped hour have no instants.")
	}
	line("- The policies never ask for two-factor authentication, which an API client cannot answer and which Salesforce turns into a block for API logins.")
	return w.String()
}

// hasComponent reports whether the bundle has a component of the given
// Metadata API type.
func (b *Bundle) hasComponent(metadataType string) bool {
	for _, c := range b.Components {
		if c.Type == metadataType {
			return true
		}
	}
	return false
}

// maxRecipients returns the largest number of notifications of a policy in
// the bundle.
func (b *Bundle) maxRecipients() int {
	largest := 0
	for _, c := range b.Components {
		if policy, ok := c.Value.(*TransactionSecurityPolicy); ok && policy.Action != nil {
			largest = max(largest, len(policy.Action.Notifications))
		}
	}
	return largest
}
