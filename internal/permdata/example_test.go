package permdata_test

import (
	"fmt"

	"github.com/sfharden/sfharden/internal/permdata"
)

func ExampleSuggest() {
	name := "ModifyAllDta"
	if !permdata.Known(name) {
		fmt.Printf("unknown user permission %q; did you mean %s?\n", name, permdata.Suggest(name))
	}
	// Output: unknown user permission "ModifyAllDta"; did you mean ModifyAllData?
}

func ExampleRequires() {
	for _, d := range permdata.Requires("ApiUserOnly") {
		fmt.Printf("%s requires %s (%s)\n", d.Permission, d.Requires, d.Basis)
	}
	// Output: ApiUserOnly requires ApiEnabled (functional)
}

func ExampleCatalogue_Add() {
	catalogue := permdata.Default()

	// Treat sandbox management as a risk too, and lower one built-in tier.
	if err := catalogue.Add(permdata.Risk{
		Name:   "ManageSandboxes",
		Kind:   permdata.KindUser,
		Tier:   permdata.TierHigh,
		Reason: "creates and refreshes sandboxes that copy production data",
	}); err != nil {
		fmt.Println(err)
	}

	for _, name := range []string{"ManageSandboxes", "ModifyAllData", "PasswordNeverExpires"} {
		r, _ := catalogue.Lookup(name)
		if r.Risky() {
			fmt.Printf("%s: %s risk\n", r.Name, r.Tier)
		} else {
			fmt.Printf("%s: %s\n", r.Name, r.Role)
		}
	}
	// Output:
	// ManageSandboxes: high risk
	// ModifyAllData: critical risk
	// PasswordNeverExpires: expected on integration profiles
}
