#!/usr/bin/env bash
# Whole-process figures of BENCHMARKS.md, each beside its floor in the same run (runs paired
# A/B, median wall time, peak resident memory from /usr/bin/time -v):
#   - the ranking of 10,000 communes (`report --format json`) beside sqlite3's GROUP BY over the
#     projection, and its statistics (`report --stats`) beside the same floor;
#   - `check` (every event's digest and signature, the projection and the kept totals
#     recomputed) beside sqlite3's PRAGMA integrity_check, on the province and national samples;
#   - bytes per event of each sample.
# PARINDEX_BIN (default target/release/parindex) and BENCH_DATA (default target/bench-data,
# built by `cargo bench --bench figures`) say what to measure; RUNS how many pairs (default 5);
# YEAR the year ranked (default: the national sample's newest); CHECK_DBS the files `check`
# runs on (default both samples).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PARINDEX_BIN:-$PWD/target/release/parindex}
data=${BENCH_DATA:-$PWD/target/bench-data}
runs=${RUNS:-5}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

one() { # cmd... → "seconds kib"
  /usr/bin/time -f "%e %M" -o "$out" "$@" > /dev/null 2>&1 || true
  cat "$out"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

pair() { # label-a label-b -- cmd-a -- cmd-b
  local la=$1 lb=$2; shift 3
  local a=() b=()
  while [ "$1" != "--" ]; do a+=("$1"); shift; done
  shift
  b=("$@")
  local ta=() tb=() ma=0 mb=0 t m
  for _ in $(seq 1 "$runs"); do
    read -r t m < <(one "${a[@]}"); ta+=("$t"); (( m > ma )) && ma=$m
    read -r t m < <(one "${b[@]}"); tb+=("$t"); (( m > mb )) && mb=$m
  done
  local xa xb
  xa=$(printf '%s\n' "${ta[@]}" | median)
  xb=$(printf '%s\n' "${tb[@]}" | median)
  printf '%-44s %8.3f s %8.1f MiB\n' "$la" "$xa" "$(echo "$ma / 1024" | bc -l)"
  printf '%-44s %8.3f s %8.1f MiB\n' "$lb" "$xb" "$(echo "$mb / 1024" | bc -l)"
  printf '%-44s %8.2fx\n' "ratio" "$(echo "$xa / $xb" | bc -l)"
}

bytes_per_event() { # db
  local events size
  events=$(sqlite3 "$1" "SELECT count(*) FROM event")
  size=$(sqlite3 "$1" "PRAGMA page_count" | awk -v p="$(sqlite3 "$1" "PRAGMA page_size")" '{print $1 * p}')
  printf '%-44s %8d events %8.0f bytes/event (whole file)\n' "$(basename "$1")" "$events" "$(echo "$size / $events" | bc -l)"
  sqlite3 "$1" "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 6" 2>/dev/null \
    | awk -F'|' -v n="$events" '{printf "    %-40s %8.0f bytes/event\n", $1, $2 / n}' || true
}

national=$data/national.db
province=$data/province.db
# The newest year of the national sample (the benches build 2025; `demo --scale national` 2026).
year=${YEAR:-$(sqlite3 "$national" "SELECT max(year) FROM assessment")}
# Opened once first: a file from an older parindex is migrated, its kept totals built.
for db in "$province" "$national"; do
  /usr/bin/time -f "first open of $(basename "$db") (migration, kept totals built): %e s %M KiB" \
    "$bin" --db "$db" --lang en framework list > /dev/null 2> >(grep "first open" >&2) || true
done

floor_sql="SELECT framework_id, unit_code, year, count(*), max(value) FROM current WHERE year = $year GROUP BY 1, 2, 3"
for format in json csv; do
  echo "== ranking of 10,000 communes (national), $format"
  pair "parindex report --format $format" "floor: sqlite3 GROUP BY" -- \
    "$bin" --db "$national" --lang en report --year "$year" --level xa --format "$format" -- \
    sqlite3 "$national" "$floor_sql"
done

echo "== statistics of 10,000 communes (national), report --stats"
pair "parindex report --stats" "floor: sqlite3 GROUP BY" -- \
  "$bin" --db "$national" --lang en report --year "$year" --level xa --stats -- \
  sqlite3 "$national" "$floor_sql"

for db in ${CHECK_DBS:-"$province" "$national"}; do
  echo "== check, $(basename "$db")"
  pair "parindex check" "floor: sqlite3 PRAGMA integrity_check" -- \
    "$bin" --db "$db" --lang en check -- \
    sqlite3 "$db" "PRAGMA integrity_check"
done

echo "== bytes per event"
for db in "$province" "$national"; do bytes_per_event "$db"; done
