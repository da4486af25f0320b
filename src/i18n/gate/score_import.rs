//! The words of a bad row of a score file.

use crate::command::score_import::RowProblem;
use crate::i18n::cli::score_file as words;
use crate::i18n::{Lang, Localized};

impl Localized for RowProblem {
    fn message(&self, lang: Lang) -> String {
        let why = match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        };
        let column = self.column.as_ref().map(|(l, h)| (l.as_str(), h.as_str()));
        words::row_problem(lang, self.line, column, why)
    }
}
