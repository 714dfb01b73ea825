package main

import (
	"fmt"
	"io"

	"github.com/sfharden/sfharden/pkgxml"
	"github.com/sfharden/sfharden/project"
)

func runManifest(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("manifest", "[-o FILE] [--api-version V] PATH",
		"Prints the package.xml that lists every component of an sf project, a Metadata API\n"+
			"folder or a plain folder of metadata, as `sf project generate manifest` writes it.\n"+
			"Files that .forceignore matches are left out, as the sf CLI leaves them out.\n"+
			"The version is --api-version, else the project's sourceApiVersion (or the mdapi\n"+
			"package.xml's version), else the Metadata API version sfharden is built for.\n"+
			"A file that cannot be read or placed is an error: each is listed on stderr and\n"+
			"no manifest is written, because a manifest without it would deploy less.\n"+
			"Exit status: 0 on success, 2 on a usage error, an unreadable PATH or a file\n"+
			"that cannot be read or placed.",
		"sfharden manifest -o manifest/package.xml --api-version 62.0 .", stderr)
	output := fs.String("o", "", "write the manifest to `FILE` (replacing it atomically) instead of stdout")
	version := fs.String("api-version", "", "Metadata API `version` to write, such as 62.0")
	paths, code := parseFlags(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(paths) != 1 {
		fmt.Fprintln(stderr, "sfharden manifest: give exactly one PATH: the project or metadata folder")
		fs.Usage()
		return exitError
	}
	if *version != "" {
		if err := pkgxml.CheckAPIVersion(*version); err != nil {
			fmt.Fprintf(stderr, "sfharden manifest: --api-version: %v\n", err)
			return exitError
		}
	}

	tree, err := project.ReadWith(paths[0], project.WalkOptions{SkipValues: true})
	if err != nil {
		fmt.Fprintf(stderr, "sfharden manifest: %v\n", err)
		return exitError
	}
	if len(tree.Problems) > 0 {
		for _, problem := range tree.Problems {
			fmt.Fprintf(stderr, "error: %v\n", problem)
		}
		fmt.Fprintf(stderr, "sfharden manifest: no manifest written because of the errors above (%d): fix or remove each file or link they name\n", len(tree.Problems))
		return exitError
	}

	manifest := tree.BuildManifest(*version)
	if *output != "" {
		if err := manifest.WriteFile(*output); err != nil {
			fmt.Fprintf(stderr, "sfharden manifest: %v\n", err)
			return exitError
		}
		return exitOK
	}
	data, err := manifest.Marshal()
	if err != nil {
		fmt.Fprintf(stderr, "sfharden manifest: %v\n", err)
		return exitError
	}
	stdout.Write(data)
	return exitOK
}
