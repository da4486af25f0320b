//! parindex: scoring the Public Administration Reform Index (Chỉ số CCHC) of a province's
//! departments, districts and communes. The binary in `main.rs` is a thin shell over this library.

pub mod app;
pub mod cli;
pub mod command;
pub mod cycle;
pub mod demo;
pub mod doctor;
pub mod fields;
pub mod framework;
pub mod i18n;
pub mod level;
pub mod limits;
pub mod local_time;
pub mod private_file;
pub mod ranking;
pub mod record;
pub mod replay;
pub mod report;
pub mod roles;
pub mod scoring;
pub mod sheet;
pub mod store;
pub mod survey;
pub mod text;
pub mod tui;
pub mod ui;
pub mod unit;
