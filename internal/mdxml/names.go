package mdxml

import (
	"fmt"
	"strings"
)

// EncodeName percent-encodes a component name the way the Metadata API
// does in file names and package.xml members: ASCII letters, digits, space,
// '_' and '-' stay as they are, and every other ASCII character becomes %XX
// in upper-case hex, so the profile "Work.com Only User" is
// "Work%2Ecom Only User" and "&" is "%26". Characters outside ASCII are
// kept.
//
// NOTE: retrieves seen in public repositories encode '.', '&', '/', ',',
// ':', '(' and ')' this way; the other ASCII punctuation follows the same
// rule by assumption. Reports differ on whether the server encodes
// characters outside ASCII, so they are left alone.
//
// EncodeName takes a decoded name: encoding "Work%2Ecom" gives
// "Work%252Ecom", the encoding of a name that contains a percent sign.
// Callers keep names decoded and encode them once, when they build a file
// name or a member.
func EncodeName(name string) string {
	if !needsEncoding(name) {
		return name
	}
	var b strings.Builder
	b.Grow(len(name) + 8)
	for i := 0; i < len(name); i++ {
		c := name[i]
		if keepByte(c) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// DecodeName reverses [EncodeName]. A '%' that does not start a valid %XX
// sequence is kept as it is, so a name that was never encoded decodes to
// itself.
func DecodeName(encoded string) string {
	if !strings.Contains(encoded, "%") {
		return encoded
	}
	var b strings.Builder
	b.Grow(len(encoded))
	for i := 0; i < len(encoded); i++ {
		c := encoded[i]
		if c == '%' && i+2 < len(encoded) && isHex(encoded[i+1]) && isHex(encoded[i+2]) {
			b.WriteByte(unhex(encoded[i+1])<<4 | unhex(encoded[i+2]))
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func needsEncoding(name string) bool {
	for i := 0; i < len(name); i++ {
		if !keepByte(name[i]) {
			return true
		}
	}
	return false
}

func keepByte(c byte) bool {
	return c >= 0x80 ||
		(c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		c == ' ' || c == '_' || c == '-'
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}
