//! Unit lists (CSV and TOML): the bundled Quảng Bình units, and every import error at its line
//! and field, in both languages.

use parindex::i18n::{Lang, Localized};
use parindex::level::Level;
use parindex::unit::{BUNDLED_UNITS, Unit, UnitProblem, bundled_units, parse_units};

fn problems(file: &str, text: &str) -> Vec<UnitProblem> {
    match parse_units(file, text, &[]) {
        Ok(units) => panic!("{file} parsed into {} units", units.len()),
        Err(p) => p,
    }
}

fn places(problems: &[UnitProblem]) -> Vec<(usize, &'static str)> {
    problems.iter().map(|p| (p.line, p.field)).collect()
}

fn dump(problems: &[UnitProblem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    lines.join("\n")
}

/// Asserts the problem's whole English message and a key part of the Vietnamese one.
fn assert_message(p: &UnitProblem, en: &str, vi: &str) {
    assert_eq!(p.message(Lang::En), en);
    let msg_vi = p.message(Lang::Vi);
    assert!(msg_vi.contains(vi), "Vietnamese: {msg_vi}\n  lacks: {vi}");
}

// ---------------------------------------------------------------------------------------------
// The bundled units
// ---------------------------------------------------------------------------------------------

#[test]
fn bundled_units_are_21_departments_8_districts_and_151_communes_in_2021() {
    let (file, text) = BUNDLED_UNITS;
    let units = parse_units(file, text, &[]).unwrap_or_else(|p| panic!("{}", dump(&p)));
    let count = |level| units.iter().filter(|u| u.level == level).count();
    assert_eq!(
        (count(Level::So), count(Level::Huyen), count(Level::Xa)),
        (21, 8, 151)
    );
    assert_eq!(units.len(), 180);
    let of = |year, level| {
        let all = bundled_units();
        all.iter()
            .filter(|u| u.level == level && u.exists_in(year))
            .count()
    };
    assert_eq!(
        (
            of(2024, Level::So),
            of(2024, Level::Huyen),
            of(2024, Level::Xa)
        ),
        (21, 8, 151)
    );
    assert_eq!(
        (
            of(2025, Level::So),
            of(2025, Level::Huyen),
            of(2025, Level::Xa)
        ),
        (14, 0, 78)
    );
}

#[test]
fn bundled_units_parse_without_problems_and_communes_hang_under_districts() {
    let (file, text) = BUNDLED_UNITS;
    let units = parse_units(file, text, &[]).unwrap_or_else(|p| panic!("{}", dump(&p)));
    let all = bundled_units();
    assert_eq!(
        units.iter().map(|u| &u.code).collect::<Vec<_>>(),
        all[..180].iter().map(|u| &u.code).collect::<Vec<_>>()
    );
    let district = |code: &str| {
        units
            .iter()
            .any(|u: &Unit| u.code == code && u.level == Level::Huyen)
    };
    for u in &units {
        match u.level {
            Level::Xa => {
                let parent = u.parent.as_deref().unwrap_or("");
                assert!(district(parent), "{} hangs under '{parent}'", u.code);
                assert!(u.code.starts_with(&format!("{parent}-")), "{}", u.code);
            }
            _ => assert_eq!(u.parent, None, "{}", u.code),
        }
        assert!(!u.name.is_empty());
    }
    let dong_hai = units.iter().find(|u| u.code == "dong-hoi-dong-hai");
    assert_eq!(dong_hai.map(|u| u.name.as_str()), Some("Phường Đồng Hải"));
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

const CSV_HEADER: &str = "code,name,level,parent\n";

fn csv(rows: &[&str]) -> String {
    let mut text = CSV_HEADER.to_string();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

#[test]
fn csv_bad_code_is_reported_at_its_line() {
    let text = csv(&["so-noi-vu,Sở Nội vụ,so,", "Sở Tư pháp,Sở Tư pháp,so,"]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(3, "code")]);
    assert_message(
        &found[0],
        "u.csv:3 [code]: code 'Sở Tư pháp' may only contain a-z, 0-9 and '-'",
        "u.csv:3 [code]: mã 'Sở Tư pháp' chỉ được gồm chữ thường không dấu, chữ số và '-'",
    );
}

#[test]
fn csv_duplicate_code_names_the_first_line() {
    let text = csv(&[
        "so-noi-vu,Sở Nội vụ,so,",
        "so-tu-phap,Sở Tư pháp,so,",
        "so-noi-vu,Sở Nội vụ (trùng),so,",
    ]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(4, "code")]);
    assert_message(
        &found[0],
        "u.csv:4 [code]: code 'so-noi-vu' duplicates line 2",
        "mã 'so-noi-vu' bị trùng với dòng 2",
    );
}

#[test]
fn csv_empty_name_is_reported() {
    let text = csv(&["so-noi-vu,  ,so,"]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(2, "name")]);
    assert_message(
        &found[0],
        "u.csv:2 [name]: the unit name is empty",
        "tên đơn vị không được để trống",
    );
}

