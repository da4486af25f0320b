//! The framework loader against the bundled Quảng Bình frameworks and against one small file
//! mutated once per validation rule: every problem with its exact `file:line:column`, in both
//! languages.

use parindex::framework::{BUNDLED, Framework, Problem, Rule, Source, bundled, load};
use parindex::i18n::{Lang, Localized};
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------------
// The bundled frameworks
// ---------------------------------------------------------------------------------------------

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn bundled_one(id: &str) -> Framework {
    let file = format!("{id}.toml");
    let (_, text) = BUNDLED.iter().find(|(f, _)| *f == file).unwrap();
    match load(&file, text.as_bytes()) {
        Ok(f) => f,
        Err(p) => panic!("{id} does not load:\n{}", p.message(Lang::En)),
    }
}

/// Sum of the max of the sub-criteria of one source, optionally only in one area.
fn source_points(f: &Framework, source: Source, area: Option<&str>) -> Decimal {
    f.areas
        .iter()
        .filter(|a| area.is_none_or(|code| a.code == code))
        .flat_map(|a| a.criteria.iter())
        .flat_map(|c| c.subs.iter())
        .filter(|s| s.source == source)
        .map(|s| s.max)
        .sum()
}

fn assert_bundled(id: &str, counts: (usize, usize, usize), self_pts: &str, survey_pts: &str) {
    let f = bundled_one(id);
    assert_eq!(f.id, id);
    assert_eq!(f.counts(), counts, "{id}: areas/criteria/sub-criteria");
    assert_eq!(f.total_points, d("100"), "{id}");
    let areas: Decimal = f.areas.iter().map(|a| a.max).sum();
    assert_eq!(areas, f.total_points, "{id}: areas sum to the total");
    for a in &f.areas {
        let criteria: Decimal = a.criteria.iter().map(|c| c.max).sum();
        assert_eq!(criteria, a.max, "{id}: area {}", a.code);
        for c in &a.criteria {
            let subs: Decimal = c.subs.iter().map(|s| s.max).sum();
            assert_eq!(subs, c.max, "{id}: criterion {}", c.code);
        }
    }
    assert_eq!(
        (f.self_points, f.survey_points),
        (d(self_pts), d(survey_pts))
    );
    assert_eq!(source_points(&f, Source::SelfAssessed, None), f.self_points);
    assert_eq!(source_points(&f, Source::Survey, None), f.survey_points);

    let mut kinds: Vec<&str> = f.subs().map(|s| s.rule.kind()).collect();
    kinds.sort();
    kinds.dedup();
    let all = [
        "binary",
        "deduction",
        "levels",
        "manual",
        "per_item",
        "proportional",
        "survey",
        "tiers",
    ];
    assert_eq!(kinds, all, "{id}: every rule kind occurs");

    for s in f.subs() {
        match s.source {
            Source::SelfAssessed => {
                let evidence = s.evidence.as_deref().unwrap_or("");
                assert!(
                    !evidence.trim().is_empty(),
                    "{id}: {} has no evidence",
                    s.code
                );
                assert_ne!(s.rule, Rule::Survey, "{id}: {}", s.code);
            }
            Source::Survey => assert_eq!(s.rule, Rule::Survey, "{id}: {}", s.code),
        }
    }

    let area8 = f.areas.iter().find(|a| a.code == "8").unwrap();
    let survey8 = source_points(&f, Source::Survey, Some("8"));
    assert!(
        survey8 * d("2") > area8.max,
        "{id}: area 8 is mostly survey ({survey8} of {})",
        area8.max
    );
}

#[test]
fn bundled_so_has_8_areas_42_criteria_83_subs_and_a_70_30_split() {
    assert_bundled("quang-binh-2021-so", (8, 42, 83), "70", "30");
}

#[test]
fn bundled_huyen_has_8_areas_46_criteria_92_subs_and_a_70_30_split() {
    assert_bundled("quang-binh-2021-huyen", (8, 46, 92), "70", "30");
}

#[test]
fn bundled_xa_has_8_areas_43_criteria_69_subs_and_a_75_25_split() {
    assert_bundled("quang-binh-2021-xa", (8, 43, 69), "75", "25");
}

