//! Every word the command line prints, in Vietnamese (default) and English: one module per
//! command group, a function per fixed word named by what it says, and a function per message
//! that carries values (plain numbers and strings: the CLI decodes, this only words).

pub mod assess;
pub mod check;
pub mod demo;
pub mod doctor;
pub mod evidence;
pub mod file;
pub mod framework;
pub mod help;
pub mod init;
pub mod key;
pub mod library;
pub mod officer;
pub mod quarantine;
pub mod report;
pub mod score;
pub mod score_file;
pub mod survey;
pub mod sync;
pub mod totals;
pub mod unit;
