//! A report laid out once, in the reader's language, for every document format: a title block,
//! tables of cells (text, or numbers with their places), notes and a signature block. The xlsx,
//! docx, Markdown and terminal writers only render it.

use rust_decimal::Decimal;

use super::office::TitleBlock;

/// One cell: numbers stay numbers (an xlsx cell with a number format, a right-aligned column).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number {
        value: Decimal,
        places: u32,
    },
    Count(usize),
    /// A figure that does not exist yet (an appraisal round the council has not scored): "—"
    /// on paper, an empty cell in a data file.
    Absent,
    Blank,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    pub fn number(value: Decimal, places: u32) -> Cell {
        Cell::Number { value, places }
    }

    pub fn maybe(value: Option<Decimal>, places: u32) -> Cell {
        value.map_or(Cell::Absent, |v| Cell::number(v, places))
    }

    /// The cell as text in `lang` (a comma decimal in Vietnamese).
    pub fn shown(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number { value, places } => crate::i18n::number_fixed(*value, *places, lang),
            Cell::Count(n) => n.to_string(),
            Cell::Absent => "—".to_string(),
            Cell::Blank => String::new(),
        }
    }

    pub fn is_text(&self) -> bool {
        matches!(self, Cell::Text(_))
    }
}

/// A table with its caption; `footer` rows (averages) are set apart under the body.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub footer: Vec<Vec<Cell>>,
    /// Columns of long text (unit names, sub-criterion names), drawn wide and wrapped.
    pub wide: Vec<usize>,
}

impl Table {
    /// Whether a column holds text (left-aligned) rather than figures.
    pub fn is_text_column(&self, col: usize) -> bool {
        self.wide.contains(&col)
            || self.rows.iter().any(|r| {
                r.get(col)
                    .is_some_and(|c| matches!(c, Cell::Text(t) if t != "—"))
            })
    }
}

/// A whole report, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// The sheet or section name ("Kết quả cấp xã 2025").
    pub name: String,
    pub title: TitleBlock,
    pub tables: Vec<Table>,
    /// Lines under the tables: the modelled mark, what "tạm tính" means.
    pub notes: Vec<String>,
    /// The place-and-date line and the two signatures; `None`: no signature block.
    pub signature: Option<Signature>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Signature {
    pub date: String,
    /// (role, how to sign), left then right.
    pub parties: [(String, String); 2],
}

impl Signature {
    pub fn new(date: (i32, u8, u8), lang: crate::i18n::Lang) -> Signature {
        let [a, b] = super::office::signatures(lang);
        Signature {
            date: crate::i18n::report::office::signing_date(lang, date),
            parties: [
                (a.0.to_string(), a.1.to_string()),
                (b.0.to_string(), b.1.to_string()),
            ],
        }
    }
}