#[test]
fn bundled_returns_all_five_in_file_order_with_their_text_and_hash() {
    let all = bundled();
    let ids: Vec<&str> = all.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "quang-binh-2021-so",
            "quang-binh-2021-huyen",
            "quang-binh-2021-xa",
            "quang-tri-2025-so",
            "quang-tri-2025-xa"
        ]
    );
    for (f, (_, text)) in all.iter().zip(BUNDLED) {
        assert_eq!(f.source_text, *text);
        assert_eq!(f.hash, parindex::framework::content_hash(text.as_bytes()));
        assert_eq!(f.hash.len(), 64);
    }
}

// ---------------------------------------------------------------------------------------------
// One small valid framework, and one mutation of it per validation rule
// ---------------------------------------------------------------------------------------------

/// Line numbers below are those of this text (line 1 is `[framework]`).
const BASE: &str = r#"[framework]
id = "mini"
name = "Khung thử"
level = "so"
decision = "QĐ 1"
version = "1"
total_points = 10
self_points = 8
survey_points = 2
decimals = 2

[[framework.band]]
name = "Tốt"
min = 50

[[framework.band]]
name = "Yếu"
min = 0

[[area]]
code = "1"
name = "Lĩnh vực một"
max = 8

[[area.criterion]]
code = "1.1"
name = "Tiêu chí một"
max = 8

[[area.criterion.sub]]
code = "1.1.1"
name = "Thành phần một"
max = 2
evidence = "Kế hoạch CCHC năm"
rule = { kind = "binary" }

[[area.criterion.sub]]
code = "1.1.2"
name = "Thành phần hai"
max = 3
evidence = "Báo cáo CCHC"
[area.criterion.sub.rule]
kind = "levels"
levels = [
  { name = "Tốt", points = 3 },
  { name = "Đạt", points = 1.5 },
  { name = "Chưa đạt", points = 0 },
]

[[area.criterion.sub]]
code = "1.1.3"
name = "Thành phần ba"
max = 3
evidence = "Thống kê hồ sơ"
[area.criterion.sub.rule]
kind = "tiers"
measure = "percent"
tiers = [
  { at_least = 100, points = 3 },
  { at_least = 90, points = 2 },
]

[[area]]
code = "2"
name = "Khảo sát"
max = 2

[[area.criterion]]
code = "2.1"
name = "Hài lòng"
max = 2

[[area.criterion.sub]]
code = "2.1.1"
name = "Mức hài lòng"
max = 2
source = "survey"
rule = { kind = "survey" }
"#;

/// BASE with the one occurrence of `from` replaced by `to`.
fn with(from: &str, to: &str) -> String {
    with_all(&[(from, to)])
}

/// BASE with several single-occurrence replacements.
fn with_all(edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "'{from}' must occur once");
        text = text.replacen(from, to, 1);
    }
    text
}

fn problems(text: &str) -> Vec<Problem> {
    match load("mini.toml", text.as_bytes()) {
        Ok(_) => panic!("the mutated framework loaded"),
        Err(p) => p.0,
    }
}

fn places(problems: &[Problem]) -> Vec<(usize, usize)> {
    problems.iter().map(|p| (p.line, p.column)).collect()
}

fn dump(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    lines.join("\n")
}

/// Asserts that one of `problems` is at `place` (`file:line:column`) and says `en` in English
/// and `vi` in Vietnamese.
fn assert_reported(problems: &[Problem], place: &str, en: &str, vi: &str) {
    let found = problems.iter().find(|p| {
        let m = p.message(Lang::En);
        m.starts_with(&format!("{place}:")) || m.starts_with(&format!("{place} ["))
    });
    let Some(p) = found else {
        panic!("nothing reported at {place}; got:\n{}", dump(problems));
    };
    let (msg_en, msg_vi) = (p.message(Lang::En), p.message(Lang::Vi));
    assert!(msg_en.contains(en), "English: {msg_en}\n  lacks: {en}");
    assert!(msg_vi.contains(vi), "Vietnamese: {msg_vi}\n  lacks: {vi}");
    assert!(msg_vi.starts_with(place), "{msg_vi}");
}

/// Asserts that `text` has exactly one problem, as [`assert_reported`] describes it.
fn assert_only(text: &str, place: &str, en: &str, vi: &str) {
    let found = problems(text);
    assert_eq!(
        found.len(),
        1,
        "expected one problem, got:\n{}",
        dump(&found)
    );
    assert_reported(&found, place, en, vi);
}

