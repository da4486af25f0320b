//! Reading a unit list from CSV (`code,name,level,parent,first_year,last_year,predecessors,
//! gso_code`, or only its first four columns) or TOML (`[[unit]]` tables), with every problem
//! reported by line number.

use std::collections::HashMap;

use crate::level::Level;

use super::problem::{UnitProblem, UnitProblemKind};
use super::{Unit, is_valid_code};

/// One field as read, with the line it stands on.
#[derive(Default)]
struct Field {
    text: String,
    line: usize,
    /// Already reported as unreadable: no further check applies to it.
    reported: bool,
}

/// One row as read, before checks: the fields in [`FIELDS`] order.
struct Row([Field; 8]);

impl Row {
    fn get(&self, name: &str) -> &Field {
        let i = FIELDS.iter().position(|f| *f == name).unwrap_or(0);
        &self.0[i]
    }
}

const FIELDS: [&str; 8] = [
    "code",
    "name",
    "level",
    "parent",
    "first_year",
    "last_year",
    "predecessors",
    "gso_code",
];

/// A parsed unit file. `spans` is false for old files without the year and lineage columns:
/// importing one must not clear what the database knows of units' years and predecessors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFile {
    pub units: Vec<Unit>,
    pub spans: bool,
}

/// Parses and checks a unit list. `known` are units already in the database (parents and
/// predecessors may be among them). CSV unless the file name ends in `.toml`. Problems come in
/// line order.
pub fn parse_units(file: &str, text: &str, known: &[Unit]) -> Result<Vec<Unit>, Vec<UnitProblem>> {
    parse_unit_file(file, text, known).map(|f| f.units)
}

/// [`parse_units`], saying whether the file has the year and lineage columns.
pub fn parse_unit_file(
    file: &str,
    text: &str,
    known: &[Unit],
) -> Result<UnitFile, Vec<UnitProblem>> {
    let mut problems = Vec::new();
    let (rows, spans) = if file.ends_with(".toml") {
        toml_rows(file, text, &mut problems)?
    } else {
        csv_rows(file, text)?
    };
    let units = check_rows(file, &rows, known, &mut problems);
    if problems.is_empty() {
        Ok(UnitFile { units, spans })
    } else {
        problems.sort_by_key(|p| p.line);
        Err(problems)
    }
}

fn problem(file: &str, line: usize, field: &'static str, kind: UnitProblemKind) -> UnitProblem {
    UnitProblem {
        file: file.into(),
        line,
        field,
        kind,
    }
}

fn csv_rows(file: &str, text: &str) -> Result<(Vec<Row>, bool), Vec<UnitProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let unreadable = |line, e: csv::Error| {
        let kind = UnitProblemKind::Unreadable(e.to_string());
        vec![problem(file, line, "header", kind)]
    };
    let header = reader.headers().map_err(|e| unreadable(1, e))?.clone();
    let columns = check_header(file, record_line(text, header.position()), &header)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = record_line(text, e.position());
            unreadable(line, e)
        })?;
        let line = record_line(text, record.position());
        let field = |i: usize| Field {
            text: crate::text::nfc(record.get(i).unwrap_or("").trim()),
            line,
            reported: false,
        };
        rows.push(Row(std::array::from_fn(field)));
    }
    Ok((rows, columns > 4))
}

/// The header is [`FIELDS`], or its first four or three columns (empty trailing columns, as
/// spreadsheets write them, are ignored). Returns how many columns it names.
fn check_header(
    file: &str,
    line: usize,
    header: &csv::StringRecord,
) -> Result<usize, Vec<UnitProblem>> {
    let mut names: Vec<&str> = header.iter().map(str::trim).collect();
    while names.last() == Some(&"") {
        names.pop();
    }
    if [3, 4, 8].contains(&names.len()) && names == FIELDS[..names.len()] {
        return Ok(names.len());
    }
    let kind = UnitProblemKind::BadHeader(names.join(","));
    Err(vec![problem(file, line, "header", kind)])
}

