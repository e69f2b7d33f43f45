#!/usr/bin/env bash
# Checks that every C/C++ line changed since the format baseline (the commit
# in .clang-format-baseline, when formatting started to be enforced) is as
# clang-format 22 (LLVM style, .clang-format) writes it; older lines are left
# alone until someone touches them. Prints the diff and exits 1 otherwise.
#   scripts/check-format.sh          check
#   scripts/check-format.sh --fix    reformat those lines in the work tree
set -euo pipefail
cd "$(dirname "$0")/.."
baseline="$(tr -d '[:space:]' < .clang-format-baseline)"
tool=(git-clang-format-22 --binary /usr/lib/llvm-22/bin/clang-format
      --extensions c,h,cpp "$baseline")
if [[ "${1:-}" == --fix ]]; then
  "${tool[@]}" -f -- . || true
  exit 0
fi
out="$("${tool[@]}" --diff -- . 2>&1)" || true
case "$out" in
  "no modified files to format"*|"clang-format did not modify any files"*)
    echo "check-format: lines changed since $baseline are formatted"
    exit 0 ;;
esac
echo "$out"
echo "check-format: run scripts/check-format.sh --fix" >&2
exit 1
