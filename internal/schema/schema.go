package schema

//go:generate go run ./gen -wsdl ${SFHARDEN_WSDL} -o zz_generated.go

// Element is one child element of a complex type, in sequence order.
type Element struct {
	Name     string
	Type     string // local type name: "string", "boolean", "int" or a WSDL type
	Optional bool   // minOccurs="0"
	Repeated bool   // maxOccurs="unbounded"
	Nillable bool
}

// ComplexType is a WSDL complex type with the elements of its base types
// first, so Elements is the order in which the Metadata API writes them.
type ComplexType struct {
	Name     string
	Base     string
	Elements []Element
}

// Index returns the position of the element called name, or -1.
func (ct *ComplexType) Index(name string) int {
	for i, el := range ct.Elements {
		if el.Name == name {
			return i
		}
	}
	return -1
}

// Lookup returns the complex type called name. Only the metadata types that
// sfharden models, and the types they reach, are in the table.
func Lookup(name string) (*ComplexType, bool) {
	ct, ok := complexTypes[name]
	return ct, ok
}

// Enumeration returns the allowed values of the simple type called name, in
// WSDL order.
func Enumeration(name string) ([]string, bool) {
	values, ok := enumerations[name]
	return values, ok
}