/// The line a CSV record starts on. The csv crate's own line count goes wrong after CRLF
/// endings and blank lines, and its byte offset points before the blank lines it skips.
fn record_line(text: &str, position: Option<&csv::Position>) -> usize {
    let offset = position.map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
    let rest = text.get(offset..).unwrap_or("");
    let skipped = rest.len() - rest.trim_start_matches(['\r', '\n']).len();
    line_of(text, offset + skipped)
}

fn toml_rows(
    file: &str,
    text: &str,
    problems: &mut Vec<UnitProblem>,
) -> Result<(Vec<Row>, bool), Vec<UnitProblem>> {
    let (doc, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let unreadable = |e: &toml::de::Error| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            let kind = UnitProblemKind::Unreadable(e.message().trim().to_string());
            problem(file, line, "toml", kind)
        };
        let mut problems: Vec<UnitProblem> = errors.iter().map(unreadable).collect();
        problems.sort_by_key(|p| p.line);
        return Err(problems);
    }
    let Some(units) = doc
        .get_ref()
        .get("unit")
        .and_then(|v| v.get_ref().as_array())
    else {
        return Err(vec![problem(file, 1, "unit", UnitProblemKind::NoUnits)]);
    };
    let mut rows = Vec::new();
    let mut spans = false;
    for item in units.iter() {
        let line = line_of(text, item.span().start);
        let Some(t) = item.get_ref().as_table() else {
            problems.push(problem(file, line, "unit", UnitProblemKind::NotATable));
            continue;
        };
        for key in t.keys() {
            let key_name: &str = key.get_ref().as_ref();
            if !FIELDS.contains(&key_name) {
                let kind = UnitProblemKind::UnknownField(key.get_ref().to_string());
                problems.push(problem(file, line_of(text, key.span().start), "unit", kind));
            }
            spans |= FIELDS[4..].contains(&key_name);
        }
        let mut field = |i: usize| {
            let name = FIELDS[i];
            let Some(v) = t.get(name) else {
                return Field {
                    line,
                    ..Field::default()
                };
            };
            let line = line_of(text, v.span().start);
            let text = toml_text(name, v.get_ref());
            if text.is_none() {
                problems.push(problem(file, line, name, UnitProblemKind::NotText));
            }
            Field {
                reported: text.is_none(),
                text: text.unwrap_or_default(),
                line,
            }
        };
        rows.push(Row(std::array::from_fn(&mut field)));
    }
    Ok((rows, spans))
}

/// A TOML value as the text a CSV cell would hold: strings, whole numbers for the years, and
/// an array of strings for the predecessors (joined with `;`).
fn toml_text(field: &str, v: &toml::de::DeValue) -> Option<String> {
    if let Some(s) = v.as_str() {
        return Some(crate::text::nfc(s.trim()));
    }
    if field.ends_with("_year") {
        return v.as_integer().map(|i| i.as_str().to_string());
    }
    if field != "predecessors" {
        return None;
    }
    let items = v.as_array()?;
    let texts: Option<Vec<String>> = items
        .iter()
        .map(|i| i.get_ref().as_str().map(|s| s.trim().to_string()))
        .collect();
    Some(texts?.join(";"))
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map(|p| p.matches('\n').count() + 1)
        .unwrap_or(1)
}

/// What the checks need to know of every unit, from the file or else the database.
struct Known {
    level: Level,
    last_year: Option<i32>,
}

