#!/usr/bin/env bash
# Regenerates the ODS reference docs and copies them into docs/generated.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh dfg-docs >/dev/null
mkdir -p docs/generated
cp build/docs/Dialects/*.md build/docs/Passes/*.md docs/generated/
ls docs/generated
