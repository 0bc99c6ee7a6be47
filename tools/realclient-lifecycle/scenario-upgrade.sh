#!/usr/bin/env bash
# Upgrade scenario (run by generate.sh upgrade OUTDIR; do not call directly).
# Puts the state dir of a real JSONL-era corpus ($OCREAL_LEGACY_CORPUS/state,
# written by openclaw 2026.6.11) at ~/.openclaw and lets the real 2026.9.6
# `openclaw doctor` import it into per-agent SQLite. No model call is expected.
: "${OCREAL_LEGACY_CORPUS:?}"
# the fake clock is put one day after the newest legacy message, so the gateway's
# usage-cost window (--days 7) covers the legacy days
if [ -z "${OCREAL_START_OFFSET:-}" ]; then
  OCREAL_START_OFFSET=$(python3 - "$OCREAL_LEGACY_CORPUS/expected.json" <<'EOF'
import json, sys, time, math
from datetime import datetime, timezone
rows = json.load(open(sys.argv[1]))["rows"]
last = max(datetime.strptime(r["day"], "%Y-%m-%d").replace(tzinfo=timezone.utc).timestamp() for r in rows)
target = last + 86400 + 12 * 3600          # noon of the day after the newest legacy message
print("%+dd" % max(0, math.ceil((target - time.time()) / 86400)))
EOF
)
fi
export OCREAL_START_OFFSET
# shellcheck source=common.sh
source "$OCREAL_HERE/common.sh"

# ------------------------------------------------------- legacy state -------
rm -rf "$STATE"
cp -r "$OCREAL_LEGACY_CORPUS/state" "$STATE"
# the published corpus is read-only (0444/0555): give the copy the modes OpenClaw uses itself
find "$STATE" -type d -exec chmod 0700 {} +
find "$STATE" -type f -exec chmod 0600 {} +
log "legacy state copied from $OCREAL_LEGACY_CORPUS/state"
inventory() {  # inventory FILE: every file of the state dir with size and sha256 (no workspaces)
  (cd "$STATE" && find . \( -path ./workspace -o -path './workspace-*' -o -path ./cache -o -path ./plugin-skills \) -prune -o -type f -print | sort \
     | while read -r f; do printf '%s\t%s\t%s\n' "${f#./}" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -c1-64)"; done) > "$1"
}
inventory "$RUN/cli/inventory-0-legacy.tsv"

# ------------------------------------------------- config adjustment --------
# moonshot and zai are external plugins in 2026.9.x: doctor/gateway try to install
# them with npm (impossible offline) and keep the session migration "pending for
# plugin(s): moonshot, zai" (originals stay in sessions/, no import archive).
# With OCREAL_UPGRADE_DENY_PLUGINS=1 (default) the legacy config gets the same
# `plugins.deny: ["moonshot","zai"]` the sqlite-era template uses; the custom
# models.providers entries keep working without the plugins. 0 = leave the config as is.
if [ "${OCREAL_UPGRADE_DENY_PLUGINS:-1}" = 1 ]; then
  cp "$STATE/openclaw.json" "$RUN/cli/openclaw.legacy.json"
  python3 - "$STATE/openclaw.json" <<'PYEOF'
import json, sys
p = sys.argv[1]
cfg = json.load(open(p))
pl = cfg.setdefault("plugins", {})
deny = pl.setdefault("deny", [])
for x in ("moonshot", "zai"):
    if x not in deny:
        deny.append(x)
json.dump(cfg, open(p, "w"), indent=2)
open(p, "a").write("\n")
PYEOF
  diff "$RUN/cli/openclaw.legacy.json" "$STATE/openclaw.json" > "$RUN/cli/openclaw.json.harness-edit.diff" || true
  log "added plugins.deny [moonshot, zai] to the legacy openclaw.json"
fi
# npm (used by OpenClaw for plugin installs) fails at once instead of retrying DNS for minutes
export npm_config_offline=true

