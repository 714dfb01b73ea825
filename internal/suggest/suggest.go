// Package suggest finds the known name a user probably meant, for messages
// such as `unknown scope "Sfap"; did you mean SFAP?`.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate that name most likely misspells: one that
// differs only in letter case, or else the one at the smallest edit
// distance, compared without case, provided the distance is at most a third
// of the length of name and at least 1. A tie goes to the candidate that
// sorts first. Closest returns "" when no candidate is that close.
func Closest(name string, candidates []string) string {
	if name == "" {
		return ""
	}
	lower := strings.ToLower(name)
	for _, c := range candidates {
		if strings.ToLower(c) == lower {
			return c
		}
	}
	limit := max(utf8.RuneCountInString(name)/3, 1)
	best, bestDistance := "", limit+1
	for _, c := range candidates {
		d := Distance(lower, strings.ToLower(c))
		if d < bestDistance || (d == bestDistance && best != "" && c < best) {
			best, bestDistance = c, d
		}
	}
	return best
}

// Distance returns the number of single-rune insertions, deletions,
// substitutions and swaps of two adjacent runes that turn a into b (the
// optimal string alignment distance), so that "nmae" is one edit from
// "name".
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// rows[k] holds the distances of the prefixes of ra of length i-2+k.
	rows := [3][]int{make([]int, len(rb)+1), make([]int, len(rb)+1), make([]int, len(rb)+1)}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		twoBack, previous, current := rows[0], rows[1], rows[2]
		current[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			current[j] = min(previous[j]+1, current[j-1]+1, previous[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				current[j] = min(current[j], twoBack[j-2]+1)
			}
		}
		rows[0], rows[1], rows[2] = previous, current, twoBack
	}
	return rows[1][len(rb)]
}
