package monitoring

import (
	"strconv"
	"strings"
)

// Names inside a condition flow. Condition Builder uses the same names in
// every flow it saves, and the policy engine reads the outcome from the
// output variable EvaluationOutcome, so these are fixed.
const (
	flowOutcomeVariable   = "EvaluationOutcome"
	flowEventVariable     = "myVariable_myEvent"
	flowDecision          = "myDecision"
	flowRule              = "myRule"
	flowAssignTrue        = "EvaluationOutcomeAssignment"
	flowAssignFalse       = "EvaluationOutcomeAssignmentFalse"
	flowProcessType       = "TransactionSecurityFlow"
	flowStatus            = "Draft"
	flowDefaultOutcome    = "default"
	flowAssignOperator    = "Assign"
	flowEventVariableType = "SObject"
)

// Condition operators of FlowCondition used here.
const (
	flowEqualTo     = "EqualTo"
	flowGreaterThan = "GreaterThan"
)

// rowsNotCounted is the RowsProcessed value that Salesforce gives a query
// whose rows it did not count because there were too many.
const rowsNotCounted = -1

// conditionFlow returns a flow in the shape that Condition Builder saves for
// a policy on eventName. One decision has a single rule that combines
// conditions by logic ("and", "or" or a formula such as "1 AND (2 OR 3)").
// On either path, an assignment copies the rule's result into the Boolean
// output EvaluationOutcome. The event arrives in the SObject input
// variable myVariable_myEvent, so conditions refer to its fields as
// "myVariable_myEvent.Field".
//
// Condition Builder writes the rule's label as xsi:nil, which the Metadata
// API schema does not allow (FlowRule.label is a required string), so the
// rule here is labelled with its name. Like the saved flows, the flow has
// no apiVersion. It also leaves out areMetricsLoggedToDataCloud, which only
// newer saved flows have, because an older API version would not know it.
func conditionFlow(name, eventName, logic string, conditions []FlowCondition) *Flow {
	outcome := func(assignment string) FlowAssignment {
		return FlowAssignment{
			Name:  assignment,
			Label: assignment,
			AssignmentItems: []FlowAssignmentItem{{
				AssignToReference: flowOutcomeVariable,
				Operator:          flowAssignOperator,
				Value:             &FlowElementReferenceOrValue{ElementReference: flowRule},
			}},
		}
	}

	return &Flow{
		FullName:    name,
		Assignments: []FlowAssignment{outcome(flowAssignTrue), outcome(flowAssignFalse)},
		Decisions: []FlowDecision{{
			Name:                  flowDecision,
			Label:                 flowDecision,
			DefaultConnector:      &FlowConnector{TargetReference: flowAssignFalse},
			DefaultConnectorLabel: flowDefaultOutcome,
			Rules: []FlowRule{{
				Name:           flowRule,
				ConditionLogic: logic,
				Conditions:     conditions,
				Connector:      &FlowConnector{TargetReference: flowAssignTrue},
				Label:          flowRule,
			}},
		}},
		InterviewLabel:        name,
		Label:                 name,
		ProcessType:           flowProcessType,
		StartElementReference: flowDecision,
		Status:                flowStatus,
		Variables: []FlowVariable{
			{
				Name:         flowOutcomeVariable,
				DataType:     "Boolean",
				IsCollection: new(false),
				IsInput:      new(false),
				IsOutput:     new(true),
			},
			{
				Name:         flowEventVariable,
				DataType:     flowEventVariableType,
				IsCollection: new(false),
				IsInput:      new(true),
				IsOutput:     new(false),
				ObjectType:   eventName,
			},
		},
	}
}

// eventField returns the reference to a field of the flow's event.
func eventField(name string) string {
	return flowEventVariable + "." + name
}

// textCondition compares an event field with a text value.
func textCondition(eventFieldName, operator, value string) FlowCondition {
	return FlowCondition{
		LeftValueReference: eventField(eventFieldName),
		Operator:           operator,
		RightValue:         &FlowElementReferenceOrValue{StringValue: value},
	}
}

// numberCondition compares an event field with a whole number, written as
// Condition Builder writes numbers: with one decimal, such as "2000.0".
func numberCondition(eventFieldName, operator string, value int) FlowCondition {
	return FlowCondition{
		LeftValueReference: eventField(eventFieldName),
		Operator:           operator,
		RightValue:         &FlowElementReferenceOrValue{NumberValue: strconv.Itoa(value) + ".0"},
	}
}

// largeQueryFlow returns the condition of the query policy: the event's
// Username equals username, and RowsProcessed is above maxRows or is -1.
// The username is written as [flowUsername] returns it.
func largeQueryFlow(name, username string, maxRows int) *Flow {
	return conditionFlow(name, "ApiEvent", "1 AND (2 OR 3)", []FlowCondition{
		textCondition("Username", flowEqualTo, flowUsername(username)),
		numberCondition("RowsProcessed", flowGreaterThan, maxRows),
		numberCondition("RowsProcessed", flowEqualTo, rowsNotCounted),
	})
}

// flowUsername returns username as the query policy's flow compares it:
// lower case outside its ${NAME} placeholders, which stay as written because
// environment variable names are case-sensitive.
//
// NOTE: whether the flow's EqualTo on text ignores case is not documented
// for transaction security flows. Salesforce stores usernames in lower
// case, so a lower-case value matches either way. The value that sf puts in
// place of a placeholder is not seen here, so it must be given in lower
// case.
func flowUsername(username string) string {
	var b strings.Builder
	last := 0
	for _, match := range usernamePlaceholderPattern.FindAllStringIndex(username, -1) {
		b.WriteString(strings.ToLower(username[last:match[0]]))
		b.WriteString(username[match[0]:match[1]])
		last = match[1]
	}
	b.WriteString(strings.ToLower(username[last:]))
	return b.String()
}
