// Package schema holds the element order, occurrence and enumeration tables
// of the Salesforce Metadata API types that sfharden reads and writes.
//
// The tables are generated from the Metadata API WSDL by the command in gen/
// (go generate, with SFHARDEN_WSDL naming the WSDL file), so the order in
// which sfharden writes child elements is the WSDL's xsd:sequence order, not
// an order chosen by hand.
package schema
