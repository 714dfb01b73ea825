// Package project reads and writes Salesforce DX projects and Metadata API
// (mdapi) folders the way the sf CLI does.
package project
