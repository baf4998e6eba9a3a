#!/usr/bin/env bash
# Prepares code-server (a real VS Code that runs in Node and is driven through
# Chromium) under .cache/, because this machine cannot download VS Code builds.
# Idempotent: a stamp file makes later runs a no-op.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # VS Code 1.100.3; later releases need Node 22
APT_PACKAGES=(chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config python3 make g++)

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="$REPO_ROOT/.cache"
TARGET="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
STAMP="$TARGET/.prepared"
STAMP_CONTENT="code-server $CODE_SERVER_VERSION node $(node --version)"

log() { printf '[prepare-code-server] %s\n' "$*" >&2; }

ensure_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$pkg")
    fi
  done
  if ((${#missing[@]} == 0)); then
    return
  fi
  log "installing Debian packages: ${missing[*]}"
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

ensure_apt_packages

# The stamp records the Node version too: native modules are built against it.
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$STAMP_CONTENT" ]]; then
  log "already prepared: $TARGET"
  exit 0
fi

start=$(date +%s)
mkdir -p "$CACHE_DIR"
# Build in a staging folder and move it into place at the end so an
# interrupted run never leaves a half-prepared tree that looks usable.
STAGING="$CACHE_DIR/code-server-$CODE_SERVER_VERSION.staging"
rm -rf "$STAGING" "$TARGET"
mkdir -p "$STAGING"

log "fetching code-server@$CODE_SERVER_VERSION from the npm registry"
tarball=$(cd "$STAGING" && npm pack --silent "code-server@$CODE_SERVER_VERSION" | tail -n 1)
tar -xzf "$STAGING/$tarball" -C "$STAGING"
rm "$STAGING/$tarball"
PKG="$STAGING/package"

# --ignore-scripts everywhere: several postinstall hooks download prebuilt
# binaries from GitHub, which this network refuses. Native modules are rebuilt
# from source below instead.
log "installing VS Code's runtime dependencies"
(cd "$PKG/lib/vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)

RG_DIR="$PKG/lib/vscode/node_modules/@vscode/ripgrep/bin"
mkdir -p "$RG_DIR"
cp /usr/bin/rg "$RG_DIR/rg"

log "building VS Code's native modules"
# npm_config_yes: node-gyp/prebuild helpers otherwise stop to ask before
# fetching their own tooling, and there is no terminal to answer.
(cd "$PKG/lib/vscode" && npm_config_yes=true npm rebuild \
  node-pty kerberos @vscode/spdlog native-watchdog @parcel/watcher)

# VS Code's server resolves some modules through node_modules.asar, which only
# exists in packaged desktop builds.
ln -sfn node_modules "$PKG/lib/vscode/node_modules.asar"

log "installing built-in extensions' dependencies"
(cd "$PKG/lib/vscode/extensions" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)

log "installing code-server's own dependencies"
(cd "$PKG" && npm install --omit=dev --ignore-scripts --no-audit --no-fund)
(cd "$PKG" && npm_config_yes=true npm rebuild argon2)

mv "$PKG" "$TARGET"
rm -rf "$STAGING"
printf '%s' "$STAMP_CONTENT" >"$STAMP"
log "prepared $TARGET in $(($(date +%s) - start))s"
