#!/usr/bin/env bash
# Installs the ONNX Runtime peer of the benchmarks (bench/ort): the npm
# packages pinned in bench/ort/package.json and package-lock.json. Needs
# node and npm (Debian: nodejs, npm; installed here if missing). Safe to run
# again: does nothing when the pinned onnxruntime-node is already there.
#
# --ignore-scripts skips onnxruntime-node's postinstall, which only fetches
# the CUDA provider; the CPU binding ships prebuilt in the package
# (bin/napi-v6/linux/x64).
set -euo pipefail
source "$(dirname "$0")/apt-install.sh"
cd "$(dirname "$0")/../bench/ort"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install_missing setup-bench nodejs npm
fi

want="$(node -p 'require("./package.json").dependencies["onnxruntime-node"]')"
have="$(node -p 'try { require("./node_modules/onnxruntime-node/package.json").version } catch { "" }')"
if [[ "$have" != "$want" ]]; then
  echo "setup-bench: installing onnxruntime-node $want in bench/ort"
  if [[ -f package-lock.json ]]; then
    npm ci --ignore-scripts --no-audit --no-fund
  else
    npm install --ignore-scripts --no-audit --no-fund
  fi
fi

# The binding must load: a missing or incompatible prebuilt fails here.
node -e 'const o = require("onnxruntime-node"); console.log("setup-bench: onnxruntime-node " + o.env.versions.node + " ok")'
