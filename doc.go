// Package sfharden turns a short, typed description of a system-to-Salesforce
// integration into a hardened, deployable Salesforce DX source tree, and
// checks existing metadata against the same hardening policy.
//
// Integration users are the most common way into a Salesforce org: long-lived
// credentials with broad access. For each [Integration] in a [Spec], [Build]
// returns a [Bundle] with
//   - an API-only Profile whose login IP ranges admit only the partner's
//     addresses, with a session setting and a password policy;
//   - a least-privilege PermissionSet, with Salesforce's permission
//     dependencies resolved, in a PermissionSetGroup;
//   - an OAuth app (an External Client App by default, a Connected App on
//     request) with the client credentials flow bound to the integration's
//     own user, minimum scopes, IP relaxation enforced and no secret in
//     source;
//   - optionally, transaction security policies that flag unusual query
//     volume and off-hours logins;
//   - the script and runbook that create the user and finish the setup.
//
// Build refuses the known anti-patterns (a System Administrator as
// integration user, no IP restriction, expiring passwords, one user or app
// shared by two integrations, the username-password flow) and reports every
// problem it finds as [SpecErrors], each with its path in the spec and, for a
// spec read by [LoadSpec], its line and column.
//
// The packages below this one do the work and can be used on their own:
// profile, permset, connectedapp and monitoring build and read each kind of
// metadata, pkgxml handles manifests, project reads and writes sf projects,
// policy checks access templates, and audit sweeps existing metadata.
package sfharden
