package connectedapp

import (
	"crypto/elliptic"
	"crypto/x509"
	"encoding/pem"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
)

func jwtSpec(cert []byte) Spec {
	spec := baseSpec()
	spec.Flow = JWTBearer
	spec.Certificate = cert
	return spec
}

func TestBuildCertificate(t *testing.T) {
	yearAgo, inTwoYears := buildTime.AddDate(-1, 0, 0), buildTime.AddDate(2, 0, 0)

	tests := []struct {
		name string
		cert func(t *testing.T) []byte
		want []pathKind // nil when Build succeeds
	}{
		{"rsa 2048", func(t *testing.T) []byte {
			return newCertificate(t, newRSAKey(t, 2048), yearAgo, inTwoYears)
		}, nil},
		{"ec p256", func(t *testing.T) []byte {
			return newCertificate(t, newECKey(t, elliptic.P256()), yearAgo, inTwoYears)
		}, nil},
		{"ec p384", func(t *testing.T) []byte {
			return newCertificate(t, newECKey(t, elliptic.P384()), yearAgo, inTwoYears)
		}, nil},
		{
			// 1024-bit RSA can be factored with public effort.
			"rsa 1024",
			func(t *testing.T) []byte { return newCertificate(t, newRSAKey(t, 1024), yearAgo, inTwoYears) },
			[]pathKind{{"app.certificate", field.Forbidden}},
		},
		{
			"ec p224",
			func(t *testing.T) []byte {
				return newCertificate(t, newECKey(t, elliptic.P224()), yearAgo, inTwoYears)
			},
			[]pathKind{{"app.certificate", field.Forbidden}},
		},
		{
			"ed25519",
			func(t *testing.T) []byte { return newCertificate(t, newEd25519Key(t), yearAgo, inTwoYears) },
			[]pathKind{{"app.certificate", field.NotSupported}},
		},
		{
			"expired",
			func(t *testing.T) []byte {
				return newCertificate(t, newRSAKey(t, 2048), yearAgo, buildTime.AddDate(0, 0, -1))
			},
			[]pathKind{{"app.certificate", field.Invalid}},
		},
		{
			"not valid yet",
			func(t *testing.T) []byte {
				return newCertificate(t, newRSAKey(t, 2048), buildTime.AddDate(0, 0, 1), inTwoYears)
			},
			[]pathKind{{"app.certificate", field.Invalid}},
		},
		{
			"expired and weak",
			func(t *testing.T) []byte {
				return newCertificate(t, newRSAKey(t, 1024), yearAgo, buildTime.AddDate(0, 0, -1))
			},
			[]pathKind{{"app.certificate", field.Invalid}, {"app.certificate", field.Forbidden}},
		},
		{
			// A private key in source control is the leak JWT bearer is
			// meant to avoid.
			"private key alongside",
			func(t *testing.T) []byte {
				key := newRSAKey(t, 2048)
				cert := newCertificate(t, key, yearAgo, inTwoYears)
				return append(cert, pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})...)
			},
			[]pathKind{{"app.certificate", field.Forbidden}},
		},
		{
			"two certificates",
			func(t *testing.T) []byte {
				first := newCertificate(t, newRSAKey(t, 2048), yearAgo, inTwoYears)
				return append(first, newCertificate(t, newRSAKey(t, 2048), yearAgo, inTwoYears)...)
			},
			[]pathKind{{"app.certificate", field.Invalid}},
		},
		{"not pem", func(t *testing.T) []byte { return []byte("MIIC8jCCAdqgAwIBAgIE") }, []pathKind{{"app.certificate", field.Invalid}}},
		{"public key block", func(t *testing.T) []byte {
			der, err := x509.MarshalPKIXPublicKey(newRSAKey(t, 2048).Public())
			require.NoError(t, err)
			return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
		}, []pathKind{{"app.certificate", field.Invalid}}},
		{"garbage in certificate block", func(t *testing.T) []byte {
			return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte("not DER")})
		}, []pathKind{{"app.certificate", field.Invalid}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bundle, _, err := Build(jwtSpec(tc.cert(t)), buildTime)
			if tc.want == nil {
				require.NoError(t, err)
				assert.NotNil(t, bundle)
				return
			}
			assert.Equal(t, tc.want, pathKinds(t, err), "%v", err)
		})
	}
}

func TestBuildWarnsWhenCertificateExpiresBeforeRotation(t *testing.T) {
	tests := []struct {
		name     string
		notAfter time.Time
		warns    bool
	}{
		{"expires in 30 days", buildTime.AddDate(0, 0, 30), true},
		{"expires the day before rotation", buildTime.AddDate(0, 0, 89), true},
		{"expires after rotation", buildTime.AddDate(0, 0, 91), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cert := newCertificate(t, newECKey(t, elliptic.P256()), buildTime.AddDate(0, -1, 0), tc.notAfter)
			bundle, notices, err := Build(jwtSpec(cert), buildTime)
			require.NoError(t, err)
			assert.Equal(t, tc.warns, hasNotice(notices, "app.certificate", "before the next rotation"), "%v", notices)
			assert.True(t, bundle.CertificateExpiry.Equal(tc.notAfter.Truncate(time.Second)))
		})
	}
}

func TestBuildNormalizesCertificatePEM(t *testing.T) {
	cert := goldenCertificate(t)
	crlf := []byte{}
	for _, b := range cert {
		if b == '\n' {
			crlf = append(crlf, '\r')
		}
		crlf = append(crlf, b)
	}
	crlf = append([]byte("\n\n"), crlf...)

	bundle, _, err := Build(jwtSpec(crlf), buildTime)
	require.NoError(t, err)
	global := bundle.Components()[1].Value.(*ExtlClntAppGlobalOauthSettings)
	assert.Equal(t, string(cert[:len(cert)-1]), global.Certificate)
}
