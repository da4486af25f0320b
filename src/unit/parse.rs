//! Reading a unit list from CSV (`code,name,level,parent`) or TOML (`[[unit]]` tables), with
//! every problem reported by line number.

use std::collections::HashMap;

use crate::i18n::{Lang, Localized};
use crate::level::Level;

use super::{Unit, is_valid_code};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitProblem {
    pub file: String,
    pub line: usize,
    pub field: &'static str,
    pub kind: UnitProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitProblemKind {
    Unreadable(String),
    BadHeader(String),
    BadCode(String),
    DuplicateCode { code: String, first_line: usize },
    EmptyName,
    BadLevel(String),
    MissingParent,
    UnknownParent(String),
    ParentNotDistrict(String),
    ParentOnNonCommune,
    NoUnits,
    NotATable,
    NotText,
    UnknownField(String),
}

impl Localized for UnitProblem {
    fn message(&self, lang: Lang) -> String {
        use UnitProblemKind::*;
        let vi = lang == Lang::Vi;
        let what = match &self.kind {
            Unreadable(m) if vi => format!("không đọc được: {m}"),
            Unreadable(m) => format!("cannot be read: {m}"),
            BadHeader(h) if vi => {
                format!("dòng tiêu đề phải là 'code,name,level,parent', không phải '{h}'")
            }
            BadHeader(h) => format!("the header must be 'code,name,level,parent', not '{h}'"),
            BadCode(c) if vi => {
                format!("mã '{c}' chỉ được gồm chữ thường không dấu, chữ số và '-'")
            }
            BadCode(c) => format!("code '{c}' may only contain a-z, 0-9 and '-'"),
            DuplicateCode { code, first_line } if vi => {
                format!("mã '{code}' bị trùng với dòng {first_line}")
            }
            DuplicateCode { code, first_line } => {
                format!("code '{code}' duplicates line {first_line}")
            }
            EmptyName if vi => "tên đơn vị không được để trống".into(),
            EmptyName => "the unit name is empty".into(),
            BadLevel(l) if vi => format!("cấp '{l}' không hợp lệ; chỉ nhận so, huyen, xa"),
            BadLevel(l) => format!("level '{l}' is not one of so, huyen, xa"),
            MissingParent if vi => "đơn vị cấp xã phải có đơn vị cấp huyện quản lý (parent)".into(),
            MissingParent => "a commune needs its district as parent".into(),
            UnknownParent(p) if vi => format!("không có đơn vị cấp huyện mã '{p}'"),
            UnknownParent(p) => format!("no district has code '{p}'"),
            ParentNotDistrict(p) if vi => format!("'{p}' không phải đơn vị cấp huyện"),
            ParentNotDistrict(p) => format!("'{p}' is not a district"),
            ParentOnNonCommune if vi => "chỉ đơn vị cấp xã mới có parent".into(),
            ParentOnNonCommune => "only communes have a parent".into(),
            NoUnits if vi => "tệp không có bảng [[unit]] nào".into(),
            NoUnits => "the file has no [[unit]] tables".into(),
            NotATable if vi => "mỗi đơn vị phải là một bảng ([[unit]] hoặc { code = ... })".into(),
            NotATable => "each unit must be a table ([[unit]] or { code = ... })".into(),
            NotText if vi => "phải là văn bản trong dấu ngoặc kép".into(),
            NotText => "must be text in quotes".into(),
            UnknownField(f) if vi => {
                format!("trường không hợp lệ '{f}' (được phép: code, name, level, parent)")
            }
            UnknownField(f) => format!("unknown field '{f}' (allowed: code, name, level, parent)"),
        };
        format!("{}:{} [{}]: {what}", self.file, self.line, self.field)
    }
}

/// One field as read, with the line it stands on.
#[derive(Default)]
struct Field {
    text: String,
    line: usize,
    /// Already reported as unreadable: no further check applies to it.
    reported: bool,
}

/// One row as read, before checks.
struct Row {
    code: Field,
    name: Field,
    level: Field,
    parent: Field,
}

const FIELDS: [&str; 4] = ["code", "name", "level", "parent"];

/// Parses and checks a unit list. `known` are units already in the database (parents may be
/// among them). CSV unless the file name ends in `.toml`. Problems come in line order.
pub fn parse_units(file: &str, text: &str, known: &[Unit]) -> Result<Vec<Unit>, Vec<UnitProblem>> {
    let mut problems = Vec::new();
    let rows = if file.ends_with(".toml") {
        toml_rows(file, text, &mut problems)?
    } else {
        csv_rows(file, text)?
    };
    let units = check_rows(file, &rows, known, &mut problems);
    if problems.is_empty() {
        Ok(units)
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

fn csv_rows(file: &str, text: &str) -> Result<Vec<Row>, Vec<UnitProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let unreadable = |line, e: csv::Error| {
        let kind = UnitProblemKind::Unreadable(e.to_string());
        vec![problem(file, line, "header", kind)]
    };
    let header = reader.headers().map_err(|e| unreadable(1, e))?.clone();
    check_header(file, record_line(text, header.position()), &header)?;
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
        rows.push(Row {
            code: field(0),
            name: field(1),
            level: field(2),
            parent: field(3),
        });
    }
    Ok(rows)
}

/// The header is `code,name,level,parent` (`parent` may be left out; empty trailing columns,
/// as spreadsheets write them, are ignored).
fn check_header(
    file: &str,
    line: usize,
    header: &csv::StringRecord,
) -> Result<(), Vec<UnitProblem>> {
    let mut names: Vec<&str> = header.iter().map(str::trim).collect();
    while names.last() == Some(&"") {
        names.pop();
    }
    if names == FIELDS || names == FIELDS[..3] {
        return Ok(());
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
) -> Result<Vec<Row>, Vec<UnitProblem>> {
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
    for item in units.iter() {
        let line = line_of(text, item.span().start);
        let Some(t) = item.get_ref().as_table() else {
            problems.push(problem(file, line, "unit", UnitProblemKind::NotATable));
            continue;
        };
        for key in t.keys() {
            if !FIELDS.contains(&key.get_ref().as_ref()) {
                let kind = UnitProblemKind::UnknownField(key.get_ref().to_string());
                problems.push(problem(file, line_of(text, key.span().start), "unit", kind));
            }
        }
        let mut field = |name: &'static str| {
            let Some(v) = t.get(name) else {
                return Field {
                    line,
                    ..Field::default()
                };
            };
            let line = line_of(text, v.span().start);
            let text = v.get_ref().as_str().map(|s| crate::text::nfc(s.trim()));
            if text.is_none() {
                problems.push(problem(file, line, name, UnitProblemKind::NotText));
            }
            Field {
                reported: text.is_none(),
                text: text.unwrap_or_default(),
                line,
            }
        };
        rows.push(Row {
            code: field("code"),
            name: field("name"),
            level: field("level"),
            parent: field("parent"),
        });
    }
    Ok(rows)
}

fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map(|p| p.matches('\n').count() + 1)
        .unwrap_or(1)
}

