package project

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sfharden/sfharden/internal/registry"
	"github.com/sfharden/sfharden/pkgxml"
)

// childType is a child type stored as its own file next to or below its
// parent: CustomField in objects/Account/fields/, BotVersion in bots/Chat/.
type childType struct {
	child  registry.Type
	parent registry.Type
}

var (
	// childrenBySuffix maps a child file suffix ("field") to the child types
	// of decomposed parents that use it.
	childrenBySuffix = map[string][]childType{}

	// knownSuffixes contains every suffix, legacy suffix and metadata file
	// suffix of the registry, child types included.
	knownSuffixes = map[string]bool{}
)

func init() {
	for _, t := range registry.Types() {
		for _, s := range []string{t.Suffix, t.LegacySuffix} {
			if s != "" {
				knownSuffixes[s] = true
			}
		}
		for _, name := range t.Children {
			child, ok := registry.ByName(name)
			if !ok || child.Suffix == "" {
				continue
			}
			knownSuffixes[child.Suffix] = true
			if t.Decomposition == "folderPerType" || t.Decomposition == "topLevel" {
				childrenBySuffix[child.Suffix] = append(childrenBySuffix[child.Suffix], childType{child: child, parent: t})
			}
		}
	}
}

// childFile is the component that a child type's file describes.
type childFile struct {
	typ      registry.Type
	member   string // as the file and folder names spell it
	fullName string // decoded
}

// forChildPath finds the child component of a source-format file of a
// decomposed parent. A parent decomposed folderPerType keeps each child
// type in a folder of its own: objects/Account/fields/Industry.field-meta.xml
// is the CustomField "Account.Industry". A parent decomposed topLevel keeps
// its children beside its own file: bots/Chat/v1.botVersion-meta.xml is the
// BotVersion "Chat.v1". The parent's and the child's names are taken from
// the folder and file names separately, so a dot encoded in either one
// ("Acc%2Eount") stays in its part.
func forChildPath(rel string) (childFile, bool) {
	segments := strings.Split(filepath.ToSlash(rel), "/")
	if len(segments) < 3 {
		return childFile{}, false
	}
	stem, ok := strings.CutSuffix(segments[len(segments)-1], registry.MetaXMLSuffix)
	if !ok {
		return childFile{}, false
	}
	dot := strings.LastIndexByte(stem, '.')
	if dot <= 0 {
		return childFile{}, false
	}
	name, suffix := stem[:dot], stem[dot+1:]
	at := func(fromEnd int) string {
		if fromEnd > len(segments) {
			return ""
		}
		return segments[len(segments)-fromEnd]
	}
	for _, c := range childrenBySuffix[suffix] {
		var parentName string
		switch c.parent.Decomposition {
		case "folderPerType":
			if at(2) != c.child.DirectoryName || at(4) != c.parent.DirectoryName {
				continue
			}
			parentName = at(3)
		case "topLevel":
			if at(3) != c.parent.DirectoryName {
				continue
			}
			parentName = at(2)
		}
		return childFile{
			typ:      c.child,
			member:   parentName + "." + name,
			fullName: pkgxml.DecodeMember(parentName) + "." + pkgxml.DecodeMember(name),
		}, true
	}
	return childFile{}, false
}

// hasElementChildren reports whether a file of type t holds child components
// as elements, as a CustomLabels file holds CustomLabel elements.
func hasElementChildren(t registry.Type) bool {
	if t.IsDecomposed() {
		return false
	}
	for _, name := range t.Children {
		if child, ok := registry.ByName(name); ok && child.XMLElementName != "" && child.UniqueIDElement != "" {
			return true
		}
	}
	return false
}

// readElementChildren returns the child components that the file of parent,
// of type t, holds as elements directly below its root: each element named
// after a child type's XMLElementName is one child, named by the text of its
// UniqueIDElement element. As the sf CLI does, the child's member is that
// text without surrounding white space and otherwise unchanged, after
// "<parent member>." unless the child type ignores its parent's name. A child
// element without a name is an error.
func readElementChildren(file string, t registry.Type, parent Component) ([]Component, error) {
	byElement := map[string]registry.Type{}
	for _, name := range t.Children {
		child, ok := registry.ByName(name)
		if ok && child.XMLElementName != "" && child.UniqueIDElement != "" && !child.NotAddressable {
			byElement[child.XMLElementName] = child
		}
	}

	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	decoder := xml.NewDecoder(bytes.NewReader(data))
	var (
		children []Component
		depth    int
		current  registry.Type // child type of the element being read, if any
		inChild  bool
		idText   *strings.Builder
		childID  string
		idFound  bool
		line     int
	)
	for {
		token, err := decoder.Token()
		if err == io.EOF {
			return children, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		switch tok := token.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 2:
				current, inChild = byElement[tok.Name.Local]
				childID, idFound = "", false
				line, _ = decoder.InputPos()
			case depth == 3 && inChild && tok.Name.Local == current.UniqueIDElement:
				idText = &strings.Builder{}
			}
		case xml.CharData:
			if idText != nil {
				idText.Write(tok)
			}
		case xml.EndElement:
			if depth == 3 && idText != nil {
				childID, idFound = strings.TrimSpace(idText.String()), true
				idText = nil
			}
			if depth == 2 && inChild {
				if !idFound || childID == "" {
					return nil, fmt.Errorf("%s:%d: %s element has no <%s>: give each %s a name", file, line, current.XMLElementName, current.UniqueIDElement, current.Name)
				}
				children = append(children, elementChild(current, parent, childID))
				inChild = false
			}
			depth--
		}
	}
}

// elementChild returns the child component named id of parent.
func elementChild(child registry.Type, parent Component, id string) Component {
	c := Component{Type: child.Name, FullName: id, Member: id, Path: parent.Path}
	if !child.IgnoreParentName {
		c.FullName = parent.FullName + "." + id
		c.Member = parent.Member + "." + id
	}
	return c
}
