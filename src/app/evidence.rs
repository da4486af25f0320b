//! The evidence and explanation editor of one sub-criterion: a list of evidence references
//! (document number, date, title, page or section) to add, edit and remove, and the explanation
//! (giải trình) in a multi-line field. Checked before saving: every reference names its document,
//! and a date is a real day/month/year.

use crate::fields::{self, Evidence, Field, LibraryDocument, Target};
use crate::i18n::Lang;
use crate::i18n::ui;
use crate::limits::{TextField, TooLong};

use super::action::Change;
use super::key::Key;
use super::line::LineEdit;
use super::notes::Notes;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EvidenceFocus {
    List,
    Number,
    Date,
    Title,
    Page,
    Explanation,
}

impl EvidenceFocus {
    const ORDER: [EvidenceFocus; 6] = [
        EvidenceFocus::List,
        EvidenceFocus::Number,
        EvidenceFocus::Date,
        EvidenceFocus::Title,
        EvidenceFocus::Page,
        EvidenceFocus::Explanation,
    ];

    /// The one-line field of a reference this focus edits.
    pub fn part(self) -> Option<usize> {
        match self {
            EvidenceFocus::Number => Some(0),
            EvidenceFocus::Date => Some(1),
            EvidenceFocus::Title => Some(2),
            EvidenceFocus::Page => Some(3),
            _ => None,
        }
    }
}

/// The stored evidence and explanation of a sub-criterion, with the heads the officer saw.
#[derive(Debug, Clone, Default)]
pub struct Stored {
    pub items: Vec<Evidence>,
    pub explanation: String,
    pub seen_evidence: Vec<String>,
    pub seen_explanation: Vec<String>,
    /// The assessment's library documents, offered while a number is typed.
    pub library: Vec<(String, LibraryDocument)>,
}

/// How many library documents the form offers at once.
pub const OFFERED: usize = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceForm {
    pub code: String,
    pub items: Vec<Evidence>,
    pub selected: usize,
    /// Number, date, title, page of the selected reference, as being edited.
    pub parts: [LineEdit; 4],
    pub focus: EvidenceFocus,
    pub explanation: Notes,
    pub error: Option<String>,
    /// The last paste was longer than its field: the field kept what fits.
    pub too_long: Option<TooLong>,
    pub stale: bool,
    pub saving: bool,
    pub restored: bool,
    /// The library documents matching the number being typed (indices into `library`), and
    /// the one chosen with ↓.
    pub offers: Vec<usize>,
    pub offered: Option<usize>,
    library: Vec<(String, LibraryDocument)>,
    seen_evidence: Vec<String>,
    seen_explanation: Vec<String>,
    original_items: Vec<Evidence>,
    original_explanation: String,
}

const PART_FIELDS: [TextField; 4] = [
    TextField::DocumentNumber,
    TextField::DocumentDate,
    TextField::DocumentTitle,
    TextField::DocumentPage,
];

impl EvidenceForm {
    pub fn open(code: &str, stored: Stored) -> EvidenceForm {
        let mut form = EvidenceForm {
            code: code.to_string(),
            items: stored.items.clone(),
            selected: 0,
            parts: Default::default(),
            focus: EvidenceFocus::List,
            explanation: Notes::new(&stored.explanation),
            error: None,
            too_long: None,
            stale: false,
            saving: false,
            restored: false,
            offers: Vec::new(),
            offered: None,
            library: stored.library,
            seen_evidence: stored.seen_evidence,
            seen_explanation: stored.seen_explanation,
            original_items: stored.items,
            original_explanation: stored.explanation,
        };
        if form.items.is_empty() {
            form.add_item();
        }
        form.load_parts();
        form
    }

    pub fn move_focus(&mut self, forward: bool) {
        let order = EvidenceFocus::ORDER;
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let n = order.len();
        self.focus = order[if forward {
            (at + 1) % n
        } else {
            (at + n - 1) % n
        }];
    }

