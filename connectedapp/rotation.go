package connectedapp

import (
	"fmt"
	"strings"
)

// RotationSteps returns the steps to replace the bundle's credential, as
// numbered lines for a runbook: the consumer secret of a client credentials
// app, or the certificate and key pair of a JWT bearer app. The steps keep
// the integration working during the change where Salesforce allows it.
func (b *Bundle) RotationSteps() string {
	var steps []string
	switch {
	case b.Flow == JWTBearer:
		steps = jwtRotationSteps(b)
	case b.Type == TypeConnectedApp:
		steps = []string{
			fmt.Sprintf("In Setup, open App Manager, choose View on %s and click Manage Consumer Details.", b.Name),
			"Generate a new consumer secret. Salesforce stages it, and the current secret keeps working until you apply the new one.",
			"Put the new secret in the secret store the integration reads, and restart or reload the client.",
			"Check that the client gets tokens with the new secret: Setup > Login History shows its logins.",
			"Apply the staged secret, which revokes the old one.",
		}
	default:
		steps = []string{
			"Turn on Allow access to External Client App consumer secrets via REST API in External Client App Settings, for the time of the rotation.",
			fmt.Sprintf("Stage a new consumer key and secret for %s with the OAuth staged credentials endpoint of the Connect REST API. The current ones keep working meanwhile.", b.Name),
			"Put the new key and secret in the secret store the integration reads, and restart or reload the client.",
			"Check that the client gets tokens with the new credentials: Setup > Login History shows its logins.",
			"Rotate to the staged credentials with the same endpoint, which retires the old ones, and turn the REST API access setting off again.",
		}
	}
	steps = append(steps, fmt.Sprintf("Record the date: the next rotation is due %d days later.", b.RotationDays))

	var text strings.Builder
	fmt.Fprintf(&text, "Rotate the credentials of %s (%s, %s flow) every %d days:\n", b.Name, b.Type, b.Flow, b.RotationDays)
	for i, step := range steps {
		fmt.Fprintf(&text, "%d. %s\n", i+1, step)
	}
	return text.String()
}

// jwtRotationSteps returns the steps to replace the certificate of a JWT
// bearer app. The app holds one certificate, so the switch from the old key
// to the new one is a cutover, not an overlap.
func jwtRotationSteps(b *Bundle) []string {
	element := "ExtlClntAppGlobalOauthSettings certificate"
	if b.Type == TypeConnectedApp {
		element = "ConnectedApp oauthConfig/certificate"
	}
	return []string{
		"Create a new key pair (RSA of at least 2048 bits, or EC on P-256, P-384 or P-521) and a certificate for it where the client runs; the private key never leaves the client.",
		fmt.Sprintf("Set Certificate in the spec of %s to the new certificate, rebuild, and review the change to the %s.", b.Name, element),
		"Deploy in a quiet period. From the deploy on, Salesforce accepts only JWTs signed with the new key, because the app holds one certificate.",
		"Switch the client to the new private key right after the deploy, and check that it gets tokens: Setup > Login History shows its logins.",
		"Destroy the old private key.",
	}
}
