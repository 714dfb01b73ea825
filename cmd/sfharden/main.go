// Command sfharden generates hardened Salesforce integration metadata and
// checks existing metadata against the same policy.
//
// Exit codes: 0 on success, 1 when a check finds what it looks for (files to
// format, a spec that breaks the policy, findings at or above --fail-on), 2 on
// usage errors and unreadable input.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit codes shared by every subcommand.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// command is one subcommand of sfharden.
type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands lists the subcommands in the order the help shows them.
var commands = []command{
	{"audit", "report how existing integration users fall short of the hardened template", runAudit},
	{"fmt", "rewrite metadata files in the canonical retrieve format", runFmt},
	{"generate", "write the hardened bundle of an integration spec as an sf project", runGenerate},
	{"manifest", "print the package.xml of a project or metadata folder", runManifest},
	{"validate", "check an integration spec against the hardening policy", runValidate},
	{"version", "print the sfharden version", runVersion},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitError
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "--version", "-version":
		return runVersion(nil, stdout, stderr)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "sfharden: unknown command %q; run 'sfharden --help' for the list\n", args[0])
	return exitError
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: sfharden COMMAND [flags] [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'sfharden COMMAND --help' for the flags and an example of each command.")
}

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build information is used.
var version = ""

func runVersion(_ []string, stdout, _ io.Writer) int {
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	fmt.Fprintf(stdout, "sfharden %s\n", v)
	return exitOK
}
