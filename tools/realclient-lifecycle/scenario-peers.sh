#!/usr/bin/env bash
# Peer-keyed sessions scenario (run by generate.sh peers OUTDIR; do not call directly).
# One fake UTC day. `session.dmScope: "per-channel-peer"` is set, and sessions are keyed the way
# OpenClaw's buildAgentPeerSessionKey keys channel DMs/groups under that scope
# (agent:<id>:<channel>:direct:<peerId>, agent:<id>:<channel>:group:<id>). No channel can be driven
# offline against the mock, so the keys are created through the gateway (sessions.create {key}) or
# `openclaw agent --session-key`; OpenClaw itself writes every row and transcript.
OCREAL_START_OFFSET=${OCREAL_START_OFFSET:--1d}
# shellcheck source=common.sh
source "$OCREAL_HERE/common.sh"
python3 - "$HERE/openclaw.template.json5" "$STATE/openclaw.json" <<'PYEOF'
import sys
src = open(sys.argv[1]).read()
marker = "  gateway: {"
assert marker in src
src = src.replace(marker, '  session: { dmScope: "per-channel-peer" },\n' + marker, 1)
open(sys.argv[2], "w").write(src)
PYEOF

K_WA="agent:main:whatsapp:direct:+447700900123"   # UK Ofcom drama range: fictional
K_IM="agent:main:imessage:direct:alice.example@example.org"
K_TG="agent:main:telegram:group:-1001234567890"
K_DC="agent:work:discord:direct:123456789012345678"

start_gateway day1
step main-turn-1 "agent main, main session (no peer id), turn 1" -- \
  oc agent --agent main --message "Hello from the main session" --json --timeout 180
step create-wa "sessions.create {key: $K_WA} (WhatsApp DM, per-channel-peer)" -- \
  oc gateway call sessions.create --json --params "{\"key\":\"$K_WA\",\"agentId\":\"main\"}"
step wa-turn-1 "turn 1 in $K_WA" -- \
  oc agent --session-key "$K_WA" --message "WhatsApp DM turn 1" --json --timeout 180
step wa-turn-2-tool "turn 2 in $K_WA: tool-call turn (two model calls)" -- \
  oc agent --session-key "$K_WA" --message "WhatsApp DM turn 2: please read AGENTS.md [[TOOL]]" --json --timeout 180
step wa-delete "openclaw sessions delete $K_WA (archived), then the same key again: a second session id" -- \
  oc sessions delete "$K_WA" --agent main --yes --json
step create-wa-again "sessions.create {key: $K_WA} again" -- \
  oc gateway call sessions.create --json --params "{\"key\":\"$K_WA\",\"agentId\":\"main\"}"
step wa-turn-3 "turn in $K_WA after the delete (second session id of the key)" -- \
  oc agent --session-key "$K_WA" --message "WhatsApp DM turn after delete" --json --timeout 180
step create-im "sessions.create {key: $K_IM} (iMessage DM with an e-mail handle)" -- \
  oc gateway call sessions.create --json --params "{\"key\":\"$K_IM\",\"agentId\":\"main\"}"
step im-turn-1 "turn 1 in $K_IM" -- \
  oc agent --session-key "$K_IM" --message "iMessage e-mail DM turn 1" --json --timeout 180
step tg-turn-1 "turn in $K_TG (Telegram supergroup id)" -- \
  oc agent --session-key "$K_TG" --message "Telegram group turn" --json --timeout 180
step dc-turn-1 "agent work: turn in $K_DC (Discord user snowflake)" -- \
  oc agent --session-key "$K_DC" --message "Discord DM turn" --json --timeout 180

finish_corpus
