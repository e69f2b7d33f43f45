#!/usr/bin/env bash
# Installs the Debian packages that utils/export-real-models.py needs (only
# those missing): PyTorch and torchvision for the system python3, which also
# has numpy and onnx from scripts/setup.sh. Safe to run again.
set -euo pipefail

packages=(python3-torch python3-torchvision python3-numpy python3-onnx)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup-models: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
