//! The terminal interface: state-machine, render and snapshot tests on a `TestBackend`, and
//! end-to-end runs of the real binary in a pseudo-terminal.
//!
//! One binary per layer instead of one per file: one link each, a fraction of the disk
//! (72 binaries took 9 GB of debug build).

#[path = "../common/mod.rs"]
mod common;
mod tui_fixture;

mod command_tui;
mod tui_app;
mod tui_app_forms;
mod tui_cycle;
mod tui_cycle_snapshots;
mod tui_evidence_library;
mod tui_explanation;
mod tui_items;
mod tui_officer;
mod tui_officer_snapshots;
mod tui_pty;
mod tui_pty_officer;
mod tui_pty_quarantine;
mod tui_pty_stats;
mod tui_quarantine;
mod tui_render_sizes;
mod tui_roles;
mod tui_shell;
mod tui_shell_areas;
mod tui_snapshots;
mod tui_stats;
mod tui_wide_text;
