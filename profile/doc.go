// Package profile builds hardened Salesforce profiles for API-only
// integration users, with their session settings and password policy, and
// reads and writes profiles in the format a retrieve produces.
//
// Start with [BuildIntegrationProfile]. It returns a custom profile built
// like the Minimum Access profile with API Only on: a userLicense
// (Salesforce Integration unless the request asks for Salesforce),
// ApiEnabled, ApiUserOnly and PasswordNeverExpires, login IP ranges, and no
// object, field, tab, app or class access. Access belongs in a permission
// set group (package permset), where it is reviewed.
//
// # What it refuses to build
//
//   - A profile named after a standard profile, such as Admin or
//     "Minimum Access - API Only Integrations", in any letter case, because
//     a deploy would change the standard profile for every user who has it
//     ([StandardName] lists them). Session settings and password policies
//     for a standard profile are rejected the same way.
//   - A profile without login IP ranges, or with a range that allows every
//     address (0.0.0.0/0, 0.0.0.0-255.255.255.255), because such a
//     restriction has no effect. Ranges that together cover half of IPv4
//     or 2^125 IPv6 addresses, such as 0.0.0.0/1 with 128.0.0.0/1, are
//     rejected for the same reason. A range with private, loopback or
//     link-local addresses, or one larger than a /16 (IPv4) or a /48
//     (IPv6), builds with a notice.
//   - Ranges that Salesforce rejects or that would not cover exactly the
//     addresses given: reversed ends, an IPv4 end with an IPv6 end, ranges
//     across the IPv4-mapped block ::ffff:0:0/96, CIDR blocks with host bits
//     set, and a CIDR block where one address is expected. Addresses in the
//     mapped block are written as the IPv4 addresses they map to.
//   - A profile that leaves a risky user permission to the org's current
//     value. Deploying a profile does not turn off a permission that the
//     file leaves out, so every risky user permission of the built-in
//     catalogue is written with enabled false.
//   - A session timeout or password policy value outside the documented
//     sets ([SessionSetting.Validate], [PasswordPolicy.Validate]).
//   - A new licence for a profile that exists in the org: [CheckExisting]
//     rejects it, because Salesforce cannot change a profile's licence.
//
// [BuildSessionSetting] and [BuildPasswordPolicy] write the two settings
// files of the profile. Their fullNames are [SessionSettingName] and
// [PasswordSettingName]: the profile name with a fixed suffix, without the
// number that a retrieve appends, so that every run writes the same files.
//
// NOTE: the false entries name permissions that every org may not have. An
// org without one rejects the deploy with "Unknown user permission": list
// such names in IntegrationRequest.LeaveOut.
package profile
