#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (a test tool's own browser download cannot
# work offline). Installs it when missing and this is root; otherwise says what to do.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: $chromium is missing; install Debian's chromium package (sudo apt-get install chromium)" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
