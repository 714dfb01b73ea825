package audit

import (
	"bytes"
	"fmt"
	"html"
	"strings"

	"github.com/sfharden/sfharden/internal/mdxml"
)

// Profiles and permission sets are most of the bytes of a retrieve, and the
// rules need only a few of their elements. scanAccess reads those elements
// straight from the bytes and checks that the file is well formed as it
// goes. BenchmarkAudit shows it reading faster than a bare encoding/xml
// token scan of the same files.
//
// A prefixed element name such as <md:userPermissions> is resolved through
// the xmlns:md declarations of its own and enclosing start tags: a prefix
// bound to the metadata namespace reads as the unprefixed name, any other
// as an element the rules ignore, and an unbound prefix is an error.
//
// NOTE: scanAccess checks less than mdxml does: it does not validate
// attribute syntax or character ranges, it takes unprefixed names to be
// in the metadata namespace even under another default xmlns, and it
// ignores elements it does not read. A file that mdxml rejects for those reasons is
// audited rather than reported as unreadable.

// accessScan holds the entries of a Profile or PermissionSet that
// scanAccess keeps.
type accessScan struct {
	fullName    string
	userLicense string
	line        int // line of the root start tag
	users       []userPermission
	objects     []objectPermission
	fields      []fieldPermission
	ranges      []loginRange
}

// scanner walks the tags of one document and counts lines as it goes.
type scanner struct {
	data    []byte
	pos     int
	line    int // line of data[counted]
	counted int
}

// lineAt returns the line of data[p]; p never decreases between calls.
func (s *scanner) lineAt(p int) int {
	s.line += bytes.Count(s.data[s.counted:p], []byte{'\n'})
	s.counted = p
	return s.line
}

func (s *scanner) errorf(p int, format string, args ...any) error {
	return &mdxml.Error{Line: s.lineAt(p), Msg: fmt.Sprintf(format, args...)}
}

// skipPast moves past the next occurrence of end, or fails at the end of
// the data.
func (s *scanner) skipPast(end string, what string) error {
	i := bytes.Index(s.data[s.pos:], []byte(end))
	if i < 0 {
		return s.errorf(len(s.data), "invalid XML: unexpected end of file in %s", what)
	}
	s.pos += i + len(end)
	return nil
}

