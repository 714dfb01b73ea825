package mdxml

import (
	"fmt"

	"github.com/beevik/etree"
)

// Namespace is the XML namespace of every Metadata API file.
const Namespace = "http://soap.sforce.com/2006/04/metadata"

// xsiNamespace is the namespace of the xsi:nil attribute.
const xsiNamespace = "http://www.w3.org/2001/XMLSchema-instance"

// Extra holds what a typed struct does not model.
type Extra struct {
	// Line is the line of the element's start tag in the input that was
	// read, counting from 1, or 0 for a value built in code.
	Line int

	// Unknown holds the child elements that the struct does not model, in
	// input order.
	Unknown []Unknown

	// Missing names the required elements that the input left out. A
	// typed field cannot tell "absent" from its zero value, so the writer
	// leaves such a field out while it still holds the zero value, rather
	// than invent one.
	Missing []string
}

// Unknown is a child element kept as it was read.
type Unknown struct {
	// After is the name of the modelled element that this element followed
	// in the input, or "" when it came before every modelled element.
	After   string
	Element *etree.Element

	// Replaces is true when the element has a modelled name but a form the
	// field cannot hold (xsi:nil, attributes, child elements, no text). The
	// element then replaces that field, which the writer leaves out.
	Replaces bool
}

// Error is a syntax or value error in metadata XML, with the line it was
// found on.
type Error struct {
	File string // empty when the input did not come from a file
	Line int    // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File != "" && e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	case e.File != "":
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	default:
		return e.Msg
	}
}
