//! The words of a bad row of a score file.

use crate::command::score_import::{RowProblem, RowWhy};
use crate::i18n::cli::score_file as words;
use crate::i18n::{Lang, Localized};

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        let why = match &self.why {
            RowWhy::NoSuchColumn { column, source } => words::no_such_column(lang, column, source),
            RowWhy::NoHeaderRow => words::no_header_row(lang),
            RowWhy::FractionForPercent(f) => {
                words::fraction_for_percent(lang, &f.code, &f.declared, &f.percent)
            }
            RowWhy::Refused(e) => e.message(lang),
        };
        let column = self.column.as_ref().map(|(l, h)| (l.as_str(), h.as_str()));
        words::row_problem(lang, self.line, column, &why)
    }
}
