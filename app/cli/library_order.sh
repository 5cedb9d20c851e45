#!/usr/bin/env bash
# Writes the order in which depthstyle-cli loads the work module's libraries
# before the module itself, one soname per line, dependencies first.
#
# Loaded by the module's one dlopen, LibTorch's ~290 libraries share one
# lookup scope, and the dynamic linker looks each of their ~160,000 symbol
# references up through it from the front: 110 libraries on average, about
# 0.1 s. Loaded one by one in this order, each library's references search
# only the program's own libraries and the library's own dependencies.
#
# That is also where a reference now binds when two libraries define the
# same symbol: to the library's own dependency, not to whichever came first
# in LibTorch's scope (on Debian 12, LAPACK's BLAS calls bind to
# libopenblas.so.0, which it needs, rather than libblas.so.3, the same
# OpenBLAS). C++ objects that must be one per process are marked unique by
# the compiler and are shared whatever the order.
#
# Left out: the libraries that refer to a symbol the module defines (LibTorch
# calls the module's pthreadpool_create) and those depending on them; they
# load with the module, which they must see first.
#
# Lines starting with '#' are comments.
#
# usage: library_order.sh MODULE OUTPUT
set -euo pipefail
export LC_ALL=C
module="$1"
output="$2"
fail() { echo "library_order.sh: $*" >&2; exit 1; }
resolved="$(ldd "$module")" || fail "ldd cannot read $module"
# A module with its own library path (a LibTorch built elsewhere) finds its
# libraries there; the program, loading them by name, would not.
if readelf --dynamic "$module" | grep -qE '\((RPATH|RUNPATH)\)'; then
  echo "# none: $module has its own library path" > "$output"
  exit 0
fi
if grep -q "not found" <<<"$resolved"; then
  fail "$module needs libraries that are not installed: $(grep "not found" <<<"$resolved" | tr -s ' \t\n' ' ')"
fi
pairs="$(awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' <<<"$resolved")"
[ -n "$pairs" ] || fail "ldd found no libraries for $module"
mapfile -t paths < <(awk '{print $2}' <<<"$pairs")
# One readelf for all: each file's NEEDED entries and dynamic symbols, after
# a "File: PATH" line.
readelf --dynamic --dyn-syms --wide "$module" "${paths[@]}" |
  MODULE="$module" PAIRS="$pairs" FILES="$((${#paths[@]} + 1))" awk '
    # Depth first: a library is written after all of its dependencies.
    function visit(name,   file, i, dep, bound) {
      if (name in seen) return
      seen[name] = 1
      file = path[name]
      bound = (file in wantsModule)
      for (i = 1; i <= needs[file]; i++) {
        dep = need[file, i]
        if (!(dep in path)) continue
        visit(dep)
        if (dep in withModule) bound = 1
      }
      if (bound) withModule[name] = 1
      else print name
    }
    BEGIN {
      module = ENVIRON["MODULE"]
      n = split(ENVIRON["PAIRS"], lines, "\n")
      for (i = 1; i <= n; i++) { split(lines[i], f, " "); path[f[1]] = f[2] }
      file = ""
    }
    /^File: / { file = substr($0, 7); files++; next }
    /\(NEEDED\)/ {
      dep = $0; sub(/.*\[/, "", dep); sub(/\].*/, "", dep)
      need[file, ++needs[file]] = dep
      next
    }
    # Symbol table rows: Num: Value Size Type Bind Vis Ndx Name
    $1 ~ /^[0-9]+:$/ && NF >= 8 {
      symbol = $8; sub(/@.*/, "", symbol)
      if ($7 == "UND") undefinedIn[file, symbol] = 1
      else if (file == module && $5 != "LOCAL") defined[symbol] = 1
    }
    END {
      if (files != ENVIRON["FILES"] || needs[module] == 0) {
        print "library_order.sh: readelf listed " files + 0 " of " ENVIRON["FILES"] " files" > "/dev/stderr"
        exit 1
      }
      for (key in undefinedIn) {
        split(key, k, SUBSEP)
        if (k[2] in defined) wantsModule[k[1]] = 1
      }
      for (i = 1; i <= needs[module]; i++) if (need[module, i] in path) visit(need[module, i])
    }' > "$output.tmp" || fail "cannot order the libraries of $module"
[ -s "$output.tmp" ] || fail "no order written for $module"
mv "$output.tmp" "$output"
