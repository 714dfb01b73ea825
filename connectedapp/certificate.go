package connectedapp

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"strings"
	"time"

	"github.com/sfharden/sfharden/field"
)

// minRSABits is the smallest RSA key accepted for signing JWTs.
const minRSABits = 2048

// acceptedCurves are the elliptic curves accepted for signing JWTs: the
// NIST curves that ES256, ES384 and ES512 use.
var acceptedCurves = []elliptic.Curve{elliptic.P256(), elliptic.P384(), elliptic.P521()}

// certificate is a parsed and checked [Spec.Certificate].
type certificate struct {
	cert *x509.Certificate
	pem  string // the certificate re-encoded as PEM, without a final newline
}

// checkCertificate parses the PEM certificate of a JWT bearer app and checks
// that it is the only block, is valid at now and has a strong enough key.
// It warns when the certificate expires before the next rotation is due.
func checkCertificate(path field.Path, data []byte, now, nextRotation time.Time) (*certificate, []field.Notice, field.List) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, field.List{field.NewRequired(path,
			"the JWT bearer flow needs the X.509 certificate, in PEM form, whose private key signs the JWTs")}
	}

	block, rest := pem.Decode(data)
	if block == nil {
		return nil, nil, field.List{field.NewInvalid(path, summarizePEM(data),
			"no PEM block found; give the certificate as -----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----")}
	}
	if err := checkPEMBlocks(path, block, rest); err != nil {
		return nil, nil, field.List{err}
	}

	cert, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		return nil, nil, field.List{field.NewInvalid(path, summarizePEM(data),
			fmt.Sprintf("the certificate cannot be parsed: %v", err))}
	}

	var errs field.List
	subject := cert.Subject.String()
	if now.Before(cert.NotBefore) {
		errs = append(errs, field.NewInvalid(path, subject, fmt.Sprintf(
			"the certificate is not valid until %s; use a certificate that is valid now",
			cert.NotBefore.UTC().Format(time.RFC3339))))
	}
	if !now.Before(cert.NotAfter) {
		errs = append(errs, field.NewInvalid(path, subject, fmt.Sprintf(
			"the certificate expired on %s; create a new key pair and certificate",
			cert.NotAfter.UTC().Format(time.RFC3339))))
	}
	if err := checkKey(path, subject, cert); err != nil {
		errs = append(errs, err)
	}
	if len(errs) > 0 {
		return nil, nil, errs
	}

	var notices []field.Notice
	if cert.NotAfter.Before(nextRotation) {
		notices = append(notices, field.Notice{Path: path.String(), Message: fmt.Sprintf(
			"the certificate expires on %s, before the next rotation is due on %s; "+
				"rotate it before it expires or the integration stops getting tokens",
			cert.NotAfter.UTC().Format(time.DateOnly), nextRotation.UTC().Format(time.DateOnly))})
	}

	encoded := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw})
	return &certificate{cert: cert, pem: strings.TrimSuffix(string(encoded), "\n")}, notices, nil
}

// checkPEMBlocks rejects a first block that is no certificate and any
// further block, naming a private key as a leak.
func checkPEMBlocks(path field.Path, first *pem.Block, rest []byte) *field.Error {
	blocks := []*pem.Block{first}
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		blocks = append(blocks, block)
	}

	for _, block := range blocks {
		if strings.Contains(block.Type, "PRIVATE KEY") {
			return field.NewForbidden(path, block.Type,
				"the PEM data holds a private key, which must never be in source control; give only the certificate and keep the key with the client")
		}
	}
	if first.Type != "CERTIFICATE" {
		return field.NewInvalid(path, first.Type, "the PEM block is not a certificate; give a CERTIFICATE block")
	}
	if len(blocks) > 1 {
		return field.NewInvalid(path, fmt.Sprintf("%d PEM blocks", len(blocks)),
			"give exactly one certificate: the one whose private key signs the JWTs, without its chain")
	}
	return nil
}

// checkKey accepts RSA keys of at least minRSABits bits and ECDSA keys on
// an accepted curve.
func checkKey(path field.Path, subject string, cert *x509.Certificate) *field.Error {
	switch key := cert.PublicKey.(type) {
	case *rsa.PublicKey:
		if bits := key.N.BitLen(); bits < minRSABits {
			return field.NewForbidden(path, subject, fmt.Sprintf(
				"the RSA key has %d bits; use at least %d bits, or an EC key on P-256, P-384 or P-521", bits, minRSABits))
		}
	case *ecdsa.PublicKey:
		for _, curve := range acceptedCurves {
			if key.Curve == curve {
				return nil
			}
		}
		return field.NewForbidden(path, subject, fmt.Sprintf(
			"the EC key uses curve %s; use P-256, P-384 or P-521", key.Curve.Params().Name))
	default:
		return field.NewNotSupported(path, cert.PublicKeyAlgorithm.String(), []string{"RSA", "ECDSA"})
	}
	return nil
}

// summarizePEM returns the first line of data, short enough for a message.
func summarizePEM(data []byte) string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(data)), "\n")
	const maxLength = 40
	if runes := []rune(line); len(runes) > maxLength {
		line = string(runes[:maxLength]) + "..."
	}
	return line
}
