package mdxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

var byteOrderMark = []byte("\xef\xbb\xbf")

// Unmarshal parses metadata XML into v, a pointer to a struct whose Extra tag
// names the root element's type. Errors are of type *Error and carry the
// line of the problem.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return &Error{Msg: fmt.Sprintf("Unmarshal needs a non-nil pointer to a struct, not %T", v)}
	}
	plan := planFor(rv.Elem().Type())

	data = bytes.TrimPrefix(data, byteOrderMark)
	d := &decoder{xml: xml.NewDecoder(bytes.NewReader(data))}
	d.xml.Strict = true
	d.xml.Entity = xml.HTMLEntity
	d.xml.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		return nil, fmt.Errorf("encoding %q is not supported; metadata files are UTF-8", charset)
	}

	root, err := d.root()
	if err != nil {
		return err
	}
	d.declare(root)
	if root.Name.Local != plan.complex.Name || !d.inMetadata(root.Name) {
		return d.errorf("root element is <%s>, expected <%s>", qualifiedName(root.Name), plan.complex.Name)
	}
	for _, a := range root.Attr {
		if a.Name.Space == "" && a.Name.Local == "xmlns" && a.Value != Namespace {
			return d.errorf("root element is in namespace %q, expected %q", a.Value, Namespace)
		}
	}
	rv.Elem().SetZero()
	if err := d.decodeStruct(plan, rv.Elem(), root); err != nil {
		return err
	}
	return d.end()
}

// maxDepth is the deepest element nesting accepted. Metadata files nest a
// few levels. Without a limit, a hostile file costs memory that grows with
// the square of its depth when it is written back indented.
const maxDepth = 100

type decoder struct {
	xml   *xml.Decoder
	line  int // line at the end of the last token read
	start int // line at the start of the last token read
	depth int

	// prefixes maps each namespace prefix declared on the root element to
	// its URI, so that a kept element that uses one can declare it itself.
	prefixes map[string]string
}

// inMetadata reports whether an element name is in the metadata
// namespace: unprefixed, or with a prefix the root binds to it, as in
// <md:label> under xmlns:md="http://soap.sforce.com/2006/04/metadata".
func (d *decoder) inMetadata(name xml.Name) bool {
	return name.Space == "" || d.prefixes[name.Space] == Namespace
}

// declare records the namespace prefixes that start declares.
func (d *decoder) declare(start xml.StartElement) {
	for _, a := range start.Attr {
		if a.Name.Space == "xmlns" {
			if d.prefixes == nil {
				d.prefixes = map[string]string{}
			}
			d.prefixes[a.Name.Local] = a.Value
		}
	}
}

func (d *decoder) token() (xml.Token, error) {
	d.start = d.line
	tok, err := d.xml.RawToken()
	d.line, _ = d.xml.InputPos()
	if d.start == 0 {
		d.start = 1
	}
	if err == io.EOF {
		return nil, d.errorf("unexpected end of file")
	}
	if err != nil {
		var syntax *xml.SyntaxError
		if errors.As(err, &syntax) {
			return nil, &Error{Line: syntax.Line, Msg: "invalid XML: " + syntax.Msg}
		}
		return nil, &Error{Line: d.line, Msg: "invalid XML: " + err.Error()}
	}
	return tok, nil
}

// textError returns an error at the line where the text of t begins.
func (d *decoder) textError(t xml.CharData, msg string) *Error {
	lead := len(t) - len(bytes.TrimLeft(t, " \t\r\n"))
	return &Error{Line: d.start + bytes.Count(t[:lead], []byte("\n")), Msg: msg}
}

func (d *decoder) errorf(format string, args ...any) *Error {
	return &Error{Line: d.line, Msg: fmt.Sprintf(format, args...)}
}

// root skips the prolog and returns the root element's start tag.
func (d *decoder) root() (xml.StartElement, error) {
	for {
		tok, err := d.token()
		if err != nil {
			return xml.StartElement{}, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return t, nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return xml.StartElement{}, d.textError(t, "text before the root element")
			}
		}
	}
}

// end checks that nothing but space, comments and processing instructions
// follows the root element.
func (d *decoder) end() error {
	for {
		tok, err := d.xml.RawToken()
		if err == io.EOF {
			return nil
		}
		d.line, _ = d.xml.InputPos()
		if err != nil {
			return d.errorf("invalid XML after the root element: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return d.errorf("second root element <%s>", qualifiedName(t.Name))
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return d.errorf("text after the root element")
			}
		}
	}
}

