//! A running parindex in a real pseudo-terminal (expectrl), its output parsed by vt100, keys
//! sent as a terminal sends them. Every wait is for text on the screen with a bounded timeout.

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{BIN, Scratch};

pub const UNIT: &str = "phuong-dong-hoi";
pub const WAIT: Duration = Duration::from_secs(15);

/// A running parindex in a pseudo-terminal.
pub struct Pty {
    pub session: expectrl::session::OsSession,
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
}

impl Pty {
    pub fn spawn(scratch: &Scratch, args: &[&str]) -> Pty {
        Pty::spawn_with(scratch, args, &[])
    }

    pub fn spawn_with(scratch: &Scratch, args: &[&str], env: &[(&str, &str)]) -> Pty {
        let mut cmd = Command::new(BIN);
        cmd.arg("--db")
            .arg(&scratch.db)
            .arg("--create")
            .args(args)
            .env("TERM", "xterm-256color")
            .env_remove("PARINDEX_DB")
            .env_remove("PARINDEX_LANG")
            .env_remove("NO_COLOR")
            .envs(env.iter().copied());
        let mut session = expectrl::Session::spawn(cmd).expect("spawn in a pty");
        session
            .get_process_mut()
            .set_window_size(80, 24)
            .expect("window size");
        Pty {
            session,
            parser: vt100::Parser::new(24, 80, 0),
            raw: Vec::new(),
        }
    }

    pub fn walk(scratch: &Scratch) -> Pty {
        let mut pty = Pty::spawn(scratch, &["tui", "--unit", UNIT, "--year", "2025"]);
        pty.wait_for("1.1.1 · tối đa 0,5 điểm");
        pty
    }

    /// Reads whatever output is there; returns false at end of output.
    pub fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => {
                    self.raw.extend_from_slice(&buf[..n]);
                    self.parser.process(&buf[..n]);
                }
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => return true,
                Err(_) => return false,
            }
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits (bounded) until `text` is on the screen.
    pub fn wait_for(&mut self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            self.pump();
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("'{text}' not on screen after {WAIT:?}:\n{}", self.screen());
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("send keys");
        self.session.flush().expect("flush");
    }

    /// Waits (bounded) until `needle` appears in the raw output after byte `from`.
    pub fn wait_for_bytes(&mut self, from: usize, needle: &[u8]) {
        let start = Instant::now();
        while start.elapsed() < WAIT {
            self.pump();
            if self.raw[from.min(self.raw.len())..]
                .windows(needle.len())
                .any(|w| w == needle)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{needle:?} not in the output after {WAIT:?}:\n{}",
            self.screen()
        );
    }

    /// Sends Ctrl-L and waits for the cleared, redrawn screen: every key sent before it has
    /// been read by then.
    pub fn sync_by_redraw(&mut self) {
        self.pump();
        let from = self.raw.len();
        self.send("\x0c");
        self.wait_for_bytes(from, b"\x1b[2J");
    }

    /// Resizes the pseudo-terminal (the kernel sends SIGWINCH) and the screen model with it.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.session
            .get_process_mut()
            .set_window_size(cols, rows)
            .expect("window size");
        self.parser.screen_mut().set_size(rows, cols);
    }

    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    pub fn is_alive(&self) -> bool {
        self.session.get_process().is_alive().unwrap_or(false)
    }

    /// Waits (bounded) for the process to end, reading its output meanwhile.
    pub fn wait_exit(&mut self, limit: Duration) -> Duration {
        let start = Instant::now();
        while start.elapsed() < limit {
            self.pump();
            if !self.is_alive() {
                return start.elapsed();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("still running after {limit:?}:\n{}", self.screen());
    }
}
