package permset

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Describe is the part of an object's describe that [Build] uses to check
// field permissions: the output of
//
//	sf sobject describe --sobject Invoice__c --json
//
// read with [ParseDescribe].
type Describe struct {
	Name   string          `json:"name"`
	Fields []DescribeField `json:"fields"`
}

// DescribeField is one entry of result.fields[] in describe output, with
// the attributes that decide whether a field takes field permissions.
type DescribeField struct {
	Name              string `json:"name"`
	Type              string `json:"type"` // such as "string", "reference", "id"
	Nillable          bool   `json:"nillable"`
	DefaultedOnCreate bool   `json:"defaultedOnCreate"`
	Calculated        bool   `json:"calculated"` // formula and roll-up summary fields
	AutoNumber        bool   `json:"autoNumber"`
	Createable        bool   `json:"createable"`
	Updateable        bool   `json:"updateable"`
	CascadeDelete     bool   `json:"cascadeDelete"`
	// RelationshipOrder is set only on master-detail fields: 0 for the
	// first master, 1 for the second.
	RelationshipOrder *int `json:"relationshipOrder"`
	// Permissionable is the describe's own statement of whether the field
	// takes field permissions. Older describe output may leave it out, and
	// then the rules in [DescribeField.Permissionability] decide.
	Permissionable *bool `json:"permissionable"`
}

// ParseDescribe reads describe output: either the whole JSON that
// `sf sobject describe --json` prints ({"status":0,"result":{...}}) or the
// describe result alone.
func ParseDescribe(data []byte) (*Describe, error) {
	var envelope struct {
		Status *int            `json:"status"`
		Result json.RawMessage `json:"result"`
	}
	if err := json.Unmarshal(data, &envelope); err != nil {
		return nil, fmt.Errorf("parse describe output: %w", err)
	}
	body := data
	if len(envelope.Result) > 0 {
		body = envelope.Result
	}

	var d Describe
	if err := json.Unmarshal(body, &d); err != nil {
		return nil, fmt.Errorf("parse describe result: %w", err)
	}
	if d.Name == "" {
		return nil, fmt.Errorf("parse describe output: no object name; pass the JSON that `sf sobject describe --sobject NAME --json` prints")
	}
	return &d, nil
}

// Field returns the describe of the field named name, matching as Salesforce
// does without regard to letter case.
func (d *Describe) Field(name string) (DescribeField, bool) {
	for _, f := range d.Fields {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
	}
	return DescribeField{}, false
}

// systemFields are fields that every record has and that no field
// permission covers: Salesforce always shows them as readable, or, for
// OwnerId, readable and writable through ownership.
var systemFields = map[string]bool{
	"id":               true,
	"createdbyid":      true,
	"createddate":      true,
	"isdeleted":        true,
	"lastmodifiedbyid": true,
	"lastmodifieddate": true,
	"systemmodstamp":   true,
	"ownerid":          true,
}

// Permissionability returns whether f takes field permissions and, when it
// does not, why. When the describe states permissionable, that wins; the
// rules below only apply to describe output without it. Fields without
// field permissions are system fields (Id, CreatedDate, OwnerId and the
// like), master-detail fields and required fields, which Salesforce always
// shows to every user with access to the object.
func (f DescribeField) Permissionability() (ok bool, reason string) {
	derived, why := f.derivedPermissionable()
	if f.Permissionable != nil {
		if *f.Permissionable {
			return true, ""
		}
		if derived {
			why = "the describe marks it as not permissionable"
		}
		return false, why
	}
	return derived, why
}

// isSystemField reports whether name, compared without regard to letter
// case, is one of the system fields that take no field permissions.
func isSystemField(name string) bool {
	return systemFields[strings.ToLower(name)]
}

func (f DescribeField) derivedPermissionable() (bool, string) {
	switch {
	case isSystemField(f.Name) || f.Type == "id":
		return false, "it is a system field that every user with object access can read"
	case f.isMasterDetail():
		return false, "it is a master-detail field, whose access follows the master record"
	case f.isRequired():
		return false, "it is a required field, which every user with object access can read and write"
	}
	return true, ""
}

// isMasterDetail reports whether f is a master-detail relationship field.
// Describe output has no master-detail type: such a field is a reference
// with a relationshipOrder, or one that is not nillable and cascades
// deletes.
func (f DescribeField) isMasterDetail() bool {
	if f.Type != "reference" {
		return false
	}
	return f.RelationshipOrder != nil || (f.CascadeDelete && !f.Nillable)
}

// isRequired reports whether every insert must set f: it can be created,
// cannot be empty and gets no default.
func (f DescribeField) isRequired() bool {
	return f.Createable && !f.Nillable && !f.DefaultedOnCreate
}

// Editability returns whether f can be editable in a field permission and,
// when it cannot, why. Formula and roll-up summary fields (calculated),
// auto-number fields and fields that no user can create or update are read
// only.
func (f DescribeField) Editability() (ok bool, reason string) {
	switch {
	case f.Calculated:
		return false, "it is a formula or roll-up summary field, whose value Salesforce computes"
	case f.AutoNumber:
		return false, "it is an auto-number field, whose value Salesforce assigns"
	case !f.Createable && !f.Updateable:
		return false, "the describe marks it as neither createable nor updateable"
	}
	return true, ""
}