func (d *decoder) decodeStruct(plan *structPlan, rv reflect.Value, start xml.StartElement) error {
	if err := d.enter(); err != nil {
		return err
	}
	defer d.leave()
	extra := rv.Field(plan.extraIndex).Addr().Interface().(*Extra)
	extra.Line = d.line
	seen := make([]bool, len(plan.complex.Elements))
	after := ""
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name != start.Name {
				return d.errorf("element <%s> closed by </%s>", qualifiedName(start.Name), qualifiedName(t.Name))
			}
			for _, fp := range plan.fields {
				if (fp.kind == kindBool || fp.kind == kindInt) && !seen[plan.slot[fp.name]] {
					extra.Missing = append(extra.Missing, fp.name)
				}
			}
			return nil
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				return d.textError(t, fmt.Sprintf("unexpected text %q in <%s>", truncate(string(t)), qualifiedName(start.Name)))
			}
		case xml.StartElement:
			fp := plan.byName[t.Name.Local]
			slot := plan.slot[t.Name.Local]
			keep := fp == nil || !d.inMetadata(t.Name) || isNil(t) || hasAttributes(t) ||
				(seen[slot] && fp.kind != kindStructSlice && fp.kind != kindStringSlice)
			if keep {
				el, err := d.capture(t)
				if err != nil {
					return err
				}
				// A nil or attributed element of a modelled name replaces
				// that field, which must then not be written as well.
				replaces := fp != nil && d.inMetadata(t.Name) && !seen[slot]
				extra.Unknown = append(extra.Unknown, Unknown{After: after, Element: el, Replaces: replaces})
				if replaces {
					seen[slot] = true
				}
				continue
			}
			replacement, err := d.decodeField(fp, rv.Field(fp.index), t)
			if err != nil {
				return err
			}
			if replacement != nil {
				extra.Unknown = append(extra.Unknown, Unknown{After: after, Element: replacement, Replaces: true})
				seen[slot] = true
				continue
			}
			seen[slot] = true
			after = fp.name
		}
	}
}

// hasAttributes reports whether start carries attributes other than
// namespace declarations, which a typed field cannot hold.
func hasAttributes(start xml.StartElement) bool {
	for _, a := range start.Attr {
		if a.Name.Space != "xmlns" && !(a.Name.Space == "" && a.Name.Local == "xmlns") {
			return true
		}
	}
	return false
}

// decodeField decodes one child element into its field. It returns the
// element instead when the field cannot hold it, such as a text field whose
// element has child elements or no text.
func (d *decoder) decodeField(fp *fieldPlan, fv reflect.Value, start xml.StartElement) (*etree.Element, error) {
	switch fp.kind {
	case kindStruct:
		v := reflect.New(fv.Type().Elem())
		if err := d.decodeStruct(fp.elem, v.Elem(), start); err != nil {
			return nil, err
		}
		fv.Set(v)
		return nil, nil
	case kindStructSlice:
		fv.Grow(1)
		fv.SetLen(fv.Len() + 1)
		if err := d.decodeStruct(fp.elem, fv.Index(fv.Len()-1), start); err != nil {
			return nil, err
		}
		return nil, nil
	}

	line := d.line
	text, el, err := d.text(start)
	if err != nil || el != nil {
		return el, err
	}
	switch fp.kind {
	case kindString:
		if text == "" {
			return emptyElement(start), nil
		}
		fv.SetString(text)
	case kindStringSlice:
		fv.Set(reflect.Append(fv, reflect.ValueOf(text).Convert(fv.Type().Elem())))
	case kindBool, kindBoolPtr:
		b, err := strconv.ParseBool(strings.TrimSpace(text))
		if err != nil || !isBoolText(strings.TrimSpace(text)) {
			return nil, &Error{Line: line, Msg: fmt.Sprintf("invalid boolean %q in <%s>; use true or false", text, fp.name)}
		}
		if fp.kind == kindBool {
			fv.SetBool(b)
		} else {
			fv.Set(reflect.ValueOf(&b))
		}
	case kindInt, kindIntPtr:
		n, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			return nil, &Error{Line: line, Msg: fmt.Sprintf("invalid integer %q in <%s>", text, fp.name)}
		}
		if fp.kind == kindInt {
			fv.SetInt(int64(n))
		} else {
			fv.Set(reflect.ValueOf(&n))
		}
	}
	return nil, nil
}

func isBoolText(s string) bool {
	return s == "true" || s == "false" || s == "1" || s == "0"
}

