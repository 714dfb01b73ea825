// Package monitoring builds Enhanced Transaction Security policies that
// watch one integration user: an alert when it runs an unusually large query,
// and an alert when it logs in outside its expected hours.
//
// Start with [Spec] and [Build]. Build checks every field, returns all the
// problems at once as a [field.List], and otherwise returns a [Bundle]: the
// components with their typed values, the Apex sources, the test classes to
// run on a production deploy and the ${NAME} placeholders that
// sfdx-project.json must replace. [Bundle.Files] writes the files in the
// retrieve format, and [Bundle.Runbook] writes the runbook section: what the
// org needs and how to deploy. [BuildAll] builds several
// integrations at once and reports those whose names would collide.
//
// # The policies
//
// The query policy (Spec.MaxRowsPerQuery) is a Condition Builder policy on
// ApiEvent. Its flow, PolicyCondition_<policy>, has the shape that Condition
// Builder saves and fires when
//
//	Username = <username> AND (RowsProcessed > <max> OR RowsProcessed = -1)
//
// RowsProcessed is -1 when a query reads too many rows for Salesforce to
// count. The limit applies to each query on its own, not to the rows that
// the user reads in a day. ApiEvent records query, queryMore and count
// calls. Its reference in the Platform Events Developer Guide names the
// SOAP API and the Bulk API and leaves out Tooling API calls and those of
// the Salesforce mobile apps. It does not name Bulk API 2.0. The result
// downloads of Bulk API 2.0 requests are recorded by another event,
// BulkApiResultEvent, so a Bulk API 2.0 query may pass this policy unseen.
//
// The login policy (Spec.ActiveHours) is an Apex policy on LoginEvent,
// because Condition Builder has no time-of-day condition. [LoginHoursPolicy]
// generates its condition class and a test class. The policy checks only
// the time of the login: a session opened inside the active hours stays
// usable after they end. On the day the clocks go forward, the local times
// that the change skips do not exist, so active hours inside the skipped
// hour have no instants that day. For example, 02:00-03:00 in
// Europe/Berlin matches no login on the last Sunday of March.
//
// When the org does not know the time zone, Apex's TimeZone.getTimeZone
// returns GMT. The condition class then flags every login of the user
// instead of reading the active hours in GMT, and the test class fails on a
// production deploy with a message that names the zone.
//
// # What the package refuses to build
//
// Every policy notifies at least one recipient, in app and by email. A
// recipient is never the integration user itself. Salesforce delivers the
// notifications only to active users with the Modify All Data and View
// Setup permissions.
//
// Blocking is off unless Spec.Block is set, so a wrong limit raises alerts
// instead of stopping the integration. Spec.EndSession and Spec.FreezeUser
// are rejected: Salesforce Help names Block, Multi-Factor Authentication
// and notifications as the actions of Enhanced Transaction Security, and
// documents End Session and Freeze User only for legacy policies.
// Two-factor authentication is never requested: an API client cannot answer
// the challenge, and Salesforce blocks API logins instead.
//
// The legacy fields executionUser, eventType and resourceName are never
// written.
//
// # Names
//
// The developer names come from Spec.Integration: its ASCII letters and
// digits, with every run of other characters turned into one underscore,
// cut to 19 characters, then "_Rows" for the query policy and "_Hours" for
// the login policy. They stay within the 25 characters that Setup allows a
// policy, and the condition class is the login policy's name followed by
// "Condition". Two integrations whose names agree in those 19 characters,
// ignoring case, would overwrite each other's policies; [BuildAll] reports
// them. The master labels start with Spec.Label, which defaults to the
// whole integration name with spaces for underscores.
//
// # Zero values
//
// A zero MaxRowsPerQuery means no query policy and an empty ActiveHours no
// login policy, but at least one of the two is required. An empty
// APIVersion means DefaultApexAPIVersion for the Apex classes. The flow has
// no apiVersion, like those that Condition Builder saves.
//
// # Known limitations
//
// Whether the flow's comparison of the username ignores case is not
// documented. Salesforce stores usernames in lower case, so the flow gets a
// literal username in lower case. The value of a ${NAME} placeholder is not
// known here, so set the environment variable to the username in lower
// case. sf pastes that value into Apex and XML as it is, so it must be a
// plain username without ', \, ", &, < or >. Two different placeholders
// that resolve to the same user at deploy time are not detected.
//
// Each recipient in Spec.Notify gets a notifications element of its own.
// The Metadata API schema allows several, but the policies that Salesforce
// users have published each have one, and no Salesforce document says
// whether a policy with several deploys. If a deploy rejects it, list one
// recipient.
package monitoring