// tagEnd returns the index of the '>' that closes the tag starting at
// s.pos, skipping '>' inside quoted attribute values.
func (s *scanner) tagEnd() int {
	quote := byte(0)
	for i := s.pos; i < len(s.data); i++ {
		c := s.data[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// scanAccess reads a Profile (root "Profile") or PermissionSet (root
// "PermissionSet") file.
func scanAccess(data []byte, root string) (*accessScan, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	s := &scanner{data: data, line: 1}
	out := &accessScan{}

	var (
		stack    [][]byte // names of the open elements as written, as slices of data
		locals   [][]byte // the same names with a metadata namespace prefix removed
		prefixes prefixScope
		text     []byte
		capture  bool
		sawRoot  bool
		entry    string // depth-2 element being read
		entryAt  int
		values   entryValues
		leafName []byte
	)
	for {
		i := bytes.IndexByte(data[s.pos:], '<')
		chunk := data[s.pos:]
		if i >= 0 {
			chunk = data[s.pos : s.pos+i]
		}
		if capture {
			text = append(text, chunk...)
		} else if len(stack) <= 1 && len(bytes.TrimSpace(chunk)) > 0 {
			where := "before the root element"
			if sawRoot && len(stack) == 0 {
				where = "after the root element"
			} else if len(stack) == 1 {
				where = "in <" + root + ">"
			}
			return nil, s.errorf(s.pos, "unexpected text %q %s", truncateText(chunk), where)
		}
		if i < 0 {
			if len(stack) > 0 || !sawRoot {
				return nil, s.errorf(len(data), "unexpected end of file")
			}
			return out, nil
		}
		s.pos += i
		start := s.pos
		rest := data[s.pos:]

		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			if err := s.skipPast("?>", "a processing instruction"); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(rest, []byte("<!--")):
			if err := s.skipPast("-->", "a comment"); err != nil {
				return nil, err
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			s.pos += len("<![CDATA[")
			j := bytes.Index(data[s.pos:], []byte("]]>"))
			if j < 0 {
				return nil, s.errorf(len(data), "invalid XML: unexpected end of file in CDATA section")
			}
			if capture {
				text = append(text, data[s.pos:s.pos+j]...)
			}
			s.pos += j + 3
		case bytes.HasPrefix(rest, []byte("</")):
			end := s.tagEnd()
			if end < 0 {
				return nil, s.errorf(len(data), "invalid XML: unexpected end of file in an end tag")
			}
			name := bytes.TrimSpace(data[s.pos+2 : end])
			s.pos = end + 1
			if len(stack) == 0 {
				return nil, s.errorf(start, "invalid XML: unexpected end element </%s>", name)
			}
			open := stack[len(stack)-1]
			if !bytes.Equal(open, name) {
				return nil, s.errorf(start, "element <%s> closed by </%s>", open, name)
			}
			name = locals[len(locals)-1]
			stack, locals = stack[:len(stack)-1], locals[:len(locals)-1]
			prefixes.pop(len(stack))
			depth := len(stack) + 1
			switch {
			case capture && depth == 3:
				values.set(leafName, text)
			case capture && depth == 2:
				switch string(name) {
				case "fullName":
					out.fullName = strings.TrimSpace(decodeText(text))
				case "userLicense":
					out.userLicense = strings.TrimSpace(decodeText(text))
				}
			case depth == 2 && entry != "":
				if err := out.addEntry(entry, entryAt, &values); err != nil {
					return nil, err
				}
				entry = ""
			}
			capture = false
		default:
			end := s.tagEnd()
			if end < 0 {
				return nil, s.errorf(len(data), "invalid XML: unexpected end of file in a start tag")
			}
			tag := data[s.pos+1 : end]
			selfClosing := len(tag) > 0 && tag[len(tag)-1] == '/'
			if selfClosing {
				tag = tag[:len(tag)-1]
			}
			nameEnd := 0
			for nameEnd < len(tag) && tag[nameEnd] != ' ' && tag[nameEnd] != '\t' && tag[nameEnd] != '\r' && tag[nameEnd] != '\n' {
				nameEnd++
			}
			name := tag[:nameEnd]
			if !validName(name) {
				return nil, s.errorf(start, "invalid XML: invalid element name %q", truncateText(name))
			}

			s.pos = end + 1
			depth := len(stack) + 1
			raw := name
			if bytes.Contains(tag[nameEnd:], []byte("xmlns:")) {
				prefixes.declare(depth, tag[nameEnd:])
			}
			if colon := bytes.IndexByte(name, ':'); colon >= 0 {
				space, ok := prefixes.lookup(name[:colon])
				switch {
				case !ok:
					return nil, s.errorf(start, "invalid XML: element <%s> uses the undeclared namespace prefix %q", name, name[:colon])
				case space == metadataNamespace:
					name = name[colon+1:]
				}
			}
			if depth == 1 {
				if sawRoot {
					return nil, s.errorf(start, "second root element <%s>", name)
				}
				if string(name) != root {
					return nil, s.errorf(start, "root element is <%s>, expected <%s>", raw, root)
				}
				sawRoot = true
				out.line = s.lineAt(start)
			}
			capture = false
			if selfClosing {
				prefixes.pop(depth - 1)
				if depth == 1 {
					return out, nil
				}
				continue
			}
			stack, locals = append(stack, raw), append(locals, name)
			switch depth {
			case 2:
				switch string(name) {
				case "userPermissions", "objectPermissions", "fieldPermissions", "loginIpRanges":
					entry, entryAt = string(name), s.lineAt(start)
					values.reset()
				case "fullName", "userLicense":
					capture, text = true, text[:0]
				}
			case 3:
				if entry != "" {
					capture, text, leafName = true, text[:0], name
				}
			}
		}
	}
}

// metadataNamespace is the XML namespace of Metadata API files.
const metadataNamespace = "http://soap.sforce.com/2006/04/metadata"

// prefixScope holds the namespace prefixes declared by the open elements.
type prefixScope struct {
	decls []prefixDecl
}

type prefixDecl struct {
	depth         int // depth of the element that declares it
	prefix, space string
}

// declare records the xmlns:prefix="uri" attributes of a start tag at depth.
func (p *prefixScope) declare(depth int, attrs []byte) {
	for {
		i := bytes.Index(attrs, []byte("xmlns:"))
		if i < 0 {
			return
		}
		attrs = attrs[i+len("xmlns:"):]
		eq := bytes.IndexByte(attrs, '=')
		if eq < 0 {
			return
		}
		prefix := string(bytes.TrimSpace(attrs[:eq]))
		rest := bytes.TrimLeft(attrs[eq+1:], " \t\r\n")
		if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
			return
		}
		end := bytes.IndexByte(rest[1:], rest[0])
		if end < 0 {
			return
		}
		p.decls = append(p.decls, prefixDecl{depth: depth, prefix: prefix, space: decodeText(rest[1 : 1+end])})
		attrs = rest[1+end:]
	}
}

// lookup returns the namespace that prefix is bound to, innermost first.
func (p *prefixScope) lookup(prefix []byte) (string, bool) {
	for i := len(p.decls) - 1; i >= 0; i-- {
		if p.decls[i].prefix == string(prefix) {
			return p.decls[i].space, true
		}
	}
	return "", false
}

// pop drops the declarations of the elements deeper than depth.
func (p *prefixScope) pop(depth int) {
	for len(p.decls) > 0 && p.decls[len(p.decls)-1].depth > depth {
		p.decls = p.decls[:len(p.decls)-1]
	}
}

// entryValues holds the text of the children of one entry, in a reused
// buffer, so reading an entry allocates only the strings it keeps.
type entryValues struct {
	names [][]byte
	texts [][]byte
}

func (v *entryValues) reset() {
	v.names, v.texts = v.names[:0], v.texts[:0]
}

func (v *entryValues) set(name, text []byte) {
	for i, n := range v.names {
		if bytes.Equal(n, name) {
			v.texts[i] = append(v.texts[i][:0], text...)
			return
		}
	}
	v.names = append(v.names, name)
	if len(v.texts) < cap(v.texts) {
		v.texts = v.texts[:len(v.texts)+1]
		v.texts[len(v.texts)-1] = append(v.texts[len(v.texts)-1][:0], text...)
		return
	}
	v.texts = append(v.texts, append([]byte(nil), text...))
}

func (v *entryValues) get(name string) ([]byte, bool) {
	for i, n := range v.names {
		if string(n) == name {
			return v.texts[i], true
		}
	}
	return nil, false
}

// addEntry appends one depth-2 entry read into values.
func (out *accessScan) addEntry(entry string, line int, values *entryValues) error {
	flag := func(name string) (bool, error) {
		v, ok := values.get(name)
		if !ok {
			return false, nil
		}
		switch string(bytes.TrimSpace(v)) {
		case "true", "1":
			return true, nil
		case "false", "0":
			return false, nil
		}
		return false, &mdxml.Error{Line: line, Msg: fmt.Sprintf("invalid boolean %q in <%s>; use true or false", v, name)}
	}
	var err error
	get := func(name string) bool {
		b, e := flag(name)
		if err == nil {
			err = e
		}
		return b
	}
	raw := func(name string) string {
		v, _ := values.get(name)
		return decodeText(v)
	}
	trimmed := func(name string) string { return strings.TrimSpace(raw(name)) }

	switch entry {
	case "userPermissions":
		out.users = append(out.users, userPermission{name: trimmed("name"), enabled: get("enabled"), line: line})
	case "objectPermissions":
		out.objects = append(out.objects, objectPermission{object: trimmed("object"), read: get("allowRead"),
			create: get("allowCreate"), edit: get("allowEdit"), delete: get("allowDelete"),
			viewAll: get("viewAllRecords"), modifyAll: get("modifyAllRecords"), line: line})
	case "fieldPermissions":
		out.fields = append(out.fields, fieldPermission{field: trimmed("field"), readable: get("readable"), editable: get("editable"), line: line})
	case "loginIpRanges":
		out.ranges = append(out.ranges, loginRange{Start: raw("startAddress"), End: raw("endAddress"), Line: line})
	}
	return err
}

// decodeText resolves the entities of element text; encoding/xml with
// HTML entities, which mdxml uses, accepts the same ones.
func decodeText(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return html.UnescapeString(string(b))
}

// validName reports whether name can be an XML element name: it starts with
// a letter, '_' or ':' and holds no markup characters.
func validName(name []byte) bool {
	if len(name) == 0 || bytes.ContainsAny(name, "<>&\"'=") {
		return false
	}
	c := name[0]
	return c == '_' || c == ':' || c >= 0x80 || (c|0x20 >= 'a' && c|0x20 <= 'z')
}

func truncateText(b []byte) string {
	t := strings.TrimSpace(string(b))
	if len(t) > 40 {
		return t[:40] + "..."
	}
	return t
}
