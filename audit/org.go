package audit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// User is one row of `sf data query --json` for
// SELECT Username, IsActive, Profile.Name, UserType FROM User.
type User struct {
	Username string
	Active   bool
	Profile  string // Profile.Name, the label: "System Administrator", not "Admin"
	UserType string
}

// Assignment is one row of `sf data query --json` for
// SELECT Assignee.Username, PermissionSet.Name,
// PermissionSetGroup.DeveloperName FROM PermissionSetAssignment.
type Assignment struct {
	Username           string
	PermissionSet      string
	PermissionSetGroup string // set when the assignment is of a permission set group
}

// queryResult is the document that `sf data query --json` prints.
type queryResult[T any] struct {
	Status *int `json:"status"`
	Result *struct {
		Records []T `json:"records"`
	} `json:"result"`
	Message string `json:"message"`
}

type userRecord struct {
	Username string `json:"Username"`
	IsActive *bool  `json:"IsActive"`
	Profile  *struct {
		Name string `json:"Name"`
	} `json:"Profile"`
	UserType string `json:"UserType"`
}

type assignmentRecord struct {
	Assignee *struct {
		Username string `json:"Username"`
	} `json:"Assignee"`
	PermissionSet *struct {
		Name string `json:"Name"`
	} `json:"PermissionSet"`
	PermissionSetGroup *struct {
		DeveloperName string `json:"DeveloperName"`
	} `json:"PermissionSetGroup"`
}

func decodeQuery[T any](data []byte, query string) ([]T, error) {
	// PowerShell redirects write a UTF-8 byte order mark.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var doc queryResult[T]
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("invalid query result: %s; give the output of sf data query --json for %s", jsonProblem(err), query)
	}
	if doc.Status != nil && *doc.Status != 0 {
		return nil, fmt.Errorf("query result has status %d (%s); run the query again", *doc.Status, doc.Message)
	}
	if doc.Result == nil {
		return nil, fmt.Errorf("query result has no \"result\"; give the output of sf data query --json for %s", query)
	}
	return doc.Result.Records, nil
}

// jsonProblem describes a JSON decoding error in the terms of the document
// rather than of the Go types it is decoded into.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("%v at byte %d", syntax, syntax.Offset)
	case errors.As(err, &typ) && typ.Field != "":
		return fmt.Sprintf("%q is a JSON %s, expected %s", typ.Field, typ.Value, jsonKind(typ.Type))
	case errors.As(err, &typ):
		return fmt.Sprintf("the document is a JSON %s, expected an object", typ.Value)
	}
	return err.Error()
}

// jsonKind names the JSON value that decodes into t.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Pointer:
		return jsonKind(t.Elem())
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	}
	return "another kind of value"
}

// ParseUsers reads the users from the JSON that
// `sf data query --json` prints for
// SELECT Username, IsActive, Profile.Name, UserType FROM User.
func ParseUsers(data []byte) ([]User, error) {
	const query = "SELECT Username, IsActive, Profile.Name, UserType FROM User"
	records, err := decodeQuery[userRecord](data, query)
	if err != nil {
		return nil, err
	}
	users := make([]User, 0, len(records))
	seen := map[string]int{}
	for i, r := range records {
		if r.Username == "" {
			return nil, fmt.Errorf("record %d has no Username; the query must select Username", i)
		}
		key := strings.ToLower(strings.TrimSpace(r.Username))
		if first, dup := seen[key]; dup {
			return nil, fmt.Errorf("records %d and %d both have Username %q; give the output of one query", first, i, r.Username)
		}
		seen[key] = i
		u := User{Username: r.Username, Active: r.IsActive == nil || *r.IsActive, UserType: r.UserType}
		if r.Profile != nil {
			u.Profile = r.Profile.Name
		}
		users = append(users, u)
	}
	return users, nil
}

// ParseAssignments reads the permission set assignments from the JSON that
// `sf data query --json` prints for SELECT Assignee.Username,
// PermissionSet.Name, PermissionSetGroup.DeveloperName FROM
// PermissionSetAssignment.
func ParseAssignments(data []byte) ([]Assignment, error) {
	const query = "SELECT Assignee.Username, PermissionSet.Name, PermissionSetGroup.DeveloperName FROM PermissionSetAssignment"
	records, err := decodeQuery[assignmentRecord](data, query)
	if err != nil {
		return nil, err
	}
	assignments := make([]Assignment, 0, len(records))
	for i, r := range records {
		if r.Assignee == nil || r.Assignee.Username == "" {
			return nil, fmt.Errorf("record %d has no Assignee.Username; the query must select Assignee.Username", i)
		}
		a := Assignment{Username: r.Assignee.Username}
		if r.PermissionSet != nil {
			a.PermissionSet = r.PermissionSet.Name
		}
		if r.PermissionSetGroup != nil {
			a.PermissionSetGroup = r.PermissionSetGroup.DeveloperName
		}
		assignments = append(assignments, a)
	}
	return assignments, nil
}

// standardProfiles maps the labels of standard profiles, which the User
// query returns and which ConnectedApp profileName holds, to their API
// names, which name the profile files. Other profiles have the same label
// and API name.
//
// NOTE: the portal and partner profiles (CustomerManager, CustomerUser,
// HighVolumePortal, Partner, PlatformPortal) also have API names that
// differ from their labels, but their labels are not confirmed, so they
// are not mapped.
var standardProfiles = map[string]string{
	"system administrator":   "Admin",
	"standard user":          "Standard",
	"standard platform user": "StandardAul",
	"read only":              "ReadOnly",
	"solution manager":       "SolutionManager",
	"marketing user":         "MarketingProfile",
	"contract manager":       "ContractManager",
}

// profileAPIName returns the API name of the profile labelled label,
// comparing the labels of standard profiles without regard to case.
func profileAPIName(label string) string {
	label = strings.TrimSpace(label)
	if name, ok := standardProfiles[strings.ToLower(label)]; ok {
		return name
	}
	return label
}

// isSystemAdministrator reports whether a profile name or label is the
// standard System Administrator profile.
func isSystemAdministrator(name string) bool {
	return name == "Admin" || strings.EqualFold(name, "System Administrator")
}
