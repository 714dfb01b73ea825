package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
)

// newFlagSet returns a flag set whose help text shows the usage line, the
// flags and an example, and which reports errors instead of exiting.
func newFlagSet(name, usageLine, description, example string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("sfharden "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: sfharden %s %s\n\n%s\n", name, usageLine, description)
		fmt.Fprintln(out, "\nFlags:")
		fs.PrintDefaults()
		fmt.Fprintf(out, "\nExample:\n  %s\n", example)
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments ("--"
// ends the flags). It returns the positional arguments and the exit code to
// stop with, or -1 to go on: help goes to stdout and exits 0, a bad flag
// exits 2.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int) {
	// The flag package prints the usage with every parse error and on -h;
	// capture it so that help goes to stdout once and errors to stderr.
	stderr := fs.Output()
	var captured bytes.Buffer
	fs.SetOutput(&captured)
	defer fs.SetOutput(stderr)

	var positional []string
	for {
		captured.Reset()
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return nil, exitOK
		}
		if err != nil {
			stderr.Write(captured.Bytes())
			return nil, exitError
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, -1
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), -1
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