#[test]
fn base_framework_loads() {
    let f = load("mini.toml", BASE.as_bytes()).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(f.counts(), (2, 2, 4));
    assert_eq!(f.total_points, d("10"));
}

#[test]
fn unparsable_toml_is_a_syntax_error_at_its_place() {
    let text = with("version = \"1\"\n", "version = \"1\n");
    assert_only(
        &text,
        "mini.toml:6:13",
        "TOML syntax error",
        "lỗi cú pháp TOML",
    );
}

#[test]
fn unknown_fields_are_reported_where_they_are_written() {
    let text = with_all(&[
        ("decimals = 2\n", "decimals = 2\ncolour = \"đỏ\"\n"),
        (
            "rule = { kind = \"binary\" }",
            "rule = { kind = \"binary\", each = 1 }",
        ),
    ]);
    let found = problems(&text);
    assert_eq!(places(&found), [(11, 1), (36, 27)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:11:1",
        "unknown field 'colour' (allowed: id, name,",
        "trường không hợp lệ 'colour' (được phép: id, name,",
    );
    assert_reported(
        &found,
        "mini.toml:36:27",
        "unknown field 'each' (allowed: kind, declared, round)",
        "trường không hợp lệ 'each' (được phép: kind, declared, round)",
    );
}

#[test]
fn missing_field_is_reported_at_its_table() {
    let text = with("name = \"Lĩnh vực một\"\n", "");
    assert_only(
        &text,
        "mini.toml:20:1",
        "[area 1]: missing required field 'name'",
        "[area 1]: thiếu trường bắt buộc 'name'",
    );
}

#[test]
fn missing_code_is_reported_once_not_again_for_each_child() {
    let text = with("code = \"1.1\"\n", "");
    assert_only(
        &text,
        "mini.toml:25:1",
        "[area 1 › criterion ?]: missing required field 'code'",
        "[area 1 › criterion ?]: thiếu trường bắt buộc 'code'",
    );
    let wrong_type = with("code = \"1\"\n", "code = 1\n");
    assert_only(
        &wrong_type,
        "mini.toml:21:8",
        "'code' must be a string",
        "'code' phải là một chuỗi văn bản",
    );
}

#[test]
fn duplicate_code_points_at_both_uses() {
    let text = with("code = \"1.1.2\"", "code = \"1.1.1\"");
    assert_only(
        &text,
        "mini.toml:38:8",
        "duplicate code '1.1.1' (first used at 31:8)",
        "mã '1.1.1' bị trùng (đã dùng ở dòng 31:8)",
    );
}

#[test]
fn code_not_nested_under_its_parent_is_reported() {
    let text = with("code = \"1.1.3\"", "code = \"1.2.3\"");
    assert_only(
        &text,
        "mini.toml:51:8",
        "code '1.2.3' must be its parent's code '1.1' plus one part",
        "mã '1.2.3' phải là mã cấp trên '1.1' thêm một số hiệu",
    );
    let deeper = with("code = \"1.1.3\"", "code = \"1.1.3.1\"");
    assert_only(
        &deeper,
        "mini.toml:51:8",
        "'1.1.3.1' must be",
        "'1.1.3.1' phải là",
    );
}

#[test]
fn area_code_with_a_dot_is_reported_with_its_criteria() {
    let text = with("code = \"2\"", "code = \"2.0\"");
    let found = problems(&text);
    assert_eq!(places(&found), [(64, 8), (69, 8)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:64:8",
        "area code '2.0' must be a single part without '.'",
        "mã lĩnh vực '2.0' phải là một số hiệu không có dấu '.'",
    );
    assert_reported(
        &found,
        "mini.toml:69:8",
        "code '2.1' must be its parent's code '2.0'",
        "mã '2.1' phải là mã cấp trên '2.0'",
    );
}

#[test]
fn cap_of_zero_or_below_is_reported() {
    let text = with("max = 2\nevidence", "max = 0\nevidence");
    let found = problems(&text);
    // The zero also breaks the criterion's sum and the self-assessed total, each at its place.
    assert_eq!(
        places(&found),
        [(8, 15), (28, 7), (33, 7)],
        "{}",
        dump(&found)
    );
    assert_reported(
        &found,
        "mini.toml:33:7",
        "'max' = 0 must be greater than 0",
        "'max' = 0 phải lớn hơn 0",
    );
    let negative = with("total_points = 10", "total_points = -10");
    assert_reported(
        &problems(&negative),
        "mini.toml:7:16",
        "'total_points' = -10 must be greater than 0",
        "'total_points' = -10 phải lớn hơn 0",
    );
}

#[test]
fn children_not_summing_to_the_parent_cap_is_reported() {
    let text = with_all(&[(
        "max = 8\n\n[[area.criterion]]",
        "max = 9\n\n[[area.criterion]]",
    )]);
    assert_reported(
        &problems(&text),
        "mini.toml:23:7",
        "max 9 differs from the sum of its children's max 8 (declare own_cap = true if intended)",
        "điểm tối đa 9 khác tổng điểm tối đa các mục con 8",
    );
    let sub = with("max = 2\nevidence", "max = 1\nevidence");
    let found = problems(&sub);
    assert_eq!(places(&found), [(8, 15), (28, 7)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:28:7",
        "[area 1 › criterion 1.1]: max 8 differs from the sum of its children's max 7",
        "[area 1 › criterion 1.1]: điểm tối đa 8 khác tổng điểm tối đa các mục con 7",
    );
}

#[test]
fn own_cap_lets_children_sum_to_more_than_the_cap() {
    let text = with_all(&[
        (
            "name = \"Tiêu chí một\"\nmax = 8\n",
            "name = \"Tiêu chí một\"\nmax = 8\nown_cap = true\n",
        ),
        ("max = 2\nevidence", "max = 4\nevidence"),
    ]);
    let f = load("mini.toml", text.as_bytes()).unwrap_or_else(|p| panic!("{p}"));
    let criterion = f.criteria().next().unwrap();
    assert!(criterion.own_cap);
    assert_eq!(criterion.max, d("8"));
    assert_eq!(
        criterion.subs.iter().map(|s| s.max).sum::<Decimal>(),
        d("10")
    );
}

#[test]
fn own_cap_above_what_the_children_can_reach_is_reported() {
    let text = with_all(&[
        (
            "max = 8\n\n[[area.criterion]]",
            "max = 9\nown_cap = true\n\n[[area.criterion]]",
        ),
        (
            "name = \"Tiêu chí một\"\nmax = 8\n",
            "name = \"Tiêu chí một\"\nmax = 9\nown_cap = true\n",
        ),
    ]);
    let found = problems(&text);
    assert_reported(
        &found,
        "mini.toml:29:7",
        "children sum to 8, below the cap 9: the cap cannot be reached",
        "tổng điểm các mục con 8 nhỏ hơn điểm tối đa 9",
    );
}

#[test]
fn areas_not_summing_to_the_total_are_reported() {
    let text = with("total_points = 10", "total_points = 12");
    let found = problems(&text);
    assert_eq!(places(&found), [(7, 16), (8, 15)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:7:16",
        "areas sum to 10, not total_points 12",
        "tổng điểm các lĩnh vực 10 khác total_points 12",
    );
}

#[test]
fn self_plus_survey_not_the_total_is_reported() {
    let text = with("survey_points = 2", "survey_points = 3");
    let found = problems(&text);
    assert_reported(
        &found,
        "mini.toml:8:15",
        "self_points 8 + survey_points 3 is not total_points 10",
        "self_points 8 + survey_points 3 khác total_points 10",
    );
}

#[test]
fn self_and_survey_subs_not_summing_to_their_points_are_reported() {
    let text = with_all(&[
        ("self_points = 8", "self_points = 7"),
        ("survey_points = 2", "survey_points = 3"),
    ]);
    let found = problems(&text);
    assert_eq!(places(&found), [(8, 15), (9, 17)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:8:15",
        "sub-criteria with source 'self' sum to 8, not self_points 7",
        "các tiêu chí thành phần nguồn 'self' cộng lại 8, khác self_points 7",
    );
    assert_reported(
        &found,
        "mini.toml:9:17",
        "sub-criteria with source 'survey' sum to 2, not survey_points 3",
        "các tiêu chí thành phần nguồn 'survey' cộng lại 2, khác survey_points 3",
    );
}

#[test]
fn survey_rule_on_a_self_sub_is_reported() {
    let text = with(
        "rule = { kind = \"binary\" }",
        "rule = { kind = \"survey\" }",
    );
    assert_only(
        &text,
        "mini.toml:35:17",
        "rule 'survey' is only for sub-criteria with source = \"survey\"",
        "quy tắc 'survey' chỉ dùng cho tiêu chí có source = \"survey\"",
    );
}

#[test]
fn other_rule_on_a_survey_sub_is_reported() {
    let text = with(
        "rule = { kind = \"survey\" }",
        "rule = { kind = \"manual\" }",
    );
    assert_only(
        &text,
        "mini.toml:78:17",
        "a survey sub-criterion (source = \"survey\") must use rule 'survey', not 'manual'",
        "phải dùng rule 'survey', không phải 'manual'",
    );
}

#[test]
fn tiers_out_of_order_are_reported() {
    let text = with("at_least = 90,", "at_least = 100,");
    assert_only(
        &text,
        "mini.toml:60:16",
        "tiers' 'at_least' must be strictly decreasing",
        "các mức 'at_least' phải giảm dần",
    );
}

#[test]
fn tier_points_rising_are_reported() {
    let text = with("at_least = 100, points = 3", "at_least = 100, points = 1");
    assert_only(
        &text,
        "mini.toml:60:29",
        "a lower tier may not give more points than the one above",
        "điểm của mức thấp hơn không được cao hơn mức trên",
    );
}

#[test]
fn tier_points_above_max_are_reported() {
    let text = with("at_least = 100, points = 3", "at_least = 100, points = 4");
    assert_only(
        &text,
        "mini.toml:59:30",
        "tier points 4 is above the max 3",
        "điểm của mức 4 vượt điểm tối đa 3",
    );
}

#[test]
fn levels_out_of_order_are_reported() {
    let text = with("\"Đạt\", points = 1.5", "\"Đạt\", points = 3");
    assert_only(
        &text,
        "mini.toml:46:28",
        "levels' points must be strictly decreasing",
        "điểm các mức đánh giá (levels) phải giảm dần",
    );
}

#[test]
fn level_points_above_max_are_reported() {
    let text = with("\"Tốt\", points = 3", "\"Tốt\", points = 3.5");
    assert_only(
        &text,
        "mini.toml:45:28",
        "level points 3.5 is above the max 3",
        "điểm mức đánh giá 3.5 vượt điểm tối đa 3",
    );
}

#[test]
fn duplicate_level_name_is_reported() {
    let text = with("\"Chưa đạt\"", "\"Tốt\"");
    assert_only(
        &text,
        "mini.toml:47:12",
        "duplicate level name 'Tốt'",
        "mức đánh giá 'Tốt' bị trùng",
    );
}

#[test]
fn values_with_more_decimals_than_allowed_are_reported() {
    let text = with("at_least = 90,", "at_least = 90.125,");
    assert_only(
        &text,
        "mini.toml:60:16",
        "'at_least' = 90.125 has more than the 2 decimal places allowed",
        "'at_least' = 90.125 có quá 2 chữ số thập phân cho phép",
    );
    let quoted = with("at_least = 90,", "at_least = \"89.999\",");
    assert_only(
        &quoted,
        "mini.toml:60:16",
        "'at_least' = 89.999 has more",
        "89.999 có quá 2",
    );
    let none_allowed = with("decimals = 2", "decimals = 0");
    assert_only(
        &none_allowed,
        "mini.toml:46:28",
        "'points' = 1.5 has more than the 0 decimal places allowed",
        "'points' = 1.5 có quá 0 chữ số thập phân",
    );
}

#[test]
fn trailing_zeros_are_not_extra_decimals() {
    let text = with_all(&[
        ("decimals = 2", "decimals = 1"),
        ("at_least = 90,", "at_least = 90.500,"),
    ]);
    assert!(load("mini.toml", text.as_bytes()).is_ok());
}

#[test]
fn digits_beyond_decimal_precision_are_still_counted() {
    let text = with(
        "at_least = 90,",
        "at_least = \"90.00000000000000000000000000000001\",",
    );
    assert_only(
        &text,
        "mini.toml:60:16",
        "decimal places allowed",
        "chữ số thập phân",
    );
}

#[test]
fn decimals_above_six_is_refused() {
    let text = with("decimals = 2", "decimals = 9");
    assert_only(
        &text,
        "mini.toml:10:12",
        "'decimals' = '9' is not allowed; use one of: 0, 1, 2, 3, 4, 5, 6",
        "'decimals' = '9' không hợp lệ; chỉ nhận: 0, 1, 2, 3, 4, 5, 6",
    );
}

#[test]
fn absurdly_large_values_are_refused_instead_of_overflowing() {
    let huge = "79228162514264337593543950335";
    let text = with_all(&[
        ("max = 2\nevidence", &format!("max = {huge}\nevidence")),
        (
            "max = 3\nevidence = \"Báo",
            &format!("max = {huge}\nevidence = \"Báo"),
        ),
    ]);
    let found = problems(&text);
    assert_eq!(places(&found), [(33, 7), (40, 7)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:33:7",
        &format!("'max' = {huge} is too large (at most 1000000)"),
        &format!("'max' = {huge} quá lớn (tối đa 1000000)"),
    );
}

#[test]
fn exponents_and_special_floats_are_refused() {
    for (written, col) in [
        ("3e0", 7),
        ("nan", 7),
        ("inf", 7),
        ("\"1,5\"", 7),
        ("0x3", 7),
    ] {
        let text = with(
            "max = 3\nevidence = \"Thống",
            &format!("max = {written}\nevidence = \"Thống"),
        );
        let found = problems(&text);
        assert!(
            found.iter().any(|p| (p.line, p.column) == (53, col)),
            "{written}: {}",
            dump(&found)
        );
    }
}

#[test]
fn bands_with_duplicate_min_overlap() {
    let text = with("min = 50", "min = 0");
    assert_only(
        &text,
        "mini.toml:18:7",
        "bands must be listed by strictly decreasing 'min' (no overlap)",
        "các xếp loại (band) phải theo 'min' giảm dần, không trùng",
    );
}

#[test]
fn bands_out_of_order_overlap_and_leave_0_uncovered() {
    let text = with("min = 0\n", "min = 60\n");
    let found = problems(&text);
    assert_eq!(places(&found), [(18, 7), (18, 7)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:18:7",
        "strictly decreasing 'min'",
        "giảm dần",
    );
    assert!(
        found
            .iter()
            .any(|p| p.message(Lang::En).contains("must start at 0"))
    );
}

#[test]
fn lowest_band_not_from_zero_is_reported_at_its_min() {
    let text = with("min = 0\n", "min = 10\n");
    assert_only(
        &text,
        "mini.toml:18:7",
        "the lowest band must start at 0 (min = 0)",
        "xếp loại thấp nhất phải bắt đầu từ 0 (min = 0)",
    );
}

#[test]
fn band_above_100_is_reported() {
    let text = with("min = 50", "min = 100.5");
    assert_only(
        &text,
        "mini.toml:14:7",
        "a band starting at 100.5% is above 100%",
        "xếp loại bắt đầu từ 100.5% vượt quá 100%",
    );
}

#[test]
fn survey_weights_must_be_percentages() {
    let weights = "decimals = 2\nsurvey_weights = { A = 100, B = 120, C = -20, D = 0 }";
    let text = with("decimals = 2", weights);
    let found = problems(&text);
    assert_eq!(places(&found), [(11, 33), (11, 42)], "{}", dump(&found));
    assert_reported(
        &found,
        "mini.toml:11:33",
        "percentage 120% is above 100%",
        "tỷ lệ 120% vượt quá 100%",
    );
    assert_reported(
        &found,
        "mini.toml:11:42",
        "'C' = -20 must not be negative",
        "'C' = -20 không được âm",
    );
    let ok = with(
        "decimals = 2",
        "decimals = 2\nsurvey_weights = { A = 100, B = 50 }",
    );
    let f = load("mini.toml", ok.as_bytes()).unwrap_or_else(|p| panic!("{p}"));
    let expected = ["100", "50", "20", "0"].map(d);
    assert_eq!(
        f.survey_weights.0, expected,
        "unnamed answers keep their default"
    );
}

#[test]
fn self_sub_without_evidence_is_reported_at_its_table() {
    let en = "a self-assessed sub-criterion must name its evidence ('evidence')";
    let vi = "tiêu chí tự đánh giá phải nêu tài liệu kiểm chứng ('evidence')";
    let missing = with("evidence = \"Kế hoạch CCHC năm\"\n", "");
    assert_only(&missing, "mini.toml:30:1", en, vi);
    let blank = with("evidence = \"Kế hoạch CCHC năm\"", "evidence = \"  \"");
    assert_only(&blank, "mini.toml:30:1", en, vi);
}

#[test]
fn non_utf8_bytes_are_reported_where_they_start() {
    let mut bytes = with("name = \"Lĩnh vực một\"", "name = \"Lĩnh v\u{1}\"").into_bytes();
    let at = bytes.iter().position(|&b| b == 1).unwrap();
    bytes[at] = 0xFF;
    let found = load("mini.toml", &bytes).unwrap_err().0;
    assert_eq!(found.len(), 1);
    assert_reported(
        &found,
        "mini.toml:22:15",
        "not UTF-8 text",
        "không phải văn bản UTF-8",
    );
    let latin1 = b"[framework]\nname = \"Qu\xe1ng\"\n";
    let found = load("old.toml", latin1).unwrap_err().0;
    assert_eq!(places(&found), [(2, 11)]);
}

#[test]
fn several_problems_are_all_reported_sorted_by_position() {
    let text = with_all(&[
        ("total_points = 10", "total_points = 11"),
        ("min = 50", "min = 150"),
        ("code = \"1.1.2\"", "code = \"1.1.1\""),
        ("evidence = \"Thống kê hồ sơ\"\n", ""),
        ("at_least = 90,", "at_least = 100,"),
        (
            "rule = { kind = \"survey\" }",
            "rule = { kind = \"survey\", colour = 1 }",
        ),
    ]);
    let found = problems(&text);
    let expected = [
        (7, 16),  // areas sum to 10, not 11 (found last, after the tree)
        (8, 15),  // self + survey is not 11
        (14, 7),  // band above 100
        (38, 8),  // duplicate code
        (50, 1),  // 1.1.3 without evidence
        (59, 16), // tiers out of order
        (77, 27), // unknown field in a rule
    ];
    assert_eq!(places(&found), expected, "{}", dump(&found));
    let text_en = parindex::framework::Problems(found.clone()).message(Lang::En);
    assert_eq!(text_en.lines().count(), expected.len());
    assert!(text_en.lines().all(|l| l.starts_with("mini.toml:")));
}

#[test]
fn wrong_types_and_choices_are_reported() {
    let text = with_all(&[
        ("level = \"so\"", "level = \"tinh\""),
        ("decision = \"QĐ 1\"", "decision = 1"),
        (
            "rule = { kind = \"binary\" }",
            "rule = { kind = \"bonus\" }",
        ),
        ("measure = \"percent\"", "measure = \"ratio\""),
        (
            "source = \"survey\"",
            "source = \"survey\"\nna_allowed = \"yes\"",
        ),
    ]);
    let found = problems(&text);
    assert_eq!(
        places(&found),
        [(4, 9), (5, 12), (35, 17), (57, 11), (78, 14)],
        "{}",
        dump(&found)
    );
    assert_reported(
        &found,
        "mini.toml:4:9",
        "'level' = 'tinh' is not allowed; use one of: so, huyen, xa",
        "'level' = 'tinh' không hợp lệ; chỉ nhận: so, huyen, xa",
    );
    assert_reported(
        &found,
        "mini.toml:5:12",
        "'decision' must be a string",
        "'decision' phải là một chuỗi văn bản",
    );
    assert_reported(
        &found,
        "mini.toml:35:17",
        "'kind' = 'bonus' is not allowed",
        "'kind' = 'bonus' không hợp lệ",
    );
    assert_reported(
        &found,
        "mini.toml:57:11",
        "'measure' = 'ratio'",
        "'measure' = 'ratio'",
    );
    assert_reported(
        &found,
        "mini.toml:78:14",
        "'na_allowed' must be true or false",
        "'na_allowed' phải là true hoặc false",
    );
}

#[test]
fn empty_file_lacks_framework_and_areas() {
    let found = load("empty.toml", b"").unwrap_err().0;
    assert_eq!(places(&found), [(1, 1), (1, 1)], "{}", dump(&found));
    assert_reported(
        &found,
        "empty.toml:1:1",
        "missing required field 'framework'",
        "thiếu trường bắt buộc 'framework'",
    );
    assert!(
        found
            .iter()
            .any(|p| p.message(Lang::En).ends_with("has no areas"))
    );
}

// ---------------------------------------------------------------------------------------------
// Whatever it is given, the loader returns a framework or positioned problems, never a panic
// ---------------------------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::Index;

    /// Loads `bytes` and checks that every problem names the file and a real place in it.
    fn assert_positioned(bytes: &[u8]) {
        let Err(problems) = load("fuzz.toml", bytes) else {
            return;
        };
        assert!(!problems.0.is_empty(), "an error without problems");
        let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').collect();
        let text = std::str::from_utf8(bytes).ok();
        for p in &problems.0 {
            assert!(p.line >= 1 && p.column >= 1, "{p:?}");
            assert!(
                p.line <= lines.len(),
                "line {} of {}: {p:?}",
                p.line,
                lines.len()
            );
            if let Some(text) = text {
                let line = text.split('\n').nth(p.line - 1).unwrap_or("");
                let width = line.chars().count();
                assert!(
                    p.column <= width + 1,
                    "column {} of {width}: {p:?}",
                    p.column
                );
            }
            assert!(p.message(Lang::En).starts_with("fuzz.toml:"));
            assert!(p.message(Lang::Vi).starts_with("fuzz.toml:"));
        }
        let places: Vec<(usize, usize)> = problems.0.iter().map(|p| (p.line, p.column)).collect();
        assert!(places.is_sorted(), "{places:?}");
    }

    /// A framework text to mutate: the three bundled ones and the small one above.
    fn source(which: usize) -> &'static [u8] {
        match BUNDLED.get(which) {
            Some((_, text)) => text.as_bytes(),
            None => BASE.as_bytes(),
        }
    }

    #[derive(Debug, Clone)]
    enum Mutation {
        Delete(Index, usize),
        Insert(Index, Vec<u8>),
        Replace(Index, usize, Vec<u8>),
        SwapLines(Index, Index),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let bytes = || {
            prop_oneof![
                prop::collection::vec(any::<u8>(), 0..12),
                "[\\[\\]{}=.,\"'#a-z0-9 \n-]{0,12}".prop_map(String::into_bytes),
            ]
        };
        prop_oneof![
            (any::<Index>(), 0..200usize).prop_map(|(at, len)| Mutation::Delete(at, len)),
            (any::<Index>(), bytes()).prop_map(|(at, b)| Mutation::Insert(at, b)),
            (any::<Index>(), 0..40usize, bytes())
                .prop_map(|(at, len, b)| Mutation::Replace(at, len, b)),
            (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        ]
    }

    fn apply(text: &[u8], m: &Mutation) -> Vec<u8> {
        let splice = |at: &Index, len: usize, with: &[u8]| {
            let start = at.index(text.len() + 1);
            let end = (start + len).min(text.len());
            [&text[..start], with, &text[end..]].concat()
        };
        match m {
            Mutation::Delete(at, len) => splice(at, *len, &[]),
            Mutation::Insert(at, with) => splice(at, 0, with),
            Mutation::Replace(at, len, with) => splice(at, *len, with),
            Mutation::SwapLines(a, b) => {
                let mut lines: Vec<&[u8]> = text.split(|&b| b == b'\n').collect();
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
                lines.join(&b'\n')
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
            assert_positioned(&bytes);
        }

        #[test]
        fn random_text_never_panics(text in ".{0,600}") {
            assert_positioned(text.as_bytes());
        }

        #[test]
        fn toml_like_text_never_panics(text in "([\\[\\]{}=.,\"#a-z0-9_ \n-]|area|criterion|sub|max|code|\\[\\[area\\]\\]){0,200}") {
            assert_positioned(text.as_bytes());
        }

        #[test]
        fn mutated_frameworks_never_panic(
            which in 0..=BUNDLED.len(),
            mutations in prop::collection::vec(mutation(), 1..4),
        ) {
            let mut text = source(which).to_vec();
            for m in &mutations {
                text = apply(&text, m);
            }
            assert_positioned(&text);
        }

        #[test]
        fn any_number_text_in_a_value_never_panics(
            number in "[-+0-9._eE]{0,40}|[0-9]{20,40}|7922816251426433759354395033[0-9]",
            quoted in any::<bool>(),
            which in 0..6usize,
        ) {
            let written = if quoted { format!("\"{number}\"") } else { number };
            let targets = ["max = 2", "max = 3", "min = 50", "at_least = 90", "points = 1.5", "total_points = 10"];
            let target = targets[which];
            let value = target.split(" = ").next().unwrap_or("max");
            let text = BASE.replacen(target, &format!("{value} = {written}"), 1);
            assert_positioned(text.as_bytes());
        }
    }
}
