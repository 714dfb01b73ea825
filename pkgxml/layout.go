package pkgxml

import "strings"

// LayoutName returns the decoded fullName of a page layout: the object, a
// dash, and the layout name prefixed with the namespace of the package that
// owns the layout. A layout from the managed package "acme" on the object
// "acme__Shipment__c" is "acme__Shipment__c-acme__Shipment Layout"; the same
// layout created in the subscriber org (namespace "") is
// "acme__Shipment__c-Shipment Layout".
//
// The namespace is the layout's, which the object's prefix does not tell:
// a subscriber can add a layout to a managed object, and a package can add
// one to a standard object. LayoutName never derives it from the object.
// A layout name that already starts with the namespace prefix is not
// prefixed again.
func LayoutName(object, layout, namespace string) string {
	if namespace != "" && !strings.HasPrefix(layout, namespace+"__") {
		layout = namespace + "__" + layout
	}
	return object + "-" + layout
}

// LayoutMember returns [LayoutName] encoded as a package.xml Layout member,
// the same string a profile's layoutAssignments uses:
// "Account-Account %28Marketing%29 Layout".
func LayoutMember(object, layout, namespace string) string {
	return EncodeMember("Layout", LayoutName(object, layout, namespace))
}
