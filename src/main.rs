//! The parindex binary: parse the command line and hand over to the library.

use clap::Parser;

fn main() -> std::process::ExitCode {
    // Output piped into `head` or `less` ends quietly instead of panicking on a broken pipe.
    // SAFETY: restoring the default disposition of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    parindex::cli::run(parindex::cli::Cli::parse())
}
