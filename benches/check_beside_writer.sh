#!/usr/bin/env bash
# `check` beside an officer saving (issue 13): RUNS `check` runs (default 100) on a fresh demo
# database (SCALE: small, province or national; default province) while a loop saves a score
# with a new note on WRITER_UNIT (default phuong-dong-hoi) for WRITER_YEAR (default 2027, a year
# the demo leaves unassessed, so no stage of its cycle locks the writer) as fast as it
# can. Counts the checks that fail (any failure is a false alarm: the database is sound) and the
# saves that landed meanwhile; prints the median check time. The figure of BENCHMARKS.md.
# PARINDEX_BIN (default target/release/parindex) says what to measure. Everything lives in a
# private temporary directory, removed on every exit.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PARINDEX_BIN:-$PWD/target/release/parindex}
scale=${SCALE:-province}
runs=${RUNS:-100}
unit=${WRITER_UNIT:-phuong-dong-hoi}
year=${WRITER_YEAR:-2027}
dir=$(mktemp -d)
writer=""
cleanup() {
  if [ -n "$writer" ]; then kill "$writer" 2>/dev/null || true; wait "$writer" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT
db=$dir/parindex.db
p() { "$bin" --db "$db" --lang en "$@"; }

p --create demo --scale "$scale" > /dev/null
save() { p score set --unit "$unit" --year "$year" --sub 1.1.1 --value 0.5 --note "save $1" > /dev/null 2>&1; }
if ! save 0; then
  echo "the writer cannot save on $unit $year: choose WRITER_UNIT / WRITER_YEAR" >&2
  p score set --unit "$unit" --year "$year" --sub 1.1.1 --value 0.5 --note "save 0" >&2 || true
  exit 2
fi

# The writer: saves until it is stopped, one line in $dir/saves per save that landed.
( i=0; while :; do i=$((i + 1)); if save "$i"; then echo "$i" >> "$dir/saves"; fi; done ) &
writer=$!

alarms=0
times=()
for n in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  if ! p check > "$dir/check.out" 2>&1; then
    alarms=$((alarms + 1))
    echo "check $n: $(head -c 300 "$dir/check.out")" >&2
  fi
  times+=("$(echo "$(date +%s.%N) - $start" | bc -l)")
done
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
writer=""
saves=$(wc -l < "$dir/saves" 2>/dev/null || echo 0)
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'check beside a writer (%s, %s): %d runs, %d false alarms, %d saves meanwhile, median check %.2f s\n' \
  "$scale" "$(basename "$bin")" "$runs" "$alarms" "$saves" "$median"
[ "$alarms" -eq 0 ]
