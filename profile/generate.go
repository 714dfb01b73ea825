package profile

//go:generate go run ../internal/modelgen -pkg profile -types Profile,ProfileSessionSetting,ProfilePasswordPolicy -o zz_generated_types.go