#[test]
fn csv_bad_level_is_reported() {
    let text = csv(&["ubnd-tinh,UBND tỉnh,tinh,"]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(2, "level")]);
    assert_message(
        &found[0],
        "u.csv:2 [level]: level 'tinh' is not one of so, huyen, xa",
        "cấp 'tinh' không hợp lệ; chỉ nhận so, huyen, xa",
    );
}

#[test]
fn csv_commune_without_parent_parses_as_on_the_two_tier_map() {
    let text = csv(&["phuong-dong-hoi,Phường Đồng Hới,xa,"]);
    let units = parse_units("u.csv", &text, &[]).unwrap_or_else(|p| panic!("{}", dump(&p)));
    assert_eq!(units[0].parent, None);
}

#[test]
fn csv_unknown_parent_is_reported() {
    let text = csv(&[
        "dong-hoi,Thành phố Đồng Hới,huyen,",
        "bao-ninh,Xã Bảo Ninh,xa,dong-hoy",
    ]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(3, "parent")]);
    assert_message(
        &found[0],
        "u.csv:3 [parent]: no district has code 'dong-hoy'",
        "không có đơn vị cấp huyện mã 'dong-hoy'",
    );
}

#[test]
fn csv_parent_that_is_not_a_district_is_reported() {
    let text = csv(&[
        "so-noi-vu,Sở Nội vụ,so,",
        "bao-ninh,Xã Bảo Ninh,xa,so-noi-vu",
    ]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(3, "parent")]);
    assert_message(
        &found[0],
        "u.csv:3 [parent]: 'so-noi-vu' is not a district",
        "'so-noi-vu' không phải đơn vị cấp huyện",
    );
}

#[test]
fn csv_parent_on_a_department_or_district_is_reported() {
    let text = csv(&[
        "dong-hoi,Thành phố Đồng Hới,huyen,",
        "so-noi-vu,Sở Nội vụ,so,dong-hoi",
        "ba-don,Thị xã Ba Đồn,huyen,dong-hoi",
    ]);
    let found = problems("u.csv", &text);
    assert_eq!(places(&found), [(3, "parent"), (4, "parent")]);
    assert_message(
        &found[0],
        "u.csv:3 [parent]: only communes have a parent",
        "chỉ đơn vị cấp xã mới có parent",
    );
}

#[test]
fn csv_bad_header_is_reported_on_line_1() {
    for (header, shown) in [
        ("code,name\n", "code,name"),
        ("ma,ten,cap,cha\n", "ma,ten,cap,cha"),
        ("code,name,level,region\n", "code,name,level,region"),
        ("", ""),
    ] {
        let text = format!("{header}so-noi-vu,Sở Nội vụ,so,\n");
        let text = if header.is_empty() {
            String::new()
        } else {
            text
        };
        let found = problems("u.csv", &text);
        assert_eq!(places(&found), [(1, "header")], "{header:?}");
        assert_message(
            &found[0],
            &format!(
                "u.csv:1 [header]: the header must be 'code,name,level,parent,first_year,last_year,predecessors,gso_code' (or its first four columns 'code,name,level,parent'), not '{shown}'"
            ),
            &format!("(hoặc 4 cột đầu 'code,name,level,parent'), không phải '{shown}'"),
        );
    }
}

#[test]
fn csv_header_may_omit_parent_or_end_with_empty_columns() {
    let short = "code,name,level\nso-noi-vu,Sở Nội vụ,so\n";
    assert_eq!(parse_units("u.csv", short, &[]).map(|u| u.len()), Ok(1));
    let trailing = "code,name,level,parent,,\nso-noi-vu,Sở Nội vụ,so,,,\n";
    assert_eq!(parse_units("u.csv", trailing, &[]).map(|u| u.len()), Ok(1));
}

