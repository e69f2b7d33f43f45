#!/usr/bin/env bash
# Installs the Debian packages that utils/export-real-models.py needs (only
# those missing): PyTorch and torchvision for the system python3, which also
# has numpy and onnx from scripts/setup.sh. Safe to run again.
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"

packages=(python3-torch python3-torchvision python3-numpy python3-onnx)

apt_install_missing setup-models "${packages[@]}"
