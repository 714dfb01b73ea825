// Package mdxml reads and writes Salesforce metadata XML in the exact form
// that a Salesforce org returns on retrieve.
//
// Metadata types are plain Go structs. Each struct has a field
//
//	Extra mdxml.Extra `mdxml:"ProfileObjectPermissions"`
//
// whose tag names the Metadata API complex type the struct models, and one
// field per modelled child element, tagged with the element name:
//
//	Object    string `xml:"object"`
//	AllowRead bool   `xml:"allowRead"`
//	Custom    *bool  `xml:"custom"`
//	Fields    []FieldPermission `xml:"fieldPermissions" sort:"field"`
//
// A required scalar is a plain value and is always written; an optional
// scalar is a pointer, written when non-nil; a string is written when it is
// not empty. A repeated element is a slice, written in the order its sort tag
// gives (child element names whose text forms the key, compared byte-wise;
// "value" for a slice of strings; an "ip:" prefix compares addresses as
// numbers) or, without a sort tag, in slice order. A nested complex type is a
// pointer to a struct, or a slice of structs when repeated.
//
// [Marshal] writes child elements in the Metadata API's sequence order for the
// type, taken from the generated tables of package schema. [Unmarshal]
// accepts any element order, CRLF line ends, a byte-order mark, CDATA, HTML
// entities such as &nbsp; and xsi:nil. An element that a struct does not
// model, or that it cannot hold (a nil value, a duplicate of a single
// element, an element where text was expected), is kept in Extra.Unknown
// with the name of the known element it followed, and is written back at
// that place, so nothing read is lost. Comments and processing instructions
// are not kept: a retrieve never contains them.
package mdxml
