#!/usr/bin/env bash
# Test: the committed translations are complete and up to date with the
# sources (no new, changed or removed strings since the last lupdate).
# usage: check_translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate="$1"
src="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python="${DEPTHSTYLE_PYTHON:-/usr/bin/python3}"
for ts in "$src"/translations/*.ts; do
  cp "$ts" "$work/current.ts"
  "$lupdate" -silent -no-obsolete -locations none "$src"/ui/*.cpp "$src"/ui/*.h "$src"/ui/document/*.cpp \
    "$src"/app/gui/main.cpp -ts "$work/current.ts"
  "$python" - "$ts" "$work/current.ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

def messages(path):
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.find("name").text
        for m in context.iter("message"):
            t = m.find("translation")
            found[(name, m.find("source").text)] = t.get("type") != "unfinished" and bool(t.text)
    return found

committed, fresh = messages(sys.argv[1]), messages(sys.argv[2])
problems = ["new or changed in the sources: %r" % (k,) for k in fresh if k not in committed]
problems += ["no longer in the sources: %r" % (k,) for k in committed if k not in fresh]
problems += ["untranslated: %r" % (k,) for k, done in committed.items() if not done]
for p in problems:
    print(sys.argv[1] + ": " + p)
if problems:
    print("Run the depthstyle_lupdate build target and translate what it marks unfinished.")
    sys.exit(1)
PY
done
echo "1 passed, 0 failed"