// text reads the text content of a leaf element up to its end tag. When the
// element turns out to have child elements, text returns it whole as an
// etree element instead.
func (d *decoder) text(start xml.StartElement) (string, *etree.Element, error) {
	var b strings.Builder
	for {
		tok, err := d.token()
		if err != nil {
			return "", nil, err
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			if t.Name != start.Name {
				return "", nil, d.errorf("element <%s> closed by </%s>", qualifiedName(start.Name), qualifiedName(t.Name))
			}
			return b.String(), nil, nil
		case xml.StartElement:
			el := newElement(start)
			if b.Len() > 0 {
				el.SetText(b.String())
			}
			child, err := d.capture(t)
			if err != nil {
				return "", nil, err
			}
			el.AddChild(child)
			if err := d.captureChildren(el, start); err != nil {
				return "", nil, err
			}
			return "", el, nil
		}
	}
}

// capture reads the element that start opens, with everything in it, and
// declares on it the root's namespace prefixes that it uses.
func (d *decoder) capture(start xml.StartElement) (*etree.Element, error) {
	el := newElement(start)
	if err := d.captureChildren(el, start); err != nil {
		return nil, err
	}
	if err := d.declarePrefixes(el); err != nil {
		return nil, err
	}
	return el, nil
}

// declarePrefixes adds to el a declaration of each namespace prefix that
// el or its children use and do not declare, other than xsi, which the
// writer declares on the root. A prefix that nothing declares is an error.
func (d *decoder) declarePrefixes(el *etree.Element) error {
	used := map[string]bool{}
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		if e.Space != "" {
			used[e.Space] = true
		}
		for _, a := range e.Attr {
			if a.Space != "" && a.Space != "xmlns" {
				used[a.Space] = true
			}
		}
		for _, c := range e.ChildElements() {
			walk(c)
		}
	}
	walk(el)
	for prefix := range used {
		if prefix == "xsi" || prefix == "xml" || declaresPrefix(el, prefix) {
			continue
		}
		uri, ok := d.prefixes[prefix]
		if !ok {
			return d.errorf("namespace prefix %q of <%s> is not declared", prefix, el.FullTag())
		}
		el.CreateAttr("xmlns:"+prefix, uri)
	}
	return nil
}

// declaresPrefix reports whether el or one of its descendants declares
// prefix. A declaration lower down does not cover el itself, but a file
// that does this is rare enough to keep as it is.
func declaresPrefix(el *etree.Element, prefix string) bool {
	for _, a := range el.Attr {
		if a.Space == "xmlns" && a.Key == prefix {
			return true
		}
	}
	for _, c := range el.ChildElements() {
		if declaresPrefix(c, prefix) {
			return true
		}
	}
	return false
}

func (d *decoder) enter() error {
	d.depth++
	if d.depth > maxDepth {
		return d.errorf("elements nest more than %d levels deep; no metadata file does", maxDepth)
	}
	return nil
}

func (d *decoder) leave() { d.depth-- }

func (d *decoder) captureChildren(el *etree.Element, start xml.StartElement) error {
	if err := d.enter(); err != nil {
		return err
	}
	defer d.leave()
	for {
		tok, err := d.token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.CharData:
			el.CreateText(string(t))
		case xml.StartElement:
			child := newElement(t)
			if err := d.captureChildren(child, t); err != nil {
				return err
			}
			el.AddChild(child)
		case xml.EndElement:
			if t.Name != start.Name {
				return d.errorf("element <%s> closed by </%s>", qualifiedName(start.Name), qualifiedName(t.Name))
			}
			return nil
		}
	}
}

func newElement(start xml.StartElement) *etree.Element {
	el := etree.NewElement(qualifiedName(start.Name))
	for _, a := range start.Attr {
		if (a.Name.Space == "" && a.Name.Local == "xmlns") || (a.Name.Space == "xmlns" && a.Name.Local == "xsi") {
			continue
		}
		el.CreateAttr(qualifiedName(a.Name), a.Value)
	}
	return el
}

func emptyElement(start xml.StartElement) *etree.Element {
	return newElement(start)
}

// isNil reports whether start carries xsi:nil="true".
func isNil(start xml.StartElement) bool {
	for _, a := range start.Attr {
		if a.Name.Local == "nil" && a.Name.Space != "" && strings.TrimSpace(a.Value) == "true" {
			return true
		}
	}
	return false
}

func qualifiedName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func truncate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return s[:40] + "..."
	}
	return s
}