    /// ↑ / ↓: another reference in the list, a library document offered for the number being
    /// typed, the previous or next field elsewhere.
    pub fn move_vertical(&mut self, down: bool) {
        if self.focus == EvidenceFocus::Number && !self.offers.is_empty() {
            let last = self.offers.len() - 1;
            self.offered = match (self.offered, down) {
                (None, true) => Some(0),
                (None, false) | (Some(0), false) => None,
                (Some(i), true) => Some((i + 1).min(last)),
                (Some(i), false) => Some(i - 1),
            };
            return;
        }
        match self.focus {
            EvidenceFocus::List => {
                let last = self.items.len().saturating_sub(1);
                self.selected = if down {
                    (self.selected + 1).min(last)
                } else {
                    self.selected.saturating_sub(1)
                };
                self.load_parts();
            }
            EvidenceFocus::Explanation => {}
            _ => self.move_focus(down),
        }
    }

    pub fn add_item(&mut self) {
        self.items.push(Evidence::default());
        self.selected = self.items.len() - 1;
        self.load_parts();
        self.focus = EvidenceFocus::Number;
    }

    pub fn remove_item(&mut self) {
        if self.selected < self.items.len() {
            self.items.remove(self.selected);
        }
        self.selected = self.selected.min(self.items.len().saturating_sub(1));
        self.load_parts();
    }

    pub fn edit_item(&mut self) {
        if self.items.is_empty() {
            self.add_item();
        }
        self.focus = EvidenceFocus::Number;
    }

    /// A key typed into the focused field; at the field's limit it says so instead of growing.
    pub fn type_key(&mut self, key: &Key) {
        self.too_long = None;
        match self.focus {
            EvidenceFocus::Explanation => {
                self.explanation.apply(key);
                self.too_long = self.explanation.take_cut().map(|actual| TooLong {
                    field: TextField::Note,
                    actual,
                });
            }
            focus => {
                if let Some(i) = focus.part() {
                    self.parts[i].apply(key);
                    self.store_parts();
                    self.too_long = self.parts[i].take_cut().map(|actual| TooLong {
                        field: PART_FIELDS[i],
                        actual,
                    });
                }
            }
        }
        self.error = None;
        self.offer();
    }

    /// The focused one-line field's text length and limit, or the explanation's.
    pub fn count(&self) -> Option<(TextField, usize, usize)> {
        match self.focus {
            EvidenceFocus::Explanation => Some((
                TextField::Note,
                self.explanation.len(),
                self.explanation.limit(),
            )),
            focus => focus
                .part()
                .map(|i| (PART_FIELDS[i], self.parts[i].len(), self.parts[i].limit())),
        }
    }

    /// The library documents whose number, title or issuer hold the words of the number being
    /// typed (diacritics optional), the one it already cites left out.
    fn offer(&mut self) {
        self.offered = None;
        self.offers.clear();
        if self.focus != EvidenceFocus::Number {
            return;
        }
        let typed = self.parts[0].text().to_string();
        let cited = self.items.get(self.selected).and_then(|e| e.doc.clone());
        let found = crate::record::library::search(&self.library, &typed);
        self.offers = found
            .into_iter()
            .filter(|(id, _)| Some(id) != cited.as_ref())
            .filter_map(|(id, _)| self.library.iter().position(|(i, _)| i == id))
            .take(OFFERED)
            .collect();
    }

    /// The documents offered, in order.
    pub fn offered_documents(&self) -> Vec<&(String, LibraryDocument)> {
        self.offers
            .iter()
            .filter_map(|i| self.library.get(*i))
            .collect()
    }

    /// Enter on an offered document: the reference becomes a citation of it (its number, date,
    /// title and issuer; the page typed so far kept) and the page is next. False when none is
    /// chosen.
    pub fn take_offer(&mut self) -> bool {
        let Some(chosen) = self.offered.and_then(|i| self.offers.get(i)).copied() else {
            return false;
        };
        let Some((id, doc)) = self.library.get(chosen).cloned() else {
            return false;
        };
        if self.items.is_empty() {
            self.items.push(Evidence::default());
        }
        let page = self.items[self.selected].page.clone();
        self.items[self.selected] = doc.cite(&id, &page);
        self.load_parts();
        self.offers.clear();
        self.offered = None;
        self.focus = EvidenceFocus::Page;
        true
    }