fn check_rows(
    file: &str,
    rows: &[Row],
    known: &[Unit],
    problems: &mut Vec<UnitProblem>,
) -> Vec<Unit> {
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut levels: HashMap<&str, Level> =
        known.iter().map(|u| (u.code.as_str(), u.level)).collect();
    for row in rows {
        if let Ok(level) = row.level.text.parse() {
            levels.entry(row.code.text.as_str()).or_insert(level);
        }
    }
    let mut units = Vec::new();
    for row in rows {
        let at = |f: &Field, field, kind| problem(file, f.line, field, kind);
        let code = &row.code;
        if !code.reported {
            match code_problem(&code.text, &first_line) {
                Some(kind) => problems.push(at(code, "code", kind)),
                None => {
                    first_line.insert(&code.text, code.line);
                }
            }
        }
        if row.name.text.is_empty() && !row.name.reported {
            problems.push(at(&row.name, "name", UnitProblemKind::EmptyName));
        }
        if row.level.reported {
            continue;
        }
        let Ok(level) = row.level.text.parse::<Level>() else {
            let kind = UnitProblemKind::BadLevel(row.level.text.clone());
            problems.push(at(&row.level, "level", kind));
            continue;
        };
        if let Some(kind) = parent_problem(level, &row.parent, &levels) {
            problems.push(at(&row.parent, "parent", kind));
        }
        units.push(Unit {
            code: code.text.clone(),
            name: row.name.text.clone(),
            level,
            parent: (!row.parent.text.is_empty()).then(|| row.parent.text.clone()),
        });
    }
    units
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

/// A commune hangs under a district (of this file or already known); nothing else has a parent.
fn parent_problem(
    level: Level,
    parent: &Field,
    levels: &HashMap<&str, Level>,
) -> Option<UnitProblemKind> {
    if parent.reported {
        return None;
    }
    let p = &parent.text;
    match (level, p.is_empty()) {
        (Level::Xa, true) => Some(UnitProblemKind::MissingParent),
        (Level::Xa, false) => match levels.get(p.as_str()) {
            None => Some(UnitProblemKind::UnknownParent(p.clone())),
            Some(Level::Huyen) => None,
            Some(_) => Some(UnitProblemKind::ParentNotDistrict(p.clone())),
        },
        (_, false) => Some(UnitProblemKind::ParentOnNonCommune),
        (_, true) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let text = "[[unit]]\ncode = \"dong-hoi\"\nname = \"Thành phố Đồng Hới\"\nlevel = \"huyen\"\n\n[[unit]]\ncode = \"x\"\nname = \"Xã X\"\nlevel = \"xa\"\n";
        let problems = parse_units("u.toml", text, &[]).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!((problems[0].line, problems[0].field), (6, "parent"));
    }

    #[test]
    fn commune_may_hang_under_a_known_district() {
        let known = parse_units("u.csv", GOOD, &[]).unwrap();
        let more = "code,name,level,parent\ndong-hoi-bao-ninh,Xã Bảo Ninh,xa,dong-hoi\n";
        assert!(parse_units("more.csv", more, &known).is_ok());
    }
}
