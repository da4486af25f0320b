//! Reading a spanned TOML tree field by field, collecting every problem with its position
//! instead of stopping at the first one.

use std::ops::Range;
use std::str::FromStr;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::problem::{Problem, ProblemKind};

pub(super) type Value<'i> = Spanned<DeValue<'i>>;

/// The largest magnitude any value may have. Points never come near it; the bound keeps every
/// sum the loader computes far inside `Decimal`'s range, so adding caps can never overflow.
const MAX_VALUE: Decimal = Decimal::from_parts(1_000_000, 0, 0, false, 0);

/// Significant decimal places as written (`1.50` has 1), counted on the text so that digits
/// beyond what `Decimal` keeps are not silently rounded away.
fn decimal_places(text: &str) -> usize {
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.trim_end_matches('0').len())
}

/// A table together with where it stands in the file.
#[derive(Clone, Copy)]
pub(super) struct Table<'a, 'i> {
    pub table: &'a DeTable<'i>,
    pub start: usize,
    pub end: usize,
}

impl Table<'_, '_> {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

pub(super) struct Reader<'s> {
    file: &'s str,
    src: &'s str,
    line_starts: Vec<usize>,
    /// Decimal places allowed in every value; known once the header is read.
    pub decimals: u32,
    pub problems: Vec<Problem>,
    /// Every `requires` read, checked once the whole tree is known.
    pub requirements: Vec<Requirement>,
}

/// A sub-criterion's `requires`, with where it was written.
pub(super) struct Requirement {
    pub sub: String,
    pub required: String,
    pub span: Range<usize>,
    pub path: String,
}