fn check_rows(
    file: &str,
    rows: &[Row],
    known: &[Unit],
    problems: &mut Vec<UnitProblem>,
) -> Vec<Unit> {
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut others: HashMap<&str, Known> = known
        .iter()
        .map(|u| {
            let k = Known {
                level: u.level,
                last_year: u.last_year,
            };
            (u.code.as_str(), k)
        })
        .collect();
    for row in rows {
        if let Ok(level) = row.get("level").text.parse() {
            let k = Known {
                level,
                last_year: row.get("last_year").text.parse().ok(),
            };
            others.insert(row.get("code").text.as_str(), k);
        }
    }
    let mut units = Vec::new();
    for row in rows {
        let at = |f: &Field, field, kind| problem(file, f.line, field, kind);
        let code = row.get("code");
        if !code.reported {
            match code_problem(&code.text, &first_line) {
                Some(kind) => problems.push(at(code, "code", kind)),
                None => {
                    first_line.insert(&code.text, code.line);
                }
            }
        }
        let name = row.get("name");
        if name.text.is_empty() && !name.reported {
            problems.push(at(name, "name", UnitProblemKind::EmptyName));
        }
        let first_year = year(row.get("first_year"), "first_year", file, problems);
        let last_year = year(row.get("last_year"), "last_year", file, problems);
        if let (Some(first), Some(last)) = (first_year, last_year) {
            // One year before the first withdraws a unit that never existed.
            if last < first - 1 {
                let kind = UnitProblemKind::YearsReversed { first, last };
                problems.push(at(row.get("last_year"), "last_year", kind));
            }
        }
        let predecessors = predecessors(row, &others, file, problems);
        let gso = row.get("gso_code");
        if !gso.text.chars().all(|c| c.is_ascii_digit()) || gso.text.len() > 10 {
            let kind = UnitProblemKind::BadGsoCode(gso.text.clone());
            problems.push(at(gso, "gso_code", kind));
        }
        let level_field = row.get("level");
        if level_field.reported {
            continue;
        }
        let Ok(level) = level_field.text.parse::<Level>() else {
            let kind = UnitProblemKind::BadLevel(level_field.text.clone());
            problems.push(at(level_field, "level", kind));
            continue;
        };
        let parent = row.get("parent");
        if let Some(kind) = parent_problem(level, parent, &others) {
            problems.push(at(parent, "parent", kind));
        }
        units.push(Unit {
            code: code.text.clone(),
            name: name.text.clone(),
            level,
            parent: (!parent.text.is_empty()).then(|| parent.text.clone()),
            first_year,
            last_year,
            predecessors,
            gso_code: (!gso.text.is_empty()).then(|| gso.text.clone()),
        });
    }
    units
}

fn year(f: &Field, name: &'static str, file: &str, problems: &mut Vec<UnitProblem>) -> Option<i32> {
    if f.text.is_empty() || f.reported {
        return None;
    }
    match f.text.parse::<i32>() {
        Ok(y) if (1900..=2100).contains(&y) => Some(y),
        _ => {
            let kind = UnitProblemKind::BadYear(f.text.clone());
            problems.push(problem(file, f.line, name, kind));
            None
        }
    }
}

