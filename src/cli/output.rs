//! How commands end: printing JSON or text, and errors mapped to the exit codes of DESIGN.md §7
//! (2: bad input or usage, nothing written; 1: any other failure).

use std::process::ExitCode;

use serde::Serialize;

/// A command's failure, already worded for the officer in the chosen language.
#[derive(Debug)]
pub struct CliError {
    pub bad_input: bool,
    pub message: String,
}

impl CliError {
    /// Bad input or usage: exit 2, nothing was written.
    pub fn input(message: impl Into<String>) -> Self {
        CliError {
            bad_input: true,
            message: message.into(),
        }
    }

    /// Any other failure: exit 1.
    pub fn other(message: impl Into<String>) -> Self {
        CliError {
            bad_input: false,
            message: message.into(),
        }
    }

    pub fn report(&self) -> ExitCode {
        eprintln!("parindex: {}", crate::text::sanitize(&self.message));
        ExitCode::from(if self.bad_input { 2 } else { 1 })
    }
}

pub fn print_json<T: Serialize>(value: &T) -> Result<(), CliError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::other(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// Prints one line of text for the officer, with every control and bidi character removed:
/// names, notes and authors come from other people and other copies.
pub fn say(line: &str) {
    println!("{}", crate::text::sanitize(line));
}