impl<'s> Reader<'s> {
    pub fn new(file: &'s str, src: &'s str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(src.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Reader {
            file,
            src,
            line_starts,
            decimals: 2,
            problems: Vec::new(),
            requirements: Vec::new(),
        }
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.src.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = match self.src.get(start..offset) {
            Some(prefix) => prefix.chars().count() + 1,
            None => offset - start + 1,
        };
        (line, column)
    }

    pub fn report(&mut self, span: &Range<usize>, path: &str, kind: ProblemKind) {
        let (line, column) = self.position(span.start);
        self.problems.push(Problem {
            file: self.file.to_string(),
            line,
            column,
            path: path.to_string(),
            kind,
        });
    }

    /// Reports every key of `t` that is not in `allowed`.
    pub fn only_fields(&mut self, t: Table, allowed: &[&str], path: &str) {
        for key in t.table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let kind = ProblemKind::UnknownField {
                    field: key.get_ref().to_string(),
                    allowed: allowed.join(", "),
                };
                self.report(&key.span(), path, kind);
            }
        }
    }

    pub fn get<'a, 'i>(
        &mut self,
        t: Table<'a, 'i>,
        key: &str,
        path: &str,
    ) -> Option<&'a Value<'i>> {
        let found = t.table.get(key);
        if found.is_none() {
            let kind = ProblemKind::MissingField { field: key.into() };
            self.report(&t.span(), path, kind);
        }
        found
    }

    fn wrong_type(&mut self, v: &Value, key: &str, path: &str, expected: &'static str) {
        let kind = ProblemKind::WrongType {
            field: key.into(),
            expected,
        };
        self.report(&v.span(), path, kind);
    }

    pub fn string(&mut self, t: Table, key: &str, path: &str) -> Option<String> {
        let v = self.get(t, key, path)?;
        self.as_string(v, key, path)
    }

    pub fn opt_string(&mut self, t: Table, key: &str, path: &str) -> Option<String> {
        let v = t.table.get(key)?;
        self.as_string(v, key, path)
    }

    fn as_string(&mut self, v: &Value, key: &str, path: &str) -> Option<String> {
        match v.get_ref().as_str() {
            Some(s) => Some(crate::text::nfc(s.trim())),
            None => {
                self.wrong_type(v, key, path, "a string");
                None
            }
        }
    }

    pub fn opt_bool(&mut self, t: Table, key: &str, path: &str) -> Option<bool> {
        let v = t.table.get(key)?;
        let b = v.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(v, key, path, "true or false");
        }
        b
    }

    /// A table field (`[x]` or `x = { ... }`).
    pub fn table<'a, 'i>(
        &mut self,
        t: Table<'a, 'i>,
        key: &str,
        path: &str,
    ) -> Option<Table<'a, 'i>> {
        let v = self.get(t, key, path)?;
        self.as_table(v, key, path)
    }

    pub fn as_table<'a, 'i>(
        &mut self,
        v: &'a Value<'i>,
        key: &str,
        path: &str,
    ) -> Option<Table<'a, 'i>> {
        match v.get_ref().as_table() {
            Some(table) => Some(Table {
                table,
                start: v.span().start,
                end: v.span().end,
            }),
            None => {
                self.wrong_type(v, key, path, "a table");
                None
            }
        }
    }

    /// The tables of an array field (`[[x]]` or `x = [{...}, ...]`); empty when absent.
    pub fn tables<'a, 'i>(
        &mut self,
        t: Table<'a, 'i>,
        key: &str,
        path: &str,
    ) -> Vec<Table<'a, 'i>> {
        let Some(v) = t.table.get(key) else {
            return Vec::new();
        };
        let Some(items) = v.get_ref().as_array() else {
            self.wrong_type(v, key, path, "an array of tables");
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.as_table(item, key, path))
            .collect()
    }

    /// A decimal read from its source text (never through a float), with its span.
    pub fn decimal(&mut self, t: Table, key: &str, path: &str) -> Option<(Decimal, Range<usize>)> {
        let v = self.get(t, key, path)?;
        self.as_decimal(v, key, path).map(|d| (d, v.span()))
    }

    pub fn opt_decimal(
        &mut self,
        t: Table,
        key: &str,
        path: &str,
    ) -> Option<(Decimal, Range<usize>)> {
        let v = t.table.get(key)?;
        self.as_decimal(v, key, path).map(|d| (d, v.span()))
    }

    pub fn as_decimal(&mut self, v: &Value, key: &str, path: &str) -> Option<Decimal> {
        let text = match v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => i.as_str().to_string(),
            DeValue::Float(f) => f.as_str().to_string(),
            DeValue::String(s) => s.trim().to_string(),
            _ => {
                self.wrong_type(v, key, path, "a number");
                return None;
            }
        };
        let plain = !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
        let parsed = if plain {
            Decimal::from_str(&text).ok()
        } else {
            None
        };
        let Some(value) = parsed else {
            let kind = ProblemKind::BadDecimal {
                field: key.into(),
                text,
            };
            self.report(&v.span(), path, kind);
            return None;
        };
        if value.abs() > MAX_VALUE {
            let kind = ProblemKind::TooLarge {
                field: key.into(),
                value: text,
                limit: MAX_VALUE,
            };
            self.report(&v.span(), path, kind);
            return None;
        }
        if decimal_places(&text) > self.decimals as usize {
            let kind = ProblemKind::TooManyDecimals {
                field: key.into(),
                value: text,
                decimals: self.decimals,
            };
            self.report(&v.span(), path, kind);
        }
        Some(value.normalize())
    }

    /// A string field that must be one of `choices` (each a file word and its meaning).
    pub fn choice<T: Copy>(
        &mut self,
        t: Table,
        key: &str,
        path: &str,
        choices: &[(&str, T)],
        allowed: &'static str,
    ) -> Option<T> {
        let v = t.table.get(key)?;
        let word = self.as_string(v, key, path)?;
        let found = choices.iter().find(|(w, _)| *w == word).map(|(_, c)| *c);
        if found.is_none() {
            let kind = ProblemKind::BadChoice {
                field: key.into(),
                value: word,
                allowed,
            };
            self.report(&v.span(), path, kind);
        }
        found
    }

    pub fn whole_number(&mut self, t: Table, key: &str, path: &str) -> Option<u32> {
        let v = t.table.get(key)?;
        let n = match v.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => u32::from_str(i.as_str()).ok(),
            _ => None,
        };
        if n.is_none() {
            self.wrong_type(v, key, path, "a whole number");
        }
        n
    }
}
