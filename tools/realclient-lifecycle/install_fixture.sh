#!/usr/bin/env bash
# Copy a generate.sh output into a test fixture directory (state/ + expected.json +
# the small harness records) and rebuild expected.json from the copied state.
#
#   tools/realclient-lifecycle/install_fixture.sh lifecycle OUT tests/fixtures/real-lifecycle-2026.9.6
#   tools/realclient-lifecycle/install_fixture.sh upgrade   OUT tests/fixtures/real-upgrade-2026.6.11-to-2026.9.6
#
# NOTES.md in the fixture dir is written by hand from steps.jsonl / cli/ of that run
# and is left alone (ids and times change with every run).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ $# -eq 3 ] || { echo "usage: $0 lifecycle|upgrade|peers OUT FIXTUREDIR" >&2; exit 2; }
MODE=$1 OUT=$2 FIX=$3
mkdir -p "$FIX"
rm -rf "$FIX/state" "$FIX/cli" "$FIX/network"
cp -a "$OUT/state" "$FIX/state"
cp -a "$OUT/cli" "$FIX/cli"
cp -a "$OUT/network" "$FIX/network"
# the network logs carry JS stacks of the blocked attempts: keep only what was tried
python3 - "$FIX/network/netguard_blocked.jsonl" <<'EOF'
import json, sys
p = sys.argv[1]
rows = [json.loads(l) for l in open(p) if l.strip()]
with open(p, "w") as fh:
    for r in rows:
        fh.write(json.dumps({k: r.get(k) for k in ("ts", "kind", "target")}) + "\n")
EOF
for f in steps.jsonl ground_truth.jsonl OPENCLAW_VERSION state-listing-full.txt; do
  [ -f "$OUT/$f" ] && cp "$OUT/$f" "$FIX/$f"
done
if [ "$MODE" = upgrade ]; then
  python3 "$HERE/build_expected.py" upgrade --corpus "$FIX" \
    --legacy "${OCREAL_LEGACY_CORPUS:-$(cd "$HERE/../../.." && pwd)/shared/corpora/real-2026.6.11}"
  # the upgrade makes no model call: the mock log is empty
  [ -s "$FIX/ground_truth.jsonl" ] || rm -f "$FIX/ground_truth.jsonl"
else
  python3 "$HERE/build_expected.py" lifecycle --corpus "$FIX"
fi
du -sh "$FIX" "$FIX/state"
