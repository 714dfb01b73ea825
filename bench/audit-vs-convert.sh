#!/usr/bin/env bash
# Times `sfharden audit` against `sf project convert source` on the same
# generated org: 300 profiles and 2,000 permission sets copied from the
# corpus under new names (about 400 MB), written to a temporary folder and
# removed afterwards. Prints wall time and peak RSS of each, read from
# /usr/bin/time -v.
#
# Usage: bench/audit-vs-convert.sh   (from the module root)
# Needs: SFHARDEN_CORPUS naming the corpus of retrieved metadata,
# /usr/bin/time, and the pinned sf CLI in tools/node (npm ci --prefix tools/node).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
[ -d "${SFHARDEN_CORPUS:-}" ] || { echo "SFHARDEN_CORPUS must name the corpus folder" >&2; exit 2; }
sf="$root/tools/node/node_modules/.bin/sf"
[ -x "$sf" ] || { echo "sf CLI not found at $sf; run npm ci --prefix tools/node" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found; apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
org="$work/org"
mkdir -p "$org"

echo "generating the org in $org"
(cd "$root" && SFHARDEN_BENCH_ORG="$org" go test ./audit -run '^TestWriteBenchOrg$' -count=1 -v | grep 'wrote')
(cd "$root" && go build -o "$work/sfharden" ./cmd/sfharden)
du -sh "$org/force-app"

# measure NAME COMMAND...: runs the command in the org folder and prints
# its wall time and peak RSS.
measure() {
	local name=$1
	shift
	(cd "$org" && /usr/bin/time -v "$@" >/dev/null 2>"$work/$name.time") || true
	local wall rss status
	wall=$(grep 'Elapsed (wall clock)' "$work/$name.time" | awk '{print $NF}')
	rss=$(grep 'Maximum resident set size' "$work/$name.time" | awk '{print $NF}')
	status=$(grep 'Exit status' "$work/$name.time" | awk '{print $NF}')
	printf '%-8s wall %s  peak RSS %d MiB  exit %s\n' "$name" "$wall" $((rss / 1024)) "$status"
}

export HOME="$work/home" SF_DISABLE_TELEMETRY=true SF_AUTOUPDATE_DISABLE=true SF_SKIP_NEW_VERSION_CHECK=true
mkdir -p "$HOME"

for run in 1 2 3; do
	echo "run $run"
	measure audit "$work/sfharden" audit --format json --fail-on none force-app
	rm -rf "$work/out"
	measure convert "$sf" project convert source --source-dir force-app --output-dir "$work/out"
done
echo "convert wrote $(find "$work/out" -type f | wc -l) files"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
