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
        };
        format!("{}:{} [{}]: {what}", self.file, self.line, self.field)
    }
}

/// One row as read, before checks.
struct Row {
    line: usize,
    code: String,
    name: String,
    level: String,
    parent: String,
}

/// Parses and checks a unit list. `known` are units already in the database (parents may be
/// among them). CSV unless the file name ends in `.toml`.
pub fn parse_units(file: &str, text: &str, known: &[Unit]) -> Result<Vec<Unit>, Vec<UnitProblem>> {
    let rows = if file.ends_with(".toml") {
        toml_rows(file, text)?
    } else {
        csv_rows(file, text)?
    };
    check_rows(file, rows, known)
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
    let header = reader
        .headers()
        .map_err(|e| {
            vec![problem(
                file,
                1,
                "header",
                UnitProblemKind::Unreadable(e.to_string()),
            )]
        })?
        .clone();
    let names: Vec<&str> = header.iter().map(str::trim).collect();
    if names.first() != Some(&"code")
        || names.get(1) != Some(&"name")
        || names.get(2) != Some(&"level")
    {
        let kind = UnitProblemKind::BadHeader(names.join(","));
        return Err(vec![problem(file, 1, "header", kind)]);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
            vec![problem(
                file,
                line,
                "row",
                UnitProblemKind::Unreadable(e.to_string()),
            )]
        })?;
        let line = record.position().map(|p| p.line() as usize).unwrap_or(0);
        let field = |i: usize| crate::text::nfc(record.get(i).unwrap_or("").trim());
        rows.push(Row {
            line,
            code: field(0),
            name: field(1),
            level: field(2),
            parent: field(3),
        });
    }
    Ok(rows)
}

fn toml_rows(file: &str, text: &str) -> Result<Vec<Row>, Vec<UnitProblem>> {
    let (doc, errors) = toml::de::DeTable::parse_recoverable(text);
    if let Some(e) = errors.first() {
        let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
        let kind = UnitProblemKind::Unreadable(e.message().trim().to_string());
        return Err(vec![problem(file, line, "toml", kind)]);
    }
    let mut rows = Vec::new();
    let Some(units) = doc
        .get_ref()
        .get("unit")
        .and_then(|v| v.get_ref().as_array())
    else {
        let kind = UnitProblemKind::Unreadable("no [[unit]] tables".into());
        return Err(vec![problem(file, 1, "unit", kind)]);
    };
    for item in units.iter() {
        let line = line_of(text, item.span().start);
        let Some(t) = item.get_ref().as_table() else {
            continue;
        };
        let field = |k: &str| {
            let s = t.get(k).and_then(|v| v.get_ref().as_str()).unwrap_or("");
            crate::text::nfc(s.trim())
        };
        rows.push(Row {
            line,
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

fn check_rows(file: &str, rows: Vec<Row>, known: &[Unit]) -> Result<Vec<Unit>, Vec<UnitProblem>> {
    let mut problems = Vec::new();
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut levels: HashMap<&str, Level> =
        known.iter().map(|u| (u.code.as_str(), u.level)).collect();
    for row in &rows {
        if let Ok(level) = row.level.parse() {
            levels.entry(row.code.as_str()).or_insert(level);
        }
    }
    let mut units = Vec::new();
    for row in &rows {
        let p = |field, kind| problem(file, row.line, field, kind);
        if !is_valid_code(&row.code) {
            problems.push(p("code", UnitProblemKind::BadCode(row.code.clone())));
        } else if let Some(first) = first_line.get(row.code.as_str()) {
            let kind = UnitProblemKind::DuplicateCode {
                code: row.code.clone(),
                first_line: *first,
            };
            problems.push(p("code", kind));
        } else {
            first_line.insert(&row.code, row.line);
        }
        if row.name.is_empty() {
            problems.push(p("name", UnitProblemKind::EmptyName));
        }
        let Ok(level) = row.level.parse::<Level>() else {
            problems.push(p("level", UnitProblemKind::BadLevel(row.level.clone())));
            continue;
        };
        match (level, row.parent.is_empty()) {
            (Level::Xa, true) => problems.push(p("parent", UnitProblemKind::MissingParent)),
            (Level::Xa, false) => match levels.get(row.parent.as_str()) {
                None => problems.push(p(
                    "parent",
                    UnitProblemKind::UnknownParent(row.parent.clone()),
                )),
                Some(Level::Huyen) => {}
                Some(_) => problems.push(p(
                    "parent",
                    UnitProblemKind::ParentNotDistrict(row.parent.clone()),
                )),
            },
            (_, false) => problems.push(p("parent", UnitProblemKind::ParentOnNonCommune)),
            (_, true) => {}
        }
        units.push(Unit {
            code: row.code.clone(),
            name: row.name.clone(),
            level,
            parent: (!row.parent.is_empty()).then(|| row.parent.clone()),
        });
    }
    if problems.is_empty() {
        Ok(units)
    } else {
        Err(problems)
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
