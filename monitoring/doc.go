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
// the user reads in a day. ApiEvent records query, queryMore and count calls
// made through the SOAP and Bulk APIs.
//
// The login policy (Spec.ActiveHours) is an Apex policy on LoginEvent,
// because Condition Builder has no time-of-day condition. [LoginHoursPolicy]
// generates its condition class and a test class.
//
// # What the package refuses to build
//
// Every policy notifies at least one recipient, in app and by email. A
// recipient is never the integration user itself. Salesforce delivers the
// notifications only to active users with the Modify All Data and View
// Setup permissions.
//
// Blocking is off unless Spec.Block is set, so a wrong limit raises alerts
// instead of stopping the integration. Ending the session and freezing the
// user are off unless Spec.EndSession or Spec.FreezeUser is set.
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
// them.
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
// The flow compares the username as written. Whether that comparison
// ignores case is not documented, so write the username as the org stores
// it. Two different placeholders that resolve to the same user at deploy
// time are not detected.
package monitoring
