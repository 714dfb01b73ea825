package sfharden_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/sfharden/sfharden"
)

// specOf returns a spec of n integrations like the snowflake-etl example,
// each with its own name, user and network.
func specOf(n int) *sfharden.Spec {
	spec := &sfharden.Spec{}
	for i := range n {
		spec.Integrations = append(spec.Integrations, sfharden.Integration{
			Name:         fmt.Sprintf("Sync_%04d", i),
			ContactEmail: "ops@example.com",
			User:         sfharden.User{Username: fmt.Sprintf("sync-%04d@example.com", i)},
			Network:      sfharden.Network{Allow: []string{fmt.Sprintf("10.%d.%d.0/24", i/256, i%256)}},
			Access: sfharden.Access{
				Objects: map[string][]string{"Account": {"read"}, "Opportunity": {"read", "edit"}},
				Fields:  map[string]string{"Account.Industry": "read", "Opportunity.StageName": "edit"},
			},
			Monitoring: &sfharden.Monitoring{MaxRowsPerQuery: 100000, ActiveHours: "01:00-05:00", Timezone: "UTC", Notify: []string{"secops@example.com"}},
		})
	}
	return spec
}

// BenchmarkBuildAndWrite builds and writes a project of 1 and of 500
// integrations; the cost per integration should stay flat.
func BenchmarkBuildAndWrite(b *testing.B) {
	for _, n := range []int{1, 500} {
		b.Run(fmt.Sprintf("integrations=%d", n), func(b *testing.B) {
			spec := specOf(n)
			for i := 0; b.Loop(); i++ {
				bundle, err := sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime})
				if err != nil {
					b.Fatal(err)
				}
				if err := bundle.Write(filepath.Join(b.TempDir(), fmt.Sprint(i)), sfharden.WriteOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/integration")
		})
	}
}

// BenchmarkBuild builds the same specs without writing them.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1, 500} {
		b.Run(fmt.Sprintf("integrations=%d", n), func(b *testing.B) {
			spec := specOf(n)
			for b.Loop() {
				if _, err := sfharden.Build(spec, sfharden.BuildOptions{Now: buildTime}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/integration")
		})
	}
}
