#!/usr/bin/env bash
# Installs what building and testing Sourcebook needs and is missing:
# Debian packages, the frontend's npm packages, Go modules. Safe to run again;
# it does nothing when everything is in place. Used by `make run` and
# `make test`, so a fresh Debian 12 machine needs nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev
  xvfb xauth imagemagick xdotool chromium sqlite3 python3-pybtex)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # The image's apt hook deletes downloaded .deb files after each dpkg run,
  # so a large first install can fail with "cannot access archive"; the
  # same install run again succeeds.
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Node.js 20.19+ runs Vite 8. Debian 12's own nodejs is 18, too old.
if ! command -v node >/dev/null; then
  echo "setup: Node.js 20.19 or newer is needed (https://nodejs.org); none found" >&2
  exit 1
fi
node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("setup: Node.js 20.19 or newer is needed; found "+process.versions.node); process.exit(1) }'

# npm ci when package-lock.json changed since the last install.
stamp=frontend/node_modules/.sourcebook-lock
if ! cmp -s frontend/package-lock.json "$stamp" 2>/dev/null; then
  echo "setup: installing npm packages (npm ci)"
  (cd frontend && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
  cp frontend/package-lock.json "$stamp"
fi

go mod download
