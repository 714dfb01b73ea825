// Command snowflake-etl builds, through the sfharden library, the same
// bundle as integration.yaml: a daily read-only Bulk API extract into
// Snowflake. It writes the project to -o and prints the files it wrote.
//
//	go run ./examples/snowflake-etl -o out/snowflake-etl
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log"
	"path/filepath"

	"github.com/sfharden/sfharden"
)

// Spec returns the integration spec of the example, as integration.yaml
// states it.
func Spec() *sfharden.Spec {
	return &sfharden.Spec{
		APIVersion: "66.0",
		Integrations: []sfharden.Integration{{
			Name:         "Snowflake_ETL",
			Label:        "Snowflake ETL",
			Description:  "Daily Bulk API extract of sales data into Snowflake",
			ContactEmail: "data-platform@example.com",
			User: sfharden.User{
				Username: "${SNOWFLAKE_ETL_USERNAME}",
				Email:    "data-platform@example.com",
				LastName: "Snowflake ETL",
			},
			License: "SalesforceIntegration",
			Network: sfharden.Network{Allow: []string{"203.0.113.0/24", "198.51.100.7", "192.0.2.10-192.0.2.20"}},
			Access: sfharden.Access{
				Objects: map[string][]string{
					"Account":             {"read"},
					"Opportunity":         {"read"},
					"OpportunityLineItem": {"read"},
					"Product2":            {"read"},
				},
				Fields: map[string]string{
					"Account.Industry":              "read",
					"Account.AnnualRevenue":         "read",
					"Opportunity.Amount":            "read",
					"Opportunity.StageName":         "read",
					"Opportunity.CloseDate":         "read",
					"OpportunityLineItem.Quantity":  "read",
					"OpportunityLineItem.UnitPrice": "read",
				},
			},
			App:                   sfharden.App{Type: "externalClientApp", Flow: "clientCredentials", Scopes: []string{"api"}},
			SessionTimeoutMinutes: 15,
			SecretRotationDays:    90,
			Monitoring: &sfharden.Monitoring{
				MaxRowsPerQuery: 10000000,
				ActiveHours:     "01:00-05:00",
				Timezone:        "UTC",
				Notify:          []string{"${SECOPS_LEAD_USERNAME}"},
			},
		}},
	}
}

func main() {
	out := flag.String("o", filepath.Join("out", "snowflake-etl"), "folder to write the project to")
	flag.Parse()

	bundle, err := sfharden.Build(Spec(), sfharden.BuildOptions{})
	if err != nil {
		log.Fatal(err)
	}
	if err := bundle.Write(*out, sfharden.WriteOptions{ProjectName: "snowflake-etl"}); err != nil {
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
