#!/usr/bin/env bash
# Installs code-server (VS Code in the browser, from the npm registry) into a
# cache directory so the real-editor e2e suite can run on machines where VS Code
# itself cannot be downloaded. Idempotent: a complete install is reused.
#
#   scripts/setup-code-server.sh            # prints the install dir on the last line of stdout
#   CODE_SERVER_VERSION=4.100.3 CODE_SERVER_CACHE=/path scripts/setup-code-server.sh
#
# Why not `npm install code-server`: its postinstall downloads ripgrep and prebuilt
# native binaries from GitHub, which is unreachable here. We unpack the tarball,
# install dependencies without scripts, and build the native modules against the
# system Node headers instead.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"   # newest release whose engines.node is 20
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_ROOT="${CODE_SERVER_CACHE:-$REPO_ROOT/.cache/code-server}"
# Keyed by code-server version and Node's module ABI: the native modules are built for it.
NODE_ABI="$(node -p 'process.versions.modules' 2>/dev/null || echo unknown)"
DEST="$CACHE_ROOT/$VERSION-node-abi$NODE_ABI"
MARKER="$DEST/.kep-lens-setup-complete"

log() { echo "[setup-code-server] $*" >&2; }
die() { echo "[setup-code-server] ERROR: $*" >&2; exit 1; }

if [[ -f "$MARKER" && -f "$DEST/package/out/node/entry.js" ]]; then
  log "reusing code-server $VERSION at $DEST/package"
  echo "$DEST/package"
  exit 0
fi

# ---- prerequisites -------------------------------------------------------------
missing=()
for cmd in node npm make g++ python3 rg; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("command:$cmd")
done
# Headers/libraries the native modules link against (kerberos, native-keymap,
# @vscode/spdlog etc.), checked by a header each package installs.
declare -A HEADER_OF=(
  [libkrb5-dev]=/usr/include/krb5.h
  [libx11-dev]=/usr/include/X11/Xlib.h
  [libxkbfile-dev]=/usr/include/X11/extensions/XKBfile.h
  [libsecret-1-dev]=/usr/include/libsecret-1/libsecret/secret.h
)
for pkg in "${!HEADER_OF[@]}"; do
  [[ -e "${HEADER_OF[$pkg]}" ]] || missing+=("debian:$pkg")
done
command -v rg >/dev/null 2>&1 || missing+=("debian:ripgrep")
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
[[ "$node_major" == "20" ]] || log "warning: code-server $VERSION expects Node 20, found $(node -v 2>/dev/null || echo none)"
NODEDIR="$(npm config get nodedir 2>/dev/null || true)"
[[ -n "$NODEDIR" && "$NODEDIR" != "undefined" && "$NODEDIR" != "null" ]] || NODEDIR="$(dirname "$(dirname "$(command -v node)")")"
[[ -f "$NODEDIR/include/node/node.h" ]] || missing+=("node headers in $NODEDIR/include/node (Debian: nodejs/libnode-dev)")
NODE_GYP="$(npm root -g)/npm/node_modules/node-gyp/bin/node-gyp.js"
[[ -f "$NODE_GYP" ]] || missing+=("npm's bundled node-gyp ($NODE_GYP)")

if ((${#missing[@]})); then
  echo "[setup-code-server] missing prerequisites:" >&2
  printf '  - %s\n' "${missing[@]}" | sort -u >&2
  echo "[setup-code-server] on Debian: apt-get install -y libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep build-essential python3" >&2
  exit 2
fi

# ---- install -------------------------------------------------------------------
# One installer at a time (parallel CI jobs share the cache).
mkdir -p "$CACHE_ROOT"
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.lock"
  flock -w 600 9 || die "timed out waiting for another setup-code-server.sh to finish"
  if [[ -f "$MARKER" && -f "$DEST/package/out/node/entry.js" ]]; then
    log "reusing code-server $VERSION at $DEST/package (installed by a concurrent run)"
    echo "$DEST/package"
    exit 0
  fi
fi
start=$(date +%s)
rm -rf "$DEST"
mkdir -p "$DEST"
# Build in a staging dir and mark complete only at the end, so an interrupted
# run never leaves something that looks usable.
cd "$DEST"
log "downloading code-server@$VERSION tarball from the npm registry"
tarball="$(npm pack "code-server@$VERSION" --silent 2>/dev/null | tail -n1)"
[[ -f "$tarball" ]] || die "npm pack code-server@$VERSION failed"
tar -xzf "$tarball"
rm -f "$tarball"
PKG="$DEST/package"
[[ -f "$PKG/out/node/entry.js" ]] || die "unexpected tarball layout (no package/out/node/entry.js)"

npm_quiet() { npm --no-audit --no-fund --loglevel=error "$@"; }

log "npm install (package)"
(cd "$PKG" && npm_quiet install --omit=dev --ignore-scripts) >&2
log "npm install (lib/vscode)"
(cd "$PKG/lib/vscode" && npm_quiet install --omit=dev --ignore-scripts) >&2
log "npm install (lib/vscode/extensions)"
(cd "$PKG/lib/vscode/extensions" && npm_quiet install --omit=dev --ignore-scripts) >&2

log "building native modules against $NODEDIR (node $(node -v))"
for mod in kerberos native-watchdog node-pty @parcel/watcher @vscode/spdlog @vscode/deviceid; do
  dir="$PKG/lib/vscode/node_modules/$mod"
  if [[ ! -d "$dir" ]]; then
    log "  $mod: not present, skipped"
    continue
  fi
  log "  $mod"
  (cd "$dir" && node "$NODE_GYP" rebuild --nodedir="$NODEDIR" -j max >"$DEST/build-${mod//\//_}.log" 2>&1) \
    || { tail -n 40 "$DEST/build-${mod//\//_}.log" >&2; die "native build of $mod failed (log: $DEST/build-${mod//\//_}.log)"; }
done

log "npm rebuild argon2"
(cd "$PKG" && npm_quiet rebuild argon2 --nodedir="$NODEDIR") >&2

log "ripgrep from $(command -v rg)"
mkdir -p "$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"

# VS Code loads some modules from node_modules.asar; point it at the plain dir.
ln -sfn node_modules "$PKG/lib/vscode/node_modules.asar"

# Smoke test: the server binary runs (with a throwaway XDG config home: code-server
# writes a default config file there on first start).
smoke_home="$(mktemp -d)"
(cd "$PKG" && XDG_CONFIG_HOME="$smoke_home" XDG_DATA_HOME="$smoke_home" node out/node/entry.js --version >&2) \
  || { rm -rf "$smoke_home"; die "code-server does not start (node out/node/entry.js --version)"; }
rm -rf "$smoke_home"

echo "$VERSION" >"$MARKER"
log "code-server $VERSION installed in $(( $(date +%s) - start ))s at $PKG"
echo "$PKG"