    /// A paste longer than its field keeps what fits and says so.
    pub fn paste(&mut self, text: &str) {
        self.too_long = None;
        if let Some(i) = self.focus.part() {
            self.parts[i].paste(text);
            self.store_parts();
            self.too_long = self.parts[i].take_cut().map(|actual| TooLong {
                field: PART_FIELDS[i],
                actual,
            });
        } else if self.focus == EvidenceFocus::Explanation {
            self.explanation.paste(text);
            self.too_long = self.explanation.take_cut().map(|actual| TooLong {
                field: TextField::Note,
                actual,
            });
        }
    }

    /// The writes that saving makes, or every problem of the references at once (each naming
    /// its reference and rule; the focus moves to the first). Blank references are dropped.
    pub fn changes(&mut self, lang: Lang) -> Result<Vec<Change>, String> {
        let items: Vec<Evidence> = self
            .items
            .iter()
            .filter(|e| !is_blank(e))
            .cloned()
            .collect();
        let problems: Vec<(&Evidence, EvidenceFocus, String)> = items
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                check(e, i + 1, lang)
                    .into_iter()
                    .map(move |(f, m)| (e, f, m))
            })
            .collect();
        if let Some((first, focus, _)) = problems.first() {
            let (first, focus) = ((*first).clone(), *focus);
            let message = problems
                .iter()
                .map(|(_, _, m)| m.as_str())
                .collect::<Vec<_>>()
                .join("; ");
            self.selected = self.items.iter().position(|x| *x == first).unwrap_or(0);
            self.load_parts();
            self.focus = focus;
            return Err(message);
        }
        let mut out = Vec::new();
        if items != self.original_items {
            out.push(self.change(
                Field::EvidenceList,
                fields::encode_evidence(&items),
                &self.seen_evidence,
            ));
        }
        let text = self.explanation.text();
        if text.trim() != self.original_explanation.trim() {
            out.push(self.change(
                Field::Explanation,
                fields::encode_text(text.trim_end()),
                &self.seen_explanation,
            ));
        }
        Ok(out)
    }

    /// What is being typed, as a draft: the explanation, else the references.
    pub fn draft(&self) -> Option<(Field, String)> {
        let text = self.explanation.text();
        if text.trim() != self.original_explanation.trim() {
            return Some((Field::Explanation, text));
        }
        let items: Vec<Evidence> = self
            .items
            .iter()
            .filter(|e| !is_blank(e))
            .cloned()
            .collect();
        (items != self.original_items)
            .then(|| (Field::EvidenceList, fields::encode_evidence(&items)))
    }

    /// Puts a draft back (explanation text, or the references as stored JSON).
    pub fn restore(&mut self, field: &str, text: &str) {
        if field == fields::EXPLANATION {
            self.explanation = Notes::new(text);
            self.focus = EvidenceFocus::Explanation;
        } else {
            self.items = fields::decode_evidence(text);
            if self.items.is_empty() {
                self.items.push(Evidence::default());
            }
            self.selected = 0;
            self.load_parts();
        }
        self.restored = true;
    }

    /// After a conflict the officer went back to edit: the next save goes over these heads.
    pub fn accept_heads(&mut self, field: &str, heads: Vec<String>) {
        match field {
            fields::EVIDENCE => self.seen_evidence = heads,
            fields::EXPLANATION => self.seen_explanation = heads,
            _ => {}
        }
    }

    /// The heads of the evidence and of the explanation when the form opened.
    pub fn seen_heads(&self) -> (Vec<String>, Vec<String>) {
        (self.seen_evidence.clone(), self.seen_explanation.clone())
    }

    fn change(&self, field: Field, value: String, seen: &[String]) -> Change {
        Change {
            target: Target::item(&self.code),
            field,
            value,
            seen_heads: seen.to_vec(),
            reason: None,
        }
    }

    fn load_parts(&mut self) {
        let e = self.items.get(self.selected).cloned().unwrap_or_default();
        let texts = [&e.number, &e.date, &e.title, &e.page];
        for (i, text) in texts.into_iter().enumerate() {
            self.parts[i] = LineEdit::new(PART_FIELDS[i].limit());
            self.parts[i].insert(text);
        }
    }

    fn store_parts(&mut self) {
        if let Some(e) = self.items.get_mut(self.selected) {
            let number = self.parts[0].text().trim().to_string();
            if e.doc.is_some() && number != e.number {
                // A citation retyped is no longer that library document.
                e.doc = None;
                e.issuer.clear();
            }
            e.number = number;
            e.date = self.parts[1].text().trim().to_string();
            e.title = self.parts[2].text().trim().to_string();
            e.page = self.parts[3].text().trim().to_string();
        }
    }
}

