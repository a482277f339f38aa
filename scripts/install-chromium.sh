#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (driven by playwright-core) when it is missing.
# Idempotent: does nothing when /usr/bin/chromium (or $CHROMIUM_PATH) exists. Needs root or sudo.
set -euo pipefail
target=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$target" ]; then
  echo "chromium present: $("$target" --version 2>/dev/null || echo "$target")"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "chromium is missing at $target and there is no apt-get here: install Chromium and set CHROMIUM_PATH" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "chromium is missing and installing it needs root (apt-get install chromium)" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
"$target" --version
