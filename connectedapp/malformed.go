package connectedapp

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/sfharden/sfharden/internal/mdxml"
)

// MalformedScope is a scope element of a parsed app file that the parser
// could not read as a value, such as <scopes><scopes>Api</scopes></scopes>,
// or in an External Client App an empty or repeated
// commaSeparatedOauthScopes. The parser keeps such an element among the
// unknown elements of its parent, so the parsed scopes lack it, and an app
// whose every scope is malformed looks as if it had no scopes.
type MalformedScope struct {
	// Path is the element's path from the root element, such as
	// "oauthConfig/scopes".
	Path string
	// Line is the line of the parent element's start tag, or 0 for a value
	// built in code.
	Line int
	// XML is the element as read, such as "<scopes><scopes>Api</scopes></scopes>".
	XML string
	// Values are the texts of the element and of the elements nested in
	// it, such as ["Api"], which is what the file most likely meant to
	// grant.
	Values []string
}

// MalformedScopes returns the malformed scope elements of a parsed app
// file, in input order, so that an audit can report them instead of
// reading the app as one without scopes. value is a *ConnectedApp (its
// oauthConfig/scopes) or an *ExtlClntAppOauthSettings (its
// commaSeparatedOauthScopes and commaSeparatedCustomScopes); any other
// value has none.
func MalformedScopes(value any) []MalformedScope {
	switch v := value.(type) {
	case *ConnectedApp:
		if v != nil && v.OAuthConfig != nil {
			return malformed("oauthConfig/", v.OAuthConfig.Extra, "scopes")
		}
	case *ExtlClntAppOauthSettings:
		if v != nil {
			return malformed("", v.Extra, "commaSeparatedOauthScopes", "commaSeparatedCustomScopes")
		}
	}
	return nil
}

// malformed returns the unknown children of extra named one of names.
func malformed(prefix string, extra mdxml.Extra, names ...string) []MalformedScope {
	var found []MalformedScope
	for _, u := range extra.Unknown {
		el := u.Element
		if el == nil || !isScopeElement(el, names) {
			continue
		}
		found = append(found, MalformedScope{
			Path:   prefix + el.Tag,
			Line:   extra.Line,
			XML:    elementXML(el),
			Values: nestedTexts(el),
		})
	}
	return found
}

func isScopeElement(el *etree.Element, names []string) bool {
	for _, name := range names {
		if el.Tag == name {
			return true
		}
	}
	return false
}

// nestedTexts returns the non-empty texts of el and the elements below it,
// in document order.
func nestedTexts(el *etree.Element) []string {
	var texts []string
	for _, child := range append([]*etree.Element{el}, el.FindElements(".//*")...) {
		if text := strings.TrimSpace(child.Text()); text != "" {
			texts = append(texts, text)
		}
	}
	return texts
}

func elementXML(el *etree.Element) string {
	doc := etree.NewDocument()
	doc.SetRoot(el.Copy())
	text, err := doc.WriteToString()
	if err != nil {
		return "<" + el.Tag + ">"
	}
	return strings.TrimSpace(text)
}
