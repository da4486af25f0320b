//! How commands end: printing JSON or text, and errors mapped to the exit codes of DESIGN.md §7
//! (2: bad input or usage, nothing written; 1: any other failure).

use std::process::ExitCode;

use std::io::Write;

use serde::Serialize;

use crate::command::CommandError;
use crate::i18n::{Lang, Localized};
use crate::store::StoreError;

/// A command's failure: a refusal already worded for the officer, or a store or command error
/// worded once, in the chosen language, when it is reported. `?` converts both.
#[derive(Debug)]
pub enum CliError {
    Worded { bad_input: bool, message: String },
    Store(StoreError),
    Command(CommandError),
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        CliError::Store(e)
    }
}

impl From<CommandError> for CliError {
    fn from(e: CommandError) -> Self {
        CliError::Command(e)
    }
}

impl CliError {
    /// Bad input or usage: exit 2, nothing was written.
    pub fn input(message: impl Into<String>) -> Self {
        CliError::Worded {
            bad_input: true,
            message: message.into(),
        }
    }

    /// Any other failure: exit 1.
    pub fn other(message: impl Into<String>) -> Self {
        CliError::Worded {
            bad_input: false,
            message: message.into(),
        }
    }

    /// Bad input (exit 2) rather than a failure of the system (exit 1).
    pub fn is_bad_input(&self) -> bool {
        match self {
            CliError::Worded { bad_input, .. } => *bad_input,
            CliError::Store(e) => e.is_bad_input(),
            CliError::Command(e) => e.is_bad_input(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            CliError::Worded { message, .. } => message.clone(),
            CliError::Store(e) => e.message(lang),
            CliError::Command(e) => e.message(lang),
        }
    }

    pub fn report(&self, lang: Lang) -> ExitCode {
        eprintln!("parindex: {}", crate::text::sanitize(&self.message(lang)));
        ExitCode::from(if self.is_bad_input() { 2 } else { 1 })
    }
}

/// Prints `value` as JSON with every control, C1 and bidi character escaped (`\u009b`,
/// `\u202e`): serde_json escapes only C0 controls, and a terminal obeys the others.
pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    write_json(value, &mut out)
        .and_then(|()| out.flush().map_err(serde_json::Error::io))
        .map_err(|e| CliError::other(e.to_string()))
}

/// Writes `value` as pretty JSON with unsafe characters escaped, then a newline, as it is
/// serialized (for stdout and for `--out` files: a streamed report is never one string).
pub fn write_json<T: Serialize, W: std::io::Write + ?Sized>(
    value: &T,
    out: &mut W,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, SafeFormatter::default());
    value.serialize(&mut ser)?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// serde_json's pretty formatter, escaping what it would write raw but a terminal would obey.
#[derive(Default)]
struct SafeFormatter(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        for c in fragment.chars() {
            if crate::text::is_unsafe_char(c) || matches!(c, '\u{2028}' | '\u{2029}') {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            } else {
                let mut buf = [0u8; 4];
                writer.write_all(c.encode_utf8(&mut buf).as_bytes())?;
            }
        }
        Ok(())
    }

    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Prints one line of text for the officer, with every control and bidi character removed:
/// names, notes and authors come from other people and other copies. Every text line of every
/// command goes through it (the [`say!`] macro).
pub fn say_line(line: &str) {
    println!("{}", crate::text::sanitize(line));
}

/// `println!` for the CLI's text output, sanitised (see [`say_line`]).
macro_rules! say {
    () => {
        $crate::cli::output::say_line("")
    };
    ($($arg:tt)*) => {
        $crate::cli::output::say_line(&format!($($arg)*))
    };
}
pub(crate) use say;

/// A line of counts, each named (`Sự kiện: 12   Trường dữ liệu: 30`), as `check` and `sync`
/// sum up what they read or merged.
pub fn counts_line(counts: &[(&str, &dyn std::fmt::Display)]) -> String {
    counts
        .iter()
        .map(|(name, n)| format!("{name}: {n}"))
        .collect::<Vec<_>>()
        .join("   ")
}

/// [`say_line`] on standard error (warnings that scripts reading stdout should not see).
pub fn tell_line(line: &str) {
    eprintln!("{}", crate::text::sanitize(line));
}

/// `eprintln!` for the CLI, sanitised (see [`tell_line`]).
macro_rules! tell {
    () => {
        $crate::cli::output::tell_line("")
    };
    ($($arg:tt)*) => {
        $crate::cli::output::tell_line(&format!($($arg)*))
    };
}
pub(crate) use tell;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_json_escapes_c0_c1_and_bidi_characters() {
        let hostile = "a\u{1b}]0;x\u{7}b\u{9b}31mc\u{202e}d\u{2066}e\u{85}f";
        let mut out = Vec::new();
        write_json(&serde_json::json!({"name": hostile}), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text
                .chars()
                .any(|c| crate::text::is_unsafe_char(c) && c != '\n')
        );
        assert!(
            text.contains("\\u009b") && text.contains("\\u202e"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], hostile);
    }
}
