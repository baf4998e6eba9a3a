#!/usr/bin/env bash
# Installs Debian's Neovim for test/neovim/ (the README's Neovim set-up, run for real).
# A no-op when `nvim` is already there. Where it can't be installed (not root and no sudo,
# no apt-get), it says so and exits 0: the Neovim test then skips with the reason.
set -euo pipefail

log() { printf '[prepare-neovim] %s\n' "$*" >&2; }

if command -v nvim >/dev/null 2>&1; then
  log "found $(nvim --version | head -n 1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  log "no apt-get on this machine: install Neovim 0.7 or later yourself to run the Neovim test"
  exit 0
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
    log "not root and no password-less sudo: install Debian's neovim package yourself to run the Neovim test"
    exit 0
  fi
  sudo=(sudo -n)
fi
log "installing Debian's neovim package"
if "${sudo[@]}" apt-get update && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends neovim; then
  log "installed $(nvim --version | head -n 1)"
else
  log "apt-get could not install neovim (see above): the Neovim test will skip"
fi