fn is_blank(e: &Evidence) -> bool {
    [&e.number, &e.date, &e.title, &e.page]
        .iter()
        .all(|s| s.trim().is_empty())
}

/// Every rule reference number `n` breaks: a document number is required, a date must be a
/// real day.
fn check(e: &Evidence, n: usize, lang: Lang) -> Vec<(EvidenceFocus, String)> {
    let mut problems = Vec::new();
    if e.number.trim().is_empty() {
        problems.push((EvidenceFocus::Number, ui::evidence_without_number(lang, n)));
    }
    if !e.date.trim().is_empty() && !is_date(e.date.trim()) {
        problems.push((EvidenceFocus::Date, ui::evidence_bad_date(lang, n, &e.date)));
    }
    problems
}

/// `d/m/yyyy` or `dd/mm/yyyy` (also with `-` or `.`), a day that exists.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return false;
    };
    let num = |t: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
    };
    let (Some(d), Some(m), Some(y)) = (num(d, 1..=2), num(m, 1..=2), num(y, 4..=4)) else {
        return false;
    };
    (1900..=2100).contains(&y) && crate::local_time::calendar_day(y, m, d).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_longer_than_the_title_keeps_what_fits_and_says_so() {
        let mut form = EvidenceForm::open("1.1.1", Stored::default());
        form.focus = EvidenceFocus::Title;
        form.paste(&"ạ".repeat(612));
        assert_eq!(form.items[0].title.chars().count(), 500);
        let cut = form.too_long.expect("the form says the paste was too long");
        assert_eq!((cut.field, cut.actual), (TextField::DocumentTitle, 612));
        form.paste("x");
        assert_eq!(
            form.too_long.map(|c| c.actual),
            Some(501),
            "a full field says so again"
        );
        form.focus = EvidenceFocus::Number;
        form.paste("12/KH-UBND");
        assert_eq!(form.too_long, None, "a paste that fits clears the message");
        assert_eq!(form.items[0].title.chars().count(), 500);
    }

    #[test]
    fn save_lists_every_problem_of_every_reference_when_several_are_wrong() {
        let bad = |number: &str, date: &str| Evidence {
            number: number.into(),
            date: date.into(),
            title: "Kế hoạch CCHC".into(),
            ..Evidence::default()
        };
        let stored = Stored {
            items: vec![
                bad("12/KH-UBND", "15/01/2025"),
                bad("", "31/02/2025"),
                bad("", ""),
            ],
            ..Stored::default()
        };
        let mut form = EvidenceForm::open("1.1.1", stored);
        form.selected = 0;
        let message = form.changes(Lang::Vi).unwrap_err();
        assert_eq!(
            message,
            "Tài liệu 2: chưa nhập số, ký hiệu văn bản; \
             Tài liệu 2: ngày '31/02/2025' không đúng dạng ngày/tháng/năm (ví dụ 15/01/2025); \
             Tài liệu 3: chưa nhập số, ký hiệu văn bản"
        );
        assert_eq!(
            (form.selected, form.focus),
            (1, EvidenceFocus::Number),
            "the focus goes to the first problem"
        );
    }

    #[test]
    fn is_date_accepts_real_days_only_when_day_month_year() {
        assert!(is_date("15/01/2025"));
        assert!(is_date("1/2/2024"));
        assert!(is_date("29/02/2024"));
        assert!(!is_date("29/02/2025"));
        assert!(!is_date("2025-01-15"));
        assert!(!is_date("32/01/2025"));
        assert!(!is_date("hôm qua"));
    }
}
