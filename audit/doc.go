// Package audit sweeps existing Salesforce metadata for weak integration
// users and reports every way they fall short of the hardened template
// that sfharden generates. Typical findings are a System Administrator
// behind a nightly job, a profile without login IP ranges, an app that
// relaxes them, a password that expires under a password-based
// integration, one user shared by two tools and a consumer secret in
// source.
//
// Start with [Run]. It reads the sf projects, package directories or mdapi
// folders in [Options.Paths] in parallel, keeps a few facts of each file
// rather than its parsed tree, finds the integration users, and applies
// the rules listed by [Rules] (and in RULES.md beside this file). A folder
// with neither sfdx-project.json nor package.xml is read file by file, so
// source and mdapi file names may be mixed in it. The
// [Report] it returns has each [Finding] with its rule, severity,
// component, file, line, message and fix, sorted so that two runs give the
// same order. [WriteText], [WriteJSON] and [WriteSARIF] write it.
//
// Without [Options.Users] and [Options.Assignments] the audit judges the
// metadata alone and lists in [Report.NotChecked] what that leaves open.
// A [BaselineEntry] accepts a finding until its expiry date. Files that
// cannot be read are listed in [Report.Problems] and everything else is
// audited; so is a path that holds no metadata file, and every path when
// the run reads no file of a type the rules judge. The package prints
// nothing.
package audit
