package monitoring

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/internal/mdxml"
	"github.com/sfharden/sfharden/internal/testenv"
)

// notRetrieveFormat lists the reference files, by base name, that are not in
// the exact form a retrieve returns, so writing them back cannot give the
// same bytes. They must still parse.
var notRetrieveFormat = map[string]string{
	"ReportExportBlocked.transactionSecurityPolicy-meta.xml":                "no final newline",
	"ApexBlockReportExport.transactionSecurityPolicy-meta.xml":              "no final newline, and executionUser after type",
	"Claude_Test_ReportExport_AlertOnly.transactionSecurityPolicy-meta.xml": "hand-written, with an XML comment",
}

// referenceFiles returns the metadata XML files under the transaction
// security references, grouped by the suffix that names their type.
func referenceFiles(t *testing.T) map[string][]string {
	t.Helper()
	root := testenv.TxnSec(t)
	bySuffix := map[string][]string{}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, suffix := range []string{".transactionSecurityPolicy-meta.xml", ".flow-meta.xml", ".cls-meta.xml"} {
			if strings.HasSuffix(path, suffix) {
				bySuffix[suffix] = append(bySuffix[suffix], path)
			}
		}
		return nil
	})
	require.NoError(t, err)
	return bySuffix
}

func TestReferenceFilesRoundTrip(t *testing.T) {
	files := referenceFiles(t)
	require.NotEmpty(t, files[".transactionSecurityPolicy-meta.xml"], "policies")
	require.NotEmpty(t, files[".flow-meta.xml"], "flows")
	require.NotEmpty(t, files[".cls-meta.xml"], "class meta files")

	parse := map[string]func([]byte) (any, error){
		".transactionSecurityPolicy-meta.xml": func(data []byte) (any, error) { return mdxml.Parse[TransactionSecurityPolicy](data) },
		".flow-meta.xml":                      func(data []byte) (any, error) { return mdxml.Parse[Flow](data) },
		".cls-meta.xml":                       func(data []byte) (any, error) { return mdxml.Parse[ApexClass](data) },
	}
	total, roundTrips := 0, 0
	for suffix, paths := range files {
		total += len(paths)
		for _, path := range paths {
			name := filepath.Base(path)
			t.Run(name, func(t *testing.T) {
				data, err := os.ReadFile(path)
				require.NoError(t, err)
				value, err := parse[suffix](data)
				require.NoError(t, err)

				if reason, ok := notRetrieveFormat[name]; ok {
					t.Logf("parsed only: %s", reason)
					return
				}
				out, err := mdxml.Marshal(value)
				require.NoError(t, err)
				if diff := cmp.Diff(string(data), string(out)); diff != "" {
					t.Errorf("round trip changed the file (-read +written):\n%s", diff)
				}
				roundTrips++
			})
		}
	}
	assert.Equal(t, total-len(notRetrieveFormat), roundTrips, "every file in retrieve format round-trips")
}

func TestReferencePoliciesParse(t *testing.T) {
	root := testenv.TxnSec(t)
	path := filepath.Join(root, "tprouvot-sf-transaction-security-policy", "transactionSecurityPolicies", "BlockSalesforceInspectorR.transactionSecurityPolicy-meta.xml")
	policy, err := mdxml.ParseFile[TransactionSecurityPolicy](path)
	require.NoError(t, err)

	assert.Equal(t, conditionBuilderPolicy, policy.Type)
	assert.Equal(t, "ApiEvent", policy.EventName)
	assert.Equal(t, "PolicyCondition_BlockSalesforceInspectorR", policy.Flow)
	require.NotNil(t, policy.Action)
	require.Len(t, policy.Action.Notifications, 1)
	assert.Equal(t, "admin@example.com", policy.Action.Notifications[0].User)
	assert.Empty(t, policy.Extra.Unknown, "every element is modelled")
}

// TestConditionFlowMatchesConditionBuilder rebuilds a flow that Condition
// Builder saved and compares the bytes. The only differences allowed are
// the two that make the saved file fail the schema: the rule's xsi:nil
// label and the xsi namespace declared for it.
func TestConditionFlowMatchesConditionBuilder(t *testing.T) {
	root := testenv.TxnSec(t)
	path := filepath.Join(root, "SFDC-Assets-transaction-security", "flows", "PolicyCondition_YJAxFqSJSZDBJHeYYYwz.flow-meta.xml")
	saved, err := os.ReadFile(path)
	require.NoError(t, err)

	flow := conditionFlow("PolicyCondition_YJAxFqSJSZDBJHeYYYwz", "ReportEvent", "and", []FlowCondition{
		textCondition("Operation", flowEqualTo, "ReportExported"),
		numberCondition("RowsProcessed", flowGreaterThan, 100),
	})
	got, err := mdxml.Marshal(flow)
	require.NoError(t, err)

	want := bytes.Replace(saved, []byte(` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"`), nil, 1)
	want = bytes.Replace(want, []byte(`<label xsi:nil="true"/>`), []byte(`<label>myRule</label>`), 1)
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("flow differs from the one Condition Builder saved (-saved +built):\n%s", diff)
	}
	testenv.ValidateXMLBytes(t, "PolicyCondition_YJAxFqSJSZDBJHeYYYwz.flow-meta.xml", got)
}

// TestConditionFlowMatchesCustomLogic does the same for a newer flow with
// custom condition logic, which also carries areMetricsLoggedToDataCloud
// and a label without the underscore.
func TestConditionFlowMatchesCustomLogic(t *testing.T) {
	root := testenv.TxnSec(t)
	path := filepath.Join(root, "tprouvot-sf-transaction-security-policy", "flows", "PolicyCondition_BlockSalesforceInspectorR.flow-meta.xml")
	saved, err := mdxml.ParseFile[Flow](path)
	require.NoError(t, err)

	flow := conditionFlow("PolicyCondition_BlockSalesforceInspectorR", "ApiEvent", "1 AND (2 OR 3)", []FlowCondition{
		textCondition("Client", flowEqualTo, "Salesforce Inspector Reloaded"),
		numberCondition("RowsProcessed", flowGreaterThan, 2000),
		numberCondition("RowsProcessed", flowEqualTo, rowsNotCounted),
	})

	// Differences known and accepted: the saved flow has the newer
	// optional element, another label and the rule's nil label, kept in
	// Extra.
	saved.AreMetricsLoggedToDataCloud = nil
	saved.Label = flow.Label
	saved.Decisions[0].Rules[0].Label = flowRule
	saved.Decisions[0].Rules[0].Extra.Unknown = nil

	savedXML, err := mdxml.Marshal(saved)
	require.NoError(t, err)
	builtXML, err := mdxml.Marshal(flow)
	require.NoError(t, err)
	if diff := cmp.Diff(string(savedXML), string(builtXML)); diff != "" {
		t.Errorf("flow differs from the one Condition Builder saved (-saved +built):\n%s", diff)
	}
}
