//! The parindex binary: parse the command line and hand over to the library.

fn main() -> std::process::ExitCode {
    // Output piped into `head` or `less` ends quietly instead of panicking on a broken pipe.
    // SAFETY: restoring the default disposition of a signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    match parindex::cli::help::parse(std::env::args_os().collect()) {
        Ok(cli) => parindex::cli::run(cli),
        Err(code) => code,
    }
}
