#!/usr/bin/env bash
# Whole-process figures for BENCHMARKS.md: peak memory (VmHWM) of the TUI on the province and
# national sample databases, home screen and a walkthrough, at 120x40 in tmux.
# Run `cargo bench --bench figures` first: it builds the databases under target/bench-data/.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/parindex
data=$PWD/target/bench-data

peak() { # name db args...
  local name=$1 db=$2; shift 2
  tmux kill-session -t pxbench 2>/dev/null || true
  tmux new-session -d -s pxbench -x 120 -y 40 "$bin --db $db $*"
  local pid=""
  for _ in $(seq 1 100); do
    pid=$(pgrep -n -f "$bin --db $db" || true)
    if [ -n "$pid" ] && tmux capture-pane -p -t pxbench | grep -q "Chỉ số\|Tổng"; then break; fi
    sleep 0.1
  done
  sleep 0.5
  local hwm
  hwm=$(grep VmHWM "/proc/$pid/status" | awk '{print $2}')
  printf '%-34s %8.1f MB\n' "$name" "$(echo "$hwm / 1024" | bc -l)"
  tmux send-keys -t pxbench C-c
  sleep 0.3
  tmux kill-session -t pxbench 2>/dev/null || true
}

peak "province: home" "$data/province.db"
peak "province: walkthrough" "$data/province.db" tui --unit dong-hoi-bao-ninh --year 2025
peak "national: home" "$data/national.db"
peak "national: walkthrough" "$data/national.db" tui --unit mau-h000-x000 --year 2025
