#!/usr/bin/env bash
# Session-lifecycle scenario (run by generate.sh lifecycle OUTDIR; do not call directly).
# Two fake UTC days (libfaketime): day 1 = the parent turns, day 2 = fork,
# create-fork, rewind, a second agent with a deleted scratch session.
OCREAL_START_OFFSET=${OCREAL_START_OFFSET:--1d}
# shellcheck source=common.sh
source "$OCREAL_HERE/common.sh"
cp "$HERE/openclaw.template.json5" "$STATE/openclaw.json"

# entries AGENT KEY  -> JSON listing of the current window of KEY (entries.mjs)
entries() { "$NODE_BIN/node" "$HERE/entries.mjs" "$STATE/agents/$1/agent/openclaw-agent.sqlite" "$2"; }
# user_entry AGENT KEY TEXT -> id of the last user message of KEY's current window containing TEXT
user_entry() {
  entries "$1" "$2" | python3 -c '
import json,sys
d=json.load(sys.stdin)
ids=[e["id"] for e in d["entries"] if e["type"]=="message" and e["role"]=="user" and sys.argv[1] in (e["text"] or "")]
print(ids[-1] if ids else "")' "$3"
}
# gt_seq TEXT -> mock seq of the first ground-truth response whose turn text contains TEXT
gt_seq() {
  python3 -c '
import json,sys
for l in open(sys.argv[1]):
    r=json.loads(l)
    if sys.argv[2] in (r.get("turn_text_head") or "") and r.get("usage_sent"):
        print(r["seq"]); break' "$RUN/ground_truth.jsonl" "$1"
}
last_cli() { echo "$RUN/cli/$(printf '%02d' "$STEP")-$1.json"; }

# ============================================================ day 1 =========
start_gateway day1
step main-turn-1 "agent main, main session, turn 1 (moonshot/kimi-k2.5)" -- \
  oc agent --agent main --message "Hello, this is turn 1 of the main session" --json --timeout 180
step main-turn-2-tool "agent main, main session, turn 2: tool-call turn (two model calls)" -- \
  oc agent --agent main --message "Turn 2: please read AGENTS.md for me [[TOOL]]" --json --timeout 180
step main-turn-3 "agent main, main session, turn 3" -- \
  oc agent --agent main --message "Hello, this is turn 3 of the main session" --json --timeout 180
entries main agent:main:main > "$RUN/cli/entries-main-after-day1.json"

# ============================================================ day 2 =========
stop_gateway
set_day "+0"
start_gateway day2

# (2) sessions.fork at the user message of turn 3: the child gets the active-path prefix before it
U3=$(user_entry main agent:main:main "turn 3 of the main session")
log "turn-3 user entry id: $U3"
step fork-main "sessions.fork {sessionKey: agent:main:main, entryId: <user entry of turn 3>}" -- \
  oc gateway call sessions.fork --json --params "{\"sessionKey\":\"agent:main:main\",\"entryId\":\"$U3\"}"
K_FORK=$(json_field "$(last_cli fork-main)" '["sessionKey"]' || true)
log "fork child key: $K_FORK"
# (6) the fork child's turn gets the SAME usage numbers as main turn 1 (mock [[USAGEOF:n]]);
#     main turn 1 itself is also in the child as a verbatim copy
S1=$(gt_seq "turn 1 of the main session")
log "mock seq of main turn 1: $S1"
if [ -n "$K_FORK" ]; then
  step fork-turn "turn in the sessions.fork child $K_FORK (usage identical to mock seq $S1 = main turn 1)" -- \
    oc agent --session-key "$K_FORK" --message "Fork child turn with the usage of main turn 1 [[USAGEOF:$S1]]" --json --timeout 180
  entries main "$K_FORK" > "$RUN/cli/entries-fork-child.json"
fi

# (3) sessions.create {parentSessionKey, fork:true}: the child gets the parent's current state
step create-fork "sessions.create {agentId: main, parentSessionKey: agent:main:main, fork: true}" -- \
  oc gateway call sessions.create --json --params '{"agentId":"main","parentSessionKey":"agent:main:main","fork":true,"label":"create-fork-child"}'
K_CFORK=$(json_field "$(last_cli create-fork)" '["key"]' || true)
log "create-fork child key: $K_CFORK"
if [ -n "$K_CFORK" ]; then
  step create-fork-turn "turn in the sessions.create fork child $K_CFORK" -- \
    oc agent --session-key "$K_CFORK" --message "Turn in the create-fork child" --json --timeout 180
  entries main "$K_CFORK" > "$RUN/cli/entries-create-fork-child.json"
fi

# (4) sessions.rewind of the main session to the state before turn 2's user message, then a turn
U2=$(user_entry main agent:main:main "Turn 2: please read AGENTS.md")
log "turn-2 user entry id: $U2"
entries main agent:main:main > "$RUN/cli/entries-main-before-rewind.json"
step rewind-main "sessions.rewind {sessionKey: agent:main:main, entryId: <user entry of turn 2>}" -- \
  oc gateway call sessions.rewind --json --params "{\"sessionKey\":\"agent:main:main\",\"entryId\":\"$U2\"}"
entries main agent:main:main > "$RUN/cli/entries-main-after-rewind.json"
step main-after-rewind "agent main, turn after the rewind" -- \
  oc agent --agent main --message "First turn after the rewind" --json --timeout 180
entries main agent:main:main > "$RUN/cli/entries-main-final.json"

# (5) second agent: main session turn, scratch session turn, delete scratch
step work-main-turn-1 "agent work, main session, turn 1 (moonshot/kimi-k2.5)" -- \
  oc agent --agent work --message "Work agent turn 1" --json --timeout 180
step scratch-turn "agent work, scratch session (explicit key agent:work:scratch) turn" -- \
  oc agent --session-key agent:work:scratch --message "Scratch session message" --json --timeout 180
step delete-scratch "openclaw sessions delete agent:work:scratch (archive expected)" -- \
  oc sessions delete agent:work:scratch --agent work --yes --json

# OpenClaw's own view of the usage
finish_corpus
