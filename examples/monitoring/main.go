// Command monitoring builds the transaction security policies of one
// integration from the monitoring part of its spec (spec.yaml, compiled in).
// It prints the files of the bundle and the environment variables that
// sfdx-project.json must replace. With -runbook it also prints the runbook
// section for the package directory event-monitoring, where sfharden
// generate writes the policies.
//
//	go run ./examples/monitoring
//	go run ./examples/monitoring -runbook
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/sfharden/sfharden"
	"github.com/sfharden/sfharden/monitoring"
)

//go:embed spec.yaml
var specYAML []byte

// integration is the part of an integration spec that the policies use.
type integration struct {
	Name  string `yaml:"name"`
	Label string `yaml:"label"`
	User  struct {
		Username string `yaml:"username"`
	} `yaml:"user"`
	Monitoring struct {
		MaxRowsPerQuery int      `yaml:"maxRowsPerQuery"`
		ActiveHours     string   `yaml:"activeHours"`
		Timezone        string   `yaml:"timezone"`
		Notify          []string `yaml:"notify"`
		Block           bool     `yaml:"block"`
		EndSession      bool     `yaml:"endSession"`
		FreezeUser      bool     `yaml:"freezeUser"`
	} `yaml:"monitoring"`
}

func main() {
	runbook := flag.Bool("runbook", false, "also print the runbook section for the package directory "+sfharden.MonitoringDirectory)
	flag.Parse()

	if err := run(os.Stdout, specYAML, *runbook); err != nil {
		fmt.Fprintln(os.Stderr, "monitoring:", err)
		os.Exit(1)
	}
}

// run decodes the spec, builds the bundle and prints it to w.
func run(w io.Writer, data []byte, runbook bool) error {
	var in integration
	decoder := yaml.NewDecoder(strings.NewReader(string(data)))
	decoder.KnownFields(true)
	if err := decoder.Decode(&in); err != nil {
		return fmt.Errorf("decode spec: %w", err)
	}

	bundle, err := monitoring.Build(monitoring.Spec{
		Integration:     in.Name,
		Label:           in.Label,
		Username:        in.User.Username,
		MaxRowsPerQuery: in.Monitoring.MaxRowsPerQuery,
		ActiveHours:     in.Monitoring.ActiveHours,
		TimeZone:        in.Monitoring.Timezone,
		Notify:          in.Monitoring.Notify,
		Block:           in.Monitoring.Block,
		EndSession:      in.Monitoring.EndSession,
		FreezeUser:      in.Monitoring.FreezeUser,
	})
	if err != nil {
		return fmt.Errorf("build policies:\n%w", err)
	}
	files, err := bundle.Files()
	if err != nil {
		return err
	}

	for _, file := range files {
		fmt.Fprintf(w, "%s (%d bytes)\n", file.Path, len(file.Content))
	}
	for _, name := range bundle.Variables {
		fmt.Fprintf(w, "replace ${%s} with the environment variable %s\n", name, name)
	}
	if runbook {
		fmt.Fprintln(w)
		fmt.Fprint(w, bundle.Runbook(sfharden.MonitoringDirectory))
	}
	return nil
}
