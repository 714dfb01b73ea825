// Package testenv gives tests the external files and tools they check
// sfharden output against: the Salesforce Metadata API schema and WSDL, the
// corpus of retrieved metadata, the reference samples, the transaction
// security references, xmllint and the Salesforce CLI (sf).
//
// Each file or folder comes from an environment variable:
//
//	SFHARDEN_SCHEMA   metadata-v66.xsd, read by [Schema] and [ValidateXML]
//	SFHARDEN_WSDL     metadata-v66.wsdl, read by [WSDL]
//	SFHARDEN_CORPUS   folder of retrieved metadata, read by [Corpus]
//	SFHARDEN_SAMPLES  folder of reference samples, read by [Samples]
//	SFHARDEN_TXNSEC   folder of transaction security policies, read by [TxnSec]
//
// .ci/run sets all of them. When a variable is unset, names a path that does
// not exist, or a tool is not installed, the helper skips the calling test
// with a message that names what is missing. When SFHARDEN_REQUIRE_TOOLS is
// true (as strconv.ParseBool reads it), the helper fails the test instead,
// so CI cannot pass by skipping.
//
// [ValidateXML] and [ValidateXMLBytes] check documents against the schema
// with xmllint and report each invalid document with xmllint's own message.
// [RunSF] runs the Salesforce CLI offline with telemetry, update checks and
// autoupdate turned off and with HOME in a temporary folder, so a test
// writes nothing to the user's home.
package testenv