#[test]
fn csv_every_problem_is_reported_in_line_order() {
    let text = csv(&[
        "dong-hoi,Thành phố Đồng Hới,huyen,",
        "Bad Code,Xã A,xa,dong-hoi",
        "xa-b,,xa,dong-hoi",
        "xa-c,Xã C,tinh,",
        "xa-d,Xã D,xa,nowhere",
        "dong-hoi,,huyen,",
    ]);
    let found = problems("u.csv", &text);
    assert_eq!(
        places(&found),
        [
            (3, "code"),
            (4, "name"),
            (5, "level"),
            (6, "parent"),
            (7, "code"),
            (7, "name")
        ],
        "{}",
        dump(&found)
    );
}

#[test]
fn csv_lines_stay_right_with_crlf_bom_blank_lines_and_quoted_newlines() {
    let crlf = "code,name,level,parent\r\nso-a,Sở A,so,\r\nso-b,,so,\r\n";
    assert_eq!(places(&problems("u.csv", crlf)), [(3, "name")]);
    let bom = "\u{feff}code,name,level,parent\nso-a,,so,\n";
    assert_eq!(places(&problems("u.csv", bom)), [(2, "name")]);
    let blank = "code,name,level,parent\n\nso-a,Sở A,so,\n\n\nso-b,,so,\n";
    assert_eq!(places(&problems("u.csv", blank)), [(6, "name")]);
    let quoted = "code,name,level,parent\nso-a,\"Sở\nA\",so,\nBAD,Sở B,so,\n";
    assert_eq!(places(&problems("u.csv", quoted)), [(4, "code")]);
    let both = "code,name,level,parent\r\n\r\nso-a,Sở A,so,\r\n\r\n\r\nso-b,,so,\r\n";
    assert_eq!(places(&problems("u.csv", both)), [(6, "name")]);
    let header_late = "\n\ncode,name\nso-a,Sở A\n";
    assert_eq!(places(&problems("u.csv", header_late)), [(3, "header")]);
}

#[test]
fn csv_names_are_stored_nfc_and_trimmed() {
    let text = "code,name,level,parent\nso-a,  Sở Ngoa\u{323}i vu\u{323}  ,so,\n";
    let units = parse_units("u.csv", text, &[]).unwrap();
    assert_eq!(units[0].name, "Sở Ngoại vụ");
}

#[test]
fn csv_commune_may_hang_under_a_district_already_known() {
    let known = bundled_units();
    let text = csv(&["dong-hoi-moi,Xã Mới,xa,dong-hoi"]);
    let units = parse_units("more.csv", &text, &known).unwrap();
    assert_eq!(units[0].parent.as_deref(), Some("dong-hoi"));
    let under_commune = csv(&["moi,Xã Mới,xa,dong-hoi-dong-hai"]);
    let found = parse_units("more.csv", &under_commune, &known).unwrap_err();
    assert_eq!(places(&found), [(2, "parent")]);
    assert!(
        found[0]
            .message(Lang::En)
            .ends_with("'dong-hoi-dong-hai' is not a district")
    );
}

// ---------------------------------------------------------------------------------------------
// TOML
// ---------------------------------------------------------------------------------------------

#[test]
fn toml_units_parse() {
    let text = r#"[[unit]]
code = "dong-hoi"
name = "Thành phố Đồng Hới"
level = "huyen"

[[unit]]
code = "dong-hoi-bao-ninh"
name = "Xã Bảo Ninh"
level = "xa"
parent = "dong-hoi"
"#;
    let units = parse_units("u.toml", text, &[]).unwrap();
    assert_eq!(units.len(), 2);
    assert_eq!(units[1].parent.as_deref(), Some("dong-hoi"));
}

