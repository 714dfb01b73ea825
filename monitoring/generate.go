package monitoring

//go:generate go run ../internal/modelgen -pkg monitoring -types TransactionSecurityPolicy,Flow,ApexClass -o zz_generated_types.go
