package pkgxml

//go:generate go run ../internal/modelgen -pkg pkgxml -types Package -o zz_generated_types.go
