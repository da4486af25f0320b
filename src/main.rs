//! The parindex binary: parse the command line and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    parindex::cli::run(parindex::cli::Cli::parse())
}
