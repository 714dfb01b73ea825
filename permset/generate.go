package permset

//go:generate go run ../internal/modelgen -pkg permset -types PermissionSet,PermissionSetGroup,MutingPermissionSet -o zz_generated_types.go