/// Predecessor codes, separated by `;` (or spaces): each a unit of the file or the database
/// that has ended, never the unit itself.
fn predecessors(
    row: &Row,
    others: &HashMap<&str, Known>,
    file: &str,
    problems: &mut Vec<UnitProblem>,
) -> Vec<String> {
    let f = row.get("predecessors");
    let own = &row.get("code").text;
    let mut codes: Vec<String> = Vec::new();
    for code in f
        .text
        .split([';', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let kind = match others.get(code) {
            _ if code == own => Some(UnitProblemKind::OwnPredecessor),
            None => Some(UnitProblemKind::UnknownPredecessor(code.into())),
            Some(k) if k.last_year.is_none() => {
                Some(UnitProblemKind::PredecessorNotEnded(code.into()))
            }
            Some(_) => None,
        };
        match kind {
            Some(kind) => problems.push(problem(file, f.line, "predecessors", kind)),
            None if !codes.iter().any(|c| c == code) => codes.push(code.into()),
            None => {}
        }
    }
    codes
}

fn code_problem(code: &str, first_line: &HashMap<&str, usize>) -> Option<UnitProblemKind> {
    if !is_valid_code(code) {
        return Some(UnitProblemKind::BadCode(code.into()));
    }
    let first_line = *first_line.get(code)?;
    Some(UnitProblemKind::DuplicateCode {
        code: code.into(),
        first_line,
    })
}

/// A commune may hang under a district (of this file or already known), or under nothing (the
/// two-tier map of 2025 has no districts); nothing else has a parent.
fn parent_problem(
    level: Level,
    parent: &Field,
    others: &HashMap<&str, Known>,
) -> Option<UnitProblemKind> {
    let p = &parent.text;
    if parent.reported || p.is_empty() {
        return None;
    }
    match level {
        Level::Xa => match others.get(p.as_str()).map(|k| k.level) {
            None => Some(UnitProblemKind::UnknownParent(p.clone())),
            Some(Level::Huyen) => None,
            Some(_) => Some(UnitProblemKind::ParentNotDistrict(p.clone())),
        },
        _ => Some(UnitProblemKind::ParentOnNonCommune),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localized};

    const GOOD: &str = "code,name,level,parent\n\
        dong-hoi,Thành phố Đồng Hới,huyen,\n\
        dong-hoi-hai-dinh,Phường Hải Đình,xa,dong-hoi\n\
        so-noi-vu,Sở Nội vụ,so,\n";

    #[test]
    fn csv_with_communes_under_districts_parses() {
        let units = parse_units("u.csv", GOOD, &[]).unwrap();
        assert_eq!(units.len(), 3);
        assert_eq!(units[1].parent.as_deref(), Some("dong-hoi"));
        assert_eq!(units[2].level, Level::So);
    }

    #[test]
    fn csv_errors_name_their_line_and_field() {
        let bad = "code,name,level,parent\n\
            dong-hoi,Thành phố Đồng Hới,huyen,\n\
            Bad Code,Xã A,xa,dong-hoi\n\
            xa-b,,xa,dong-hoi\n\
            xa-c,Xã C,tinh,\n\
            xa-d,Xã D,xa,nowhere\n\
            dong-hoi,Trùng,huyen,\n";
        let problems = parse_units("u.csv", bad, &[]).unwrap_err();
        let lines: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.field)).collect();
        assert_eq!(
            lines,
            vec![
                (3, "code"),
                (4, "name"),
                (5, "level"),
                (6, "parent"),
                (7, "code")
            ]
        );
        let msg = problems[4].message(Lang::En);
        assert_eq!(msg, "u.csv:7 [code]: code 'dong-hoi' duplicates line 2");
    }

    #[test]
    fn toml_units_report_lines() {
        let text = "[[unit]]\ncode = \"dong-hoi\"\nname = \"Thành phố Đồng Hới\"\nlevel = \"huyen\"\n\n[[unit]]\ncode = \"x\"\nname = \"Xã X\"\nlevel = \"xa\"\nparent = \"nowhere\"\n";
        let problems = parse_units("u.toml", text, &[]).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].field), (10, "parent"));
    }

    #[test]
    fn toml_units_take_years_as_numbers_and_predecessors_as_a_list() {
        let text = "[[unit]]\ncode = \"a\"\nname = \"Xã A\"\nlevel = \"xa\"\nlast_year = 2024\n\n[[unit]]\ncode = \"b\"\nname = \"Xã B\"\nlevel = \"xa\"\nfirst_year = 2025\npredecessors = [\"a\"]\n";
        let file = parse_unit_file("u.toml", text, &[]).unwrap();
        assert!(file.spans);
        assert_eq!(file.units[0].last_year, Some(2024));
        assert_eq!(file.units[1].predecessors, ["a"]);
        assert_eq!(file.units[1].parent, None);
    }

    #[test]
    fn commune_may_hang_under_a_known_district() {
        let known = parse_units("u.csv", GOOD, &[]).unwrap();
        let more = "code,name,level,parent\ndong-hoi-bao-ninh,Xã Bảo Ninh,xa,dong-hoi\n";
        assert!(parse_units("more.csv", more, &known).is_ok());
    }
}
