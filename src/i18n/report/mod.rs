//! Every word the reports print, in Vietnamese (default) and English: one module per report
//! (the results annex, a unit's self-assessment report, the statistics, the bonus and penalty
//! items, the self-assessment form) beside the columns and the office conventions they share
//! (title, basis, signatures, flags, "tạm tính"); a function per fixed word named by what it
//! says, and a function per text that carries values (plain numbers and strings: the report
//! lays out, this only words). The Vietnamese headings follow the official layouts, word for
//! word.

pub mod columns;
pub mod items;
pub mod office;
pub mod results;
pub mod self_report;
pub mod stats;
pub mod template;
