//! The record through the real binary and the store under it: every command, the cycle, the
//! merge and its attacks, integrity, files and permissions, reports.
//!
//! One binary per layer instead of one per file: one link each, a fraction of the disk
//! (72 binaries took 9 GB of debug build).

#[path = "../common/mod.rs"]
mod common;

mod cli_framework;
mod command_cli;
mod council_cycle_cli;
mod cut_off_write_cli;
mod cycle_cli;
mod database_path_cli;
mod demo_again_cli;
mod demo_cli;
mod disk_full_cli;
mod doctor_cli;
mod evidence_library_cli;
mod exact_cli;
mod explanation_round_cli;
mod first_wave_upgrade_cli;
mod help_cli;
mod hostile_copy_cli;
mod hostile_text_cli;
mod integrity;
mod integrity_cli;
mod json_cli;
mod kept_totals_cli;
mod local_time_cli;
mod merge_algebra;
mod merge_attacks;
mod merge_frameworks_cli;
mod merge_laptop_cli;
mod modelled_mark_cli;
mod off_rule_cli;
mod plain_copy;
mod readonly_cli;
mod refusals_cli;
mod report_annex_cli;
mod report_cli;
mod report_libreoffice;
mod roles_cli;
mod rule_kinds_cli;
mod score_import_cli;
mod shared_server;
mod snapshot_cli;
mod store;
mod store_cli;
mod survey_cli;
mod sync;
mod sync_cli;
mod text_limits_cli;
mod unit_years_cli;
mod year_over_year_cli;
