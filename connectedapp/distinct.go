package connectedapp

import (
	"bytes"
	"encoding/pem"
	"fmt"
	"strings"

	"github.com/sfharden/sfharden/field"
)

// CheckDistinct checks that no two integrations share an app, a run-as user
// or a certificate. Sharing one ties the integrations together: a revoked
// token, a rotated secret or a leaked key would then hit both, and an audit
// log could not tell them apart. App names and usernames are compared
// without regard to case, as Salesforce compares them, and certificates by
// their DER bytes. Each error has the path of the later spec, such as
// apps[2].runAsUsername, and names both integrations. It returns nil when
// every spec is distinct.
func CheckDistinct(specs []Spec) error {
	root := field.NewPath("apps")
	var errs field.List

	for i, spec := range specs {
		at := root.Index(i)
		for j := range i {
			earlier := specs[j]

			if spec.Name != "" && strings.EqualFold(spec.Name, earlier.Name) {
				errs = append(errs, field.NewDuplicate(at.Child("name"), spec.Name, fmt.Sprintf(
					"integrations %s (apps[%d]) and %s (apps[%d]) use the same app; give each integration an app of its own",
					earlier.Name, j, spec.Name, i)))
			}

			if spec.RunAsUsername != "" && strings.EqualFold(spec.RunAsUsername, earlier.RunAsUsername) {
				errs = append(errs, field.NewDuplicate(at.Child("runAsUsername"), spec.RunAsUsername, fmt.Sprintf(
					"integrations %s and %s run as the same user; give each integration a user of its own",
					earlier.Name, spec.Name)))
			}

			mine, theirs := certificateKey(spec.Certificate), certificateKey(earlier.Certificate)
			if mine != nil && bytes.Equal(mine, theirs) {
				errs = append(errs, field.NewDuplicate(at.Child("certificate"), summarizePEM(spec.Certificate), fmt.Sprintf(
					"integrations %s and %s use the same certificate; give each integration a key pair and certificate of its own",
					earlier.Name, spec.Name)))
			}
		}
	}
	return errs.Err()
}

// certificateKey returns the DER bytes of the first PEM block of data, the
// trimmed data itself when it holds no PEM block, and nil when it is empty.
func certificateKey(data []byte) []byte {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil
	}
	if block, _ := pem.Decode(trimmed); block != nil {
		return block.Bytes
	}
	return trimmed
}