# -------------------------------------------------------- doctor ------------
step doctor-dry-run "openclaw doctor --session-sqlite dry-run --session-sqlite-all-agents --json" -- \
  oc doctor --session-sqlite dry-run --session-sqlite-all-agents --json
inventory "$RUN/cli/inventory-1-after-dry-run.tsv"
# doctor --fix stops at the first refused migration step and asks to be rerun: up to 3 passes
for pass in 1 2 3; do
  step "doctor-fix-$pass" "openclaw doctor --fix --non-interactive --yes, pass $pass (the documented upgrade path)" -- \
    oc doctor --fix --non-interactive --yes
  inventory "$RUN/cli/inventory-2-after-fix-$pass.tsv"
  rc=$(python3 -c 'import json,sys;print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["exit_code"])' "$RUN/steps.jsonl")
  [ "$rc" = 0 ] && break
done
# hot legacy transcripts still in place? then run the explicit import mode too
HOT=$(cd "$STATE" && find agents -path '*/sessions/*' -name '*.jsonl' ! -name '*.trajectory.jsonl' | sort || true)
printf '%s\n' "$HOT" > "$RUN/cli/hot-jsonl-after-fix.txt"
if [ -n "$HOT" ]; then
  log "hot JSONL still present after doctor --fix: $(echo "$HOT" | tr '\n' ' ')"
  step doctor-import "openclaw doctor --session-sqlite import --session-sqlite-all-agents --json (hot JSONL remained after --fix)" -- \
    oc doctor --session-sqlite import --session-sqlite-all-agents --json
  inventory "$RUN/cli/inventory-3-after-import.tsv"
fi
step doctor-validate "openclaw doctor --session-sqlite validate --session-sqlite-all-agents --json" -- \
  oc doctor --session-sqlite validate --session-sqlite-all-agents --json
step doctor-inspect "openclaw doctor --session-sqlite inspect --session-sqlite-all-agents --json" -- \
  oc doctor --session-sqlite inspect --session-sqlite-all-agents --json

# -------------------------------------------------- OpenClaw's own view -----
usage_cost_settled() {
  local i out
  for i in $(seq 30); do
    out=$(oc gateway usage-cost --all-agents --json --days 30 2>/dev/null || true)
    if printf '%s' "$out" | python3 -c 'import json,sys;d=json.load(sys.stdin);sys.exit(0 if (d.get("cacheStatus") or {}).get("status") in (None,"fresh") else 1)' 2>/dev/null; then
      break
    fi
    sleep 3
  done
  printf '%s\n' "$out"
}
if start_gateway upgraded; then
  step usage-cost "openclaw gateway usage-cost --all-agents --json --days 30 (repeated until cacheStatus is fresh)" -- \
    usage_cost_settled
  step sessions-usage "sessions.usage RPC {agentScope: all, range: 30d, mode: utc, limit: 100}" -- \
    oc gateway call sessions.usage --json --params '{"agentScope":"all","range":"30d","mode":"utc","limit":100}'
  step sessions-list "openclaw sessions --all-agents --json" -- \
    oc sessions --all-agents --json --limit all
  stop_gateway
else
  log "gateway did not become ready after the doctor run (see gateway-upgraded.err)"
  cp "$RUN/gateway-upgraded.err" "$RUN/cli/gateway-upgraded.err" 2>/dev/null || true
  cp "$RUN/gateway-upgraded.out" "$RUN/cli/gateway-upgraded.out" 2>/dev/null || true
  stop_gateway
fi
sleep 2
inventory "$RUN/cli/inventory-4-final.tsv"

collect_corpus
cp "$STATE/openclaw.json" "$OUT/openclaw.json"
python3 "$HERE/build_expected.py" upgrade --corpus "$OUT" --legacy "$OCREAL_LEGACY_CORPUS" || log "build_expected.py failed"
log "done"
