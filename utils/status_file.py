"""Status files of the test-suite harnesses (onnx-import-coverage.py,
onnx-import-numerics.py, onnx-conformance.py): one `<category>/<test>:
<status>` line per model, sorted, committed next to the lit test that checks
it. `--write` regenerates a file; `--check` compares a new run with it and
names every model whose outcome moved."""

import re


def lines_of(results):
    """The status file's lines for {key: status}."""
    return ["%s: %s" % (k, results[k]) for k in sorted(results)]


def write(path, results):
    with open(path, "w") as f:
        f.write("\n".join(lines_of(results)) + "\n")


def read(path, only=None):
    """{key: status} of a status file; with `only` (a regex), the keys it
    matches."""
    with open(path) as f:
        expected = dict(l.split(": ", 1) for l in f.read().splitlines()
                        if ": " in l)
    if only:
        expected = {k: v for k, v in expected.items() if re.search(only, k)}
    return expected


def compare(expected, results, is_good, same=lambda a, b: a == b):
    """(regressions, changes): lines "key: was 'A', now 'B'" for every key
    whose status moved (`same` decides), a regression when it was good."""
    regressions, changes = [], []
    for key in sorted(set(expected) | set(results)):
        old, new = expected.get(key, "missing"), results.get(key, "missing")
        if same(old, new):
            continue
        (regressions if is_good(old) else changes).append(
            "%s: was '%s', now '%s'" % (key, old, new))
    for line in regressions:
        print("REGRESSION " + line)
    for line in changes:
        print("CHANGED " + line)
    return regressions, changes