#[test]
fn toml_problems_are_reported_at_the_line_of_their_field() {
    let text = r#"[[unit]]
code = "dong-hoi"
name = "Thành phố Đồng Hới"
level = "huyen"

[[unit]]
code = "Bảo Ninh"
name = ""
level = "tinh"

[[unit]]
code = "dong-hoi"
name = "Trùng"
level = "huyen"
parent = "dong-hoi"

[[unit]]
code = "xa-a"
name = "Xã A"
level = "xa"

[[unit]]
code = "xa-b"
name = "Xã B"
level = "xa"
parent = "nowhere"

[[unit]]
code = "xa-c"
name = "Xã C"
level = "xa"
parent = "xa-b"
"#;
    let found = problems("u.toml", text);
    assert_eq!(
        places(&found),
        [
            (7, "code"),
            (8, "name"),
            (9, "level"),
            (12, "code"),
            (15, "parent"),
            (26, "parent"),
            (32, "parent"),
        ],
        "{}",
        dump(&found)
    );
    assert_message(
        &found[3],
        "u.toml:12 [code]: code 'dong-hoi' duplicates line 2",
        "mã 'dong-hoi' bị trùng với dòng 2",
    );
    assert_message(
        &found[5],
        "u.toml:26 [parent]: no district has code 'nowhere'",
        "không có đơn vị cấp huyện mã 'nowhere'",
    );
    assert_message(
        &found[6],
        "u.toml:32 [parent]: 'xa-b' is not a district",
        "'xa-b' không phải đơn vị cấp huyện",
    );
}

#[test]
fn toml_values_that_are_not_text_are_reported_once() {
    let text = "[[unit]]\ncode = 5\nname = true\nlevel = 2\n";
    let found = problems("u.toml", text);
    assert_eq!(
        places(&found),
        [(2, "code"), (3, "name"), (4, "level")],
        "{}",
        dump(&found)
    );
    assert_message(
        &found[0],
        "u.toml:2 [code]: must be text in quotes",
        "phải là văn bản trong dấu ngoặc kép",
    );
}

#[test]
fn toml_unknown_field_is_reported() {
    let text =
        "[[unit]]\ncode = \"xa-a\"\nname = \"Xã A\"\nlevel = \"xa\"\nparnet = \"dong-hoi\"\n";
    let found = problems("u.toml", text);
    assert_eq!(places(&found), [(5, "unit")], "{}", dump(&found));
    assert_message(
        &found[0],
        "u.toml:5 [unit]: unknown field 'parnet' (allowed: code,name,level,parent,first_year,last_year,predecessors,gso_code)",
        "trường không hợp lệ 'parnet' (được phép: code,name,level,parent,first_year,last_year,predecessors,gso_code)",
    );
}

#[test]
fn toml_unit_that_is_not_a_table_is_reported() {
    let text =
        "unit = [\n  { code = \"so-a\", name = \"Sở A\", level = \"so\" },\n  \"so-b\",\n]\n";
    let found = problems("u.toml", text);
    assert_eq!(places(&found), [(3, "unit")]);
    assert_message(
        &found[0],
        "u.toml:3 [unit]: each unit must be a table ([[unit]] or { code = ... })",
        "mỗi đơn vị phải là một bảng",
    );
}

#[test]
fn toml_without_units_or_unparsable_is_reported() {
    let found = problems("u.toml", "[units]\ncode = \"a\"\n");
    assert_eq!(places(&found), [(1, "unit")]);
    assert_message(
        &found[0],
        "u.toml:1 [unit]: the file has no [[unit]] tables",
        "tệp không có bảng [[unit]] nào",
    );
    let found = problems(
        "u.toml",
        "[[unit]]\ncode = \"so-a\"\nname = \"Sở A\nlevel = \"so\"\n",
    );
    assert_eq!(places(&found)[0], (3, "toml"), "{}", dump(&found));
    assert!(found[0].message(Lang::En).contains("cannot be read"));
    assert!(found[0].message(Lang::Vi).contains("không đọc được"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn assert_lines(file: &str, text: &str) {
        let Err(found) = parse_units(file, text, &[]) else {
            return;
        };
        let lines = text.split('\n').count();
        for p in &found {
            assert!(p.line >= 1 && p.line <= lines, "{lines} lines: {p:?}");
        }
        assert!(found.is_sorted_by_key(|p| p.line), "{}", dump(&found));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_csv_text_gets_units_or_problems_on_real_lines(
            text in "(code,name,level,parent\r?\n)?([a-zđ ,\"\r\n-]|so|xa|huyen|dong-hoi){0,120}",
        ) {
            assert_lines("u.csv", &text);
        }

        #[test]
        fn any_toml_text_gets_units_or_problems_on_real_lines(
            text in "(\\[\\[unit\\]\\]|code|name|level|parent|[a-z =\"{}\\[\\],\n-]){0,120}",
        ) {
            assert_lines("u.toml", &text);
        }
    }
}
