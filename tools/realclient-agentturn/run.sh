#!/usr/bin/env bash
# One real OpenClaw 2026.9.6 chat turn in which the (mock) model runs the skill through OpenClaw's exec tool.
# Uses ../shared/realclient/agent-turn (read-only) with harness.patch applied to a private copy:
#   - the mock reads SKILL.md from the cloned skill folder (the shared mock expanded the prompt's `~`
#     with its own HOME, found no SKILL.md and fell back to a hard-coded `python3 …` command);
#   - markers [[EXEC_TM@uv|python3:COMMAND]] pick SKILL.md's `uv run` or `python3` line and the COMMAND;
#   - AGENTTURN_SEED_STATE=DIR copies an OpenClaw state into the fresh ~/.openclaw first;
#   - AGENTTURN_TM_MARKER / AGENTTURN_TM_MARKER2 set the marker of the first / an optional second turn;
#   - the mock answers "Command still running (session …)" from exec with `process poll` until the command ends;
#   - cli/08,09: `skills info token-monitor` with neither uv nor python3 findable (PATH = node's folder only and
#     /usr/bin/python3 masked: OpenClaw's CLI adds the standard system folders to PATH on its own).
# Usage (from the project root, as root):  tools/realclient-agentturn/run.sh LABEL [overlay.json5]
# Every other knob (OCREAL_CACHE, AGENTTURN_NET, AGENTTURN_PATH_PREPEND, AGENTTURN_RUNS, AT_EXTRA_TURNS, and any
# variable the gateway should inherit, e.g. UV_NATIVE_TLS) passes through the environment. See
# tests/fixtures/integration/agent-turn-2026.9.6/README.md for the recorded runs.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHARED=${AGENTTURN_HARNESS:-$HERE/../../../shared/realclient/agent-turn}
[ -f "$SHARED/agentturn.sh" ] || { echo "no harness at $SHARED (set AGENTTURN_HARNESS)" >&2; exit 2; }
COPY=$(mktemp -d "${TMPDIR:-/tmp}/agentturn-harness.XXXXXX")
trap 'rm -rf "$COPY"' EXIT
cp -r "$SHARED/." "$COPY/"; chmod -R u+w "$COPY"
patch -s -d "$COPY" -p1 < "$HERE/harness.patch"
bash "$COPY/agentturn.sh" "$@"
