#!/usr/bin/env bash
# Installs the Debian 12 packages TĐKT builds and tests with, only those missing.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config git openssl
  libsqlite3-dev sqlite3 nlohmann-json3-dev libutf8proc-dev doctest-dev
  libboost1.81-dev libssl-dev libcereal-dev libzstd-dev libsodium-dev
  libimgui-dev libglfw3-dev fonts-noto-core fonts-dejavu-core xvfb xauth
  libstb-dev
)
# The annual report's XLSX and DOCX export (issue 19).
packages+=(libxlsxwriter-dev libzip-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing missing packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
