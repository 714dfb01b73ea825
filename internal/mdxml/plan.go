package mdxml

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/sfharden/sfharden/internal/schema"
)

// kind is how a Go field maps to a child element.
type kind int

const (
	kindString kind = iota
	kindBool
	kindBoolPtr
	kindInt
	kindIntPtr
	kindStruct      // pointer to a struct: one nested element
	kindStructSlice // slice of structs: a repeated nested element
	kindStringSlice // slice of strings: a repeated text element
)

// fieldPlan maps one Go field to one child element.
type fieldPlan struct {
	name     string // element name
	index    int    // Go field index
	kind     kind
	element  schema.Element
	elem     *structPlan // for kindStruct and kindStructSlice
	sortKeys []string    // element names whose text sorts a repeated element
	sortIP   bool        // compare the single sort key as an IP address
}

// structPlan maps a Go struct type to a Metadata API complex type.
type structPlan struct {
	typ        reflect.Type
	complex    *schema.ComplexType
	extraIndex int
	fields     []*fieldPlan // in schema sequence order
	byName     map[string]*fieldPlan
	slot       map[string]int // schema position of every element name
}

var (
	extraType = reflect.TypeFor[Extra]()
	plans     sync.Map // reflect.Type -> *structPlan
	planMu    sync.Mutex
)

// planFor returns the plan of struct type t, building it on first use.
// A struct that does not follow the conventions in the package doc is a
// programming error, so planFor panics on it.
func planFor(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	planMu.Lock()
	defer planMu.Unlock()
	p, err := buildPlan(t, map[reflect.Type]*structPlan{})
	if err != nil {
		panic("mdxml: " + err.Error())
	}
	return p
}

// CheckType reports whether the struct type of v follows the conventions in
// the package doc and matches the schema tables. Tests call it for every
// modelled type.
func CheckType(v any) error {
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	planMu.Lock()
	defer planMu.Unlock()
	_, err := buildPlan(t, map[reflect.Type]*structPlan{})
	return err
}

func buildPlan(t reflect.Type, building map[reflect.Type]*structPlan) (*structPlan, error) {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan), nil
	}
	if p, ok := building[t]; ok {
		return p, nil
	}
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("%s is not a struct", t)
	}
	p := &structPlan{typ: t, extraIndex: -1, byName: map[string]*fieldPlan{}, slot: map[string]int{}}
	building[t] = p

	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == extraType {
			typeName := f.Tag.Get("mdxml")
			ct, ok := schema.Lookup(typeName)
			if !ok {
				return nil, fmt.Errorf("%s.%s: complex type %q is not in the schema tables", t, f.Name, typeName)
			}
			p.complex = ct
			p.extraIndex = i
		}
	}
	if p.complex == nil {
		return nil, fmt.Errorf("%s has no Extra field tagged with its complex type", t)
	}
	for i, el := range p.complex.Elements {
		if _, dup := p.slot[el.Name]; !dup {
			p.slot[el.Name] = i
		}
	}

	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("xml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		slot, ok := p.slot[name]
		if !ok {
			return nil, fmt.Errorf("%s.%s: element %q is not in complex type %s", t, f.Name, name, p.complex.Name)
		}
		fp := &fieldPlan{name: name, index: i, element: p.complex.Elements[slot]}
		if err := classify(fp, f, building); err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
		}
		if _, dup := p.byName[name]; dup {
			return nil, fmt.Errorf("%s.%s: element %q is mapped twice", t, f.Name, name)
		}
		p.byName[name] = fp
		p.fields = append(p.fields, fp)
	}
	sortFields(p)
	plans.Store(t, p)
	return p, nil
}

func sortFields(p *structPlan) {
	fields := p.fields
	for i := 1; i < len(fields); i++ {
		for j := i; j > 0 && p.slot[fields[j].name] < p.slot[fields[j-1].name]; j-- {
			fields[j], fields[j-1] = fields[j-1], fields[j]
		}
	}
}

func classify(fp *fieldPlan, f reflect.StructField, building map[reflect.Type]*structPlan) error {
	el := fp.element
	t := f.Type
	switch {
	case t.Kind() == reflect.String:
		fp.kind = kindString
	case t.Kind() == reflect.Bool:
		fp.kind = kindBool
	case t.Kind() == reflect.Int:
		fp.kind = kindInt
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Bool:
		fp.kind = kindBoolPtr
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Int:
		fp.kind = kindIntPtr
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct:
		fp.kind = kindStruct
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Struct:
		fp.kind = kindStructSlice
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		fp.kind = kindStringSlice
	default:
		return fmt.Errorf("unsupported Go type %s", t)
	}

	repeated := fp.kind == kindStructSlice || fp.kind == kindStringSlice
	if repeated != el.Repeated {
		return fmt.Errorf("element %q: repeated is %t in the schema but the Go type is %s", el.Name, el.Repeated, t)
	}
	if !el.Optional && (fp.kind == kindBoolPtr || fp.kind == kindIntPtr) {
		return fmt.Errorf("element %q is required, so its Go type must not be a pointer", el.Name)
	}
	switch fp.kind {
	case kindBool, kindBoolPtr:
		if el.Type != "boolean" {
			return fmt.Errorf("element %q has schema type %s, not boolean", el.Name, el.Type)
		}
	case kindInt, kindIntPtr:
		if el.Type != "int" && el.Type != "long" {
			return fmt.Errorf("element %q has schema type %s, not int", el.Name, el.Type)
		}
	case kindStruct, kindStructSlice:
		elem, err := buildPlan(t.Elem(), building)
		if err != nil {
			return err
		}
		if elem.complex.Name != el.Type {
			return fmt.Errorf("element %q has schema type %s, but %s models %s", el.Name, el.Type, t.Elem(), elem.complex.Name)
		}
		fp.elem = elem
	}

	if keys := f.Tag.Get("sort"); keys != "" {
		if !repeated {
			return fmt.Errorf("sort tag on element %q, which is not repeated", el.Name)
		}
		if rest, ok := strings.CutPrefix(keys, "ip:"); ok {
			fp.sortIP = true
			keys = rest
		}
		fp.sortKeys = strings.Split(keys, ",")
		if fp.kind == kindStructSlice {
			for _, k := range fp.sortKeys {
				if _, ok := fp.elem.byName[k]; !ok {
					return fmt.Errorf("sort key %q is not a modelled element of %s", k, fp.elem.complex.Name)
				}
			}
		}
	}
	return nil
}
