// Command webhook-receiver builds, through the sfharden library, the same
// bundle as integration.yaml: the spec that replaces a legacy webhook
// receiver which logged in as a System Administrator with an expiring
// password from anywhere. It writes the project to -o and prints the files
// it wrote.
//
//	go run ./examples/webhook-receiver -o out/webhook-receiver
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"

	"github.com/sfharden/sfharden"
)

// Spec returns the integration spec of the example, as integration.yaml
// states it. dir is the example's folder, which the certificate path is
// relative to.
func Spec(dir string) *sfharden.Spec {
	return &sfharden.Spec{
		APIVersion: "66.0",
		File:       filepath.Join(dir, "integration.yaml"),
		Integrations: []sfharden.Integration{{
			Name:         "Webhook_Receiver",
			Label:        "Ticketing Webhook Receiver",
			Description:  "Creates Cases and updates Contacts from partner ticket events",
			ContactEmail: "support-eng@example.com",
			User: sfharden.User{
				Username: "${WEBHOOK_RECEIVER_USERNAME}",
				Email:    "support-eng@example.com",
				LastName: "Webhook Receiver",
			},
			Network: sfharden.Network{Allow: []string{"198.51.100.0/28", "2001:db8:4:2::/64"}},
			Access: sfharden.Access{
				Objects: map[string][]string{
					"Case":    {"read", "create", "edit"},
					"Contact": {"read", "edit"},
					"Account": {"read"},
				},
				Fields: map[string]string{
					"Case.Subject":     "edit",
					"Case.Description": "edit",
					"Case.Priority":    "edit",
					"Case.Origin":      "edit",
					"Contact.Phone":    "edit",
					"Contact.Email":    "read",
					"Account.Name":     "read",
				},
			},
			App: sfharden.App{
				Type:        "connectedApp",
				Flow:        "jwtBearer",
				Scopes:      []string{"api"},
				Certificate: "certs/receiver.crt",
			},
			SessionTimeoutMinutes: 15,
			SecretRotationDays:    90,
		}},
	}
}

// exampleDir returns the example's folder, whether go run starts in the
// repository root or in the example folder.
func exampleDir() string {
	for _, dir := range []string{filepath.Join("examples", "webhook-receiver"), "."} {
		if _, err := os.Stat(filepath.Join(dir, "certs", "receiver.crt")); err == nil {
			return dir
		}
	}
	return "."
}

func main() {
	out := flag.String("o", filepath.Join("out", "webhook-receiver"), "folder to write the project to")
	flag.Parse()

	bundle, err := sfharden.Build(Spec(exampleDir()), sfharden.BuildOptions{})
	if err != nil {
		log.Fatal(err)
	}
	if err := bundle.Write(*out, sfharden.WriteOptions{ProjectName: "webhook-receiver"}); err != nil {
		log.Fatal(err)
	}
	err = filepath.WalkDir(*out, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			fmt.Println(path)
		}
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
}
