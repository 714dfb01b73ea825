package profile_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/sfharden/sfharden/field"
	"github.com/sfharden/sfharden/profile"
)

func TestBuildSessionSetting(t *testing.T) {
	tests := []struct {
		name        string
		req         profile.SessionRequest
		wantTimeout int
		want        []wantError
	}{
		{"default timeout", profile.SessionRequest{Profile: "Orders_API"}, 15, nil},
		{"longest timeout", profile.SessionRequest{Profile: "Orders_API", Timeout: 1440}, 1440, nil},
		{"high assurance", profile.SessionRequest{Profile: "Orders_API", RequiredSessionLevel: "HIGH_ASSURANCE"}, 15, nil},
		{"ninety minutes", profile.SessionRequest{Profile: "Orders_API", Timeout: 90}, 0,
			[]wantError{{field.NotSupported, "sessionTimeout"}}},
		{"negative timeout", profile.SessionRequest{Profile: "Orders_API", Timeout: -15}, 0,
			[]wantError{{field.NotSupported, "sessionTimeout"}}},
		{"low session level", profile.SessionRequest{Profile: "Orders_API", RequiredSessionLevel: "LOW"}, 0,
			[]wantError{{field.NotSupported, "requiredSessionLevel"}}},
		{"profile missing", profile.SessionRequest{}, 0,
			[]wantError{{field.Required, "profile"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := profile.BuildSessionSetting(tt.req)
			if diff := cmp.Diff(tt.want, errorsOf(t, err)); diff != "" {
				t.Fatalf("errors mismatch (-want +got):\n%s\nerror: %v", diff, err)
			}
			if tt.want != nil {
				return
			}
			assert.Equal(t, tt.wantTimeout, s.SessionTimeout)
			assert.True(t, s.ForceLogout)
			assert.Equal(t, "Orders_API_profileSessionSetting", s.FullName)
		})
	}
}

func TestSessionSettingGolden(t *testing.T) {
	s, err := profile.BuildSessionSetting(profile.SessionRequest{Profile: "Orders_API"})
	require.NoError(t, err)
	data, err := s.Marshal()
	require.NoError(t, err)
	checkGolden(t, "Orders_API_profileSessionSetting.profileSessionSetting-meta.xml", data)
}

func TestBuildPasswordPolicy(t *testing.T) {
	pp, err := profile.BuildPasswordPolicy(profile.PasswordRequest{Profile: "Orders_API"})
	require.NoError(t, err)
	assert.Equal(t, 0, pp.PasswordExpiration, "an integration password must not expire")
	assert.Equal(t, 20, pp.MinimumPasswordLength)
	assert.Equal(t, "Orders_API_profilePasswordPolicy", pp.FullName)

	data, err := pp.Marshal()
	require.NoError(t, err)
	checkGolden(t, "Orders_API_profilePasswordPolicy.profilePasswordPolicy-meta.xml", data)
}

func TestPasswordPolicyValidate(t *testing.T) {
	valid := func() *profile.PasswordPolicy {
		pp, err := profile.BuildPasswordPolicy(profile.PasswordRequest{Profile: "Orders_API"})
		require.NoError(t, err)
		return pp
	}
	tests := []struct {
		name   string
		change func(*profile.PasswordPolicy)
		want   []wantError
	}{
		{"valid", func(*profile.PasswordPolicy) {}, nil},
		{"length too short", func(pp *profile.PasswordPolicy) { pp.MinimumPasswordLength = 4 },
			[]wantError{{field.Invalid, "minimumPasswordLength"}}},
		{"length too long", func(pp *profile.PasswordPolicy) { pp.MinimumPasswordLength = 51 },
			[]wantError{{field.Invalid, "minimumPasswordLength"}}},
		{"lockout not allowed", func(pp *profile.PasswordPolicy) { pp.LockoutInterval = 45 },
			[]wantError{{field.NotSupported, "lockoutInterval"}}},
		{"attempts not allowed", func(pp *profile.PasswordPolicy) { pp.MaxLoginAttempts = 4 },
			[]wantError{{field.NotSupported, "maxLoginAttempts"}}},
		{"expiration 180 unconfirmed", func(pp *profile.PasswordPolicy) { pp.PasswordExpiration = 180 },
			[]wantError{{field.NotSupported, "passwordExpiration"}}},
		{"complexity out of set", func(pp *profile.PasswordPolicy) { pp.PasswordComplexity = 5 },
			[]wantError{{field.NotSupported, "passwordComplexity"}}},
		{"history zero with expiry", func(pp *profile.PasswordPolicy) {
			pp.PasswordHistory = 0
			pp.PasswordExpiration = 90
		}, []wantError{{field.Invalid, "passwordHistory"}}},
		{"history zero without expiry", func(pp *profile.PasswordPolicy) { pp.PasswordHistory = 0 }, nil},
		{"length fifty accepted", func(pp *profile.PasswordPolicy) { pp.MinimumPasswordLength = 50 }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pp := valid()
			tt.change(pp)
			if diff := cmp.Diff(tt.want, errorsOf(t, pp.Validate())); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildPasswordPolicyLengthOutOfRange(t *testing.T) {
	_, err := profile.BuildPasswordPolicy(profile.PasswordRequest{Profile: "Orders_API", MinimumLength: 60})
	assert.Equal(t, []wantError{{field.Invalid, "minimumPasswordLength"}}, errorsOf(t, err))
}
