#!/usr/bin/env bash
# Whole-process time to the first full frame of the TUI's home screen (issue 18), beside its
# floor in the same run: `sqlite3 DB "SELECT count(*) FROM event"` (start a process, open the
# file, count the log). The TUI runs in a pseudo-terminal of 120x40 (python3's pty module); the
# time is taken when the home title with its year ("PAR Index YEAR") has been drawn, which
# happens only once the year's rows are in (the first frame is drawn after home has loaded).
# Runs are paired A/B; the median of RUNS (default 7) is printed with the ratio.
#   PARINDEX_BIN (default target/release/parindex), and the databases as arguments; TUI_ARGS
#   (for example `review`: read-only, so only the bounded check of the file at open).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PARINDEX_BIN:-$PWD/target/release/parindex}
runs=${RUNS:-7}
[ "$#" -gt 0 ] || { echo "usage: $0 DB..." >&2; exit 2; }
for db in "$@"; do
  python3 - "$bin" "$db" "$runs" ${TUI_ARGS:-} <<'EOF'
import fcntl, os, pty, select, signal, statistics, struct, subprocess, sys, termios, time

binary, db, runs, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]

def first_frame():
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--db", db, "--lang", "en", *extra])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen, took = b"", None
    deadline = start + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if b"PAR Index 2" in seen:
            took = time.monotonic() - start
            break
    if took is None:
        os.kill(pid, signal.SIGKILL)
    else:
        os.write(fd, b"\x03")
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    os.close(fd)
    if took is None:
        raise SystemExit(f"no home frame from {binary} on {db}: {seen[-300:]!r}")
    return took

def floor():
    start = time.monotonic()
    subprocess.run(["sqlite3", db, "SELECT count(*) FROM event"], check=True,
                   stdout=subprocess.DEVNULL)
    return time.monotonic() - start

first_frame()  # a file from an older parindex is migrated once, outside the figures
ours, base = [], []
for _ in range(runs):
    ours.append(first_frame())
    base.append(floor())
a, b = statistics.median(ours), statistics.median(base)
name = os.path.basename(db)
print(f"{name:<24} home first frame {' '.join(extra)}  {a * 1000:9.1f} ms  [{min(ours) * 1000:.1f}-{max(ours) * 1000:.1f}]")
print(f"{name:<24} floor: sqlite3 count {b * 1000:7.1f} ms  [{min(base) * 1000:.1f}-{max(base) * 1000:.1f}]")
print(f"{name:<24} ratio {a / b:.2f}x")
EOF
done
