package connectedapp

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/sfharden/sfharden/field"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// buildTime is the fixed "now" of the tests. The golden certificate in
// testdata is valid from 2026-01-01 to 2036-01-01.
var buildTime = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

// baseSpec returns a valid client credentials spec for an External Client
// App.
func baseSpec() Spec {
	return Spec{
		Name:          "Invoice_Export",
		Label:         "Invoice Export",
		Description:   "Nightly export of paid invoices to the ERP",
		ContactEmail:  "integrations@example.com",
		RunAsUsername: "${INVOICE_EXPORT_USER}",
		PermissionSet: "Invoice_Export_API",
		Network:       []string{"203.0.113.0/24", "198.51.100.7"},
	}
}

// goldenCertificate returns the RSA 2048 certificate kept in testdata, so
// that golden files do not change with each run.
func goldenCertificate(t *testing.T) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "jwt-rsa2048.crt.pem"))
	if err != nil {
		t.Fatalf("read golden certificate: %v", err)
	}
	return data
}

// newCertificate returns a self-signed PEM certificate for key, valid from
// notBefore to notAfter. A key that cannot sign its own certificate is
// signed by a throwaway RSA key.
func newCertificate(t *testing.T, key crypto.Signer, notBefore, notAfter time.Time) []byte {
	t.Helper()
	template := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "sfharden test"},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
	}
	signer := key
	if ec, ok := key.(*ecdsa.PrivateKey); ok && ec.Curve == elliptic.P224() {
		signer = newRSAKey(t, 2048)
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, key.Public(), signer)
	if err != nil {
		t.Fatalf("create test certificate: %v", err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}

func newRSAKey(t *testing.T, bits int) *rsa.PrivateKey {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, bits)
	if err != nil {
		t.Fatalf("generate RSA %d key: %v", bits, err)
	}
	return key
}

func newECKey(t *testing.T, curve elliptic.Curve) *ecdsa.PrivateKey {
	t.Helper()
	key, err := ecdsa.GenerateKey(curve, rand.Reader)
	if err != nil {
		t.Fatalf("generate EC key: %v", err)
	}
	return key
}

func newEd25519Key(t *testing.T) ed25519.PrivateKey {
	t.Helper()
	_, key, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatalf("generate Ed25519 key: %v", err)
	}
	return key
}

// pathKind is the part of a field.Error that tests compare.
type pathKind struct {
	Path string
	Kind field.Kind
}

// errorList returns the field errors of err, failing the test when err is
// not a field.List.
func errorList(t *testing.T, err error) field.List {
	t.Helper()
	if err == nil {
		return nil
	}
	var list field.List
	if !errors.As(err, &list) {
		t.Fatalf("error is %T, not field.List: %v", err, err)
	}
	return list
}

func pathKinds(t *testing.T, err error) []pathKind {
	t.Helper()
	var got []pathKind
	for _, e := range errorList(t, err) {
		got = append(got, pathKind{e.Path, e.Kind})
	}
	return got
}

// findError returns the error at path, failing the test when there is none.
func findError(t *testing.T, err error, path string) *field.Error {
	t.Helper()
	for _, e := range errorList(t, err) {
		if e.Path == path {
			return e
		}
	}
	t.Fatalf("no error at %s in:\n%v", path, err)
	return nil
}

// compareGolden compares got with the file at path, or rewrites the file
// with -update.
func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./connectedapp/ -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// parseComponent parses data as the metadata type typeName.
func parseComponent(typeName string, data []byte) (any, error) {
	switch typeName {
	case "ConnectedApp":
		return Parse(data)
	case "ExternalClientApplication":
		return ParseExternalClientApp(data)
	case "ExtlClntAppGlobalOauthSettings":
		return ParseGlobalOAuthSettings(data)
	case "ExtlClntAppOauthSettings":
		return ParseOAuthSettings(data)
	case "ExtlClntAppOauthConfigurablePolicies":
		return ParseOAuthPolicies(data)
	case "ExtlClntAppConfigurablePolicies":
		return ParsePolicies(data)
	default:
		return nil, fmt.Errorf("no parser for metadata type %s", typeName)
	}
}

type fieldNotice = field.Notice
