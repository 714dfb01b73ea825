package field_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
)

func TestPathString(t *testing.T) {
	p := field.NewPath("integrations").Index(0).Child("access").Child("objects").Key("Account")
	assert.Equal(t, `integrations[0].access.objects["Account"]`, p.String())
	assert.Equal(t, "", field.Path{}.String())
	assert.Equal(t, "a.b", field.NewPath("a", "b").String())
}

func TestPathChildDoesNotAlias(t *testing.T) {
	base := field.NewPath("a")
	left := base.Child("b")
	right := base.Child("c")
	assert.Equal(t, "a.b", left.String())
	assert.Equal(t, "a.c", right.String())
}

func TestErrorFormat(t *testing.T) {
	p := field.NewPath("integrations").Index(0).Child("access").Child("userPermissions").Index(0)
	err := field.NewForbidden(p, "ModifyAllData", "an integration must not hold it; add a waiver with a reason to allow it")
	assert.Equal(t, `integrations[0].access.userPermissions[0]: forbidden: "ModifyAllData": an integration must not hold it; add a waiver with a reason to allow it`, err.Error())
	assert.Equal(t, "name: required: give a value", field.NewRequired(field.NewPath("name"), "give a value").Error())
	assert.Equal(t, `type: not supported: "x": allowed values: "a", "b"`, field.NewNotSupported(field.NewPath("type"), "x", []string{"a", "b"}).Error())
}

func TestListErr(t *testing.T) {
	var empty field.List
	assert.NoError(t, empty.Err())

	list := field.List{field.NewRequired(field.NewPath("a"), ""), field.NewInvalid(field.NewPath("b"), 3, "too big")}
	err := fmt.Errorf("build: %w", list.Err())
	var got field.List
	require.True(t, errors.As(err, &got))
	assert.Len(t, got, 2)
	assert.Equal(t, field.Invalid, got[1].Kind)
	assert.Equal(t, "a: required\nb: invalid: 3: too big", list.Error())
}
