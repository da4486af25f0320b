//! The loader on the rule kinds real frameworks use (ratio, proportional tier bands, deductions
//! by kind of fault, `requires`): the fixture loads, and each mistake is reported once, at the
//! `file:line:column` where it is written, in both languages.

use parindex::framework::{Rule, load};
use parindex::i18n::{Lang, Localized};

const FILE: &str = "rule-kinds-framework.toml";
const BASE: &str = include_str!("../fixtures/rule-kinds-framework.toml");

/// BASE with one single-occurrence replacement, and the place (`file:line:column`) where the
/// replacement's `at` part starts.
fn mutated(from: &str, to: &str, at: &str) -> (String, String) {
    assert_eq!(BASE.matches(from).count(), 1, "'{from}' must occur once");
    let text = BASE.replacen(from, to, 1);
    let offset = BASE.find(from).expect("found") + to.find(at).expect("at is in to");
    (text.clone(), place(&text, offset))
}

/// `file:line:column` of a byte offset, the column counted in characters.
fn place(text: &str, offset: usize) -> String {
    let line = text[..offset].matches('\n').count() + 1;
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let column = text[start..offset].chars().count() + 1;
    format!("{FILE}:{line}:{column}")
}

/// Exactly one problem, at `place`, saying `en` and `vi`.
fn assert_only(text: &str, place: &str, en: &str, vi: &str) {
    let problems = match load(FILE, text.as_bytes()) {
        Ok(_) => panic!("the mutated framework loaded"),
        Err(p) => p.0,
    };
    let all: Vec<String> = problems.iter().map(|p| p.message(Lang::En)).collect();
    assert_eq!(problems.len(), 1, "{}", all.join("\n"));
    let (msg_en, msg_vi) = (problems[0].message(Lang::En), problems[0].message(Lang::Vi));
    assert!(msg_en.starts_with(place), "{msg_en} is not at {place}");
    assert!(msg_en.contains(en), "English: {msg_en}\n  lacks: {en}");
    assert!(msg_vi.contains(vi), "Vietnamese: {msg_vi}\n  lacks: {vi}");
}

#[test]
fn rule_kinds_fixture_loads_with_each_new_kind() {
    let f = load(FILE, BASE.as_bytes()).expect("loads");
    let kind = |code: &str| f.sub(code).expect(code).rule.clone();
    assert!(
        matches!(kind("1.1.1"), Rule::Ratio { ref tiers, ref of } if tiers.is_empty() && of.is_some())
    );
    assert!(matches!(kind("1.1.2"), Rule::Ratio { ref tiers, .. } if tiers[1].proportional));
    assert!(matches!(kind("1.1.3"), Rule::Tiers { ref tiers, .. } if tiers[1].proportional));
    assert!(matches!(kind("1.1.4"), Rule::Faults { ref faults } if faults.len() == 2));
    assert_eq!(
        f.sub("1.1.6").expect("1.1.6").requires.as_deref(),
        Some("1.1.5")
    );
}

#[test]
fn proportional_tier_with_points_is_reported_at_its_points() {
    let (text, place) = mutated(
        "{ at_least = 80, proportional = true },\n]\n\n[[area.criterion.sub]]\ncode = \"1.1.4\"",
        "{ at_least = 80, proportional = true, points = 0.5 },\n]\n\n[[area.criterion.sub]]\ncode = \"1.1.4\"",
        "0.5 }",
    );
    assert_only(&text, &place, "takes no 'points'", "không có 'points'");
}

#[test]
fn proportional_tier_on_a_count_is_reported() {
    let (text, _) = mutated("measure = \"percent\"", "measure = \"count\"", "count");
    // Reported at the band's `proportional` flag, not at the measure.
    let measure = text.find("measure = \"count\"").expect("measure");
    let flag = measure + text[measure..].find("true").expect("flag");
    let place = place(&text, flag);
    assert_only(
        &text,
        &place,
        "needs a percentage, not a count",
        "chỉ dùng với tỷ lệ %",
    );
}

const TIERS_1_1_3: &str = "measure = \"percent\"\ndeclared = \"Tỷ lệ % kiến nghị được xử lý\"\n";

#[test]
fn exceedable_percent_tiers_load_and_other_tiers_are_not() {
    let f = load(FILE, BASE.as_bytes()).expect("loads");
    let exceedable = |f: &parindex::framework::Framework| matches!(f.sub("1.1.3").expect("1.1.3").rule, Rule::Tiers { exceedable, .. } if exceedable);
    assert!(!exceedable(&f), "no key, no figure over 100 %");
    let (text, _) = mutated(
        TIERS_1_1_3,
        &format!("{TIERS_1_1_3}exceedable = true\n"),
        "exceedable",
    );
    assert!(exceedable(&load(FILE, text.as_bytes()).expect("loads")));
}

#[test]
fn exceedable_on_a_count_or_not_a_boolean_is_reported_at_its_value() {
    let count = "measure = \"count\"\ndeclared = \"Số kiến nghị\"\nexceedable = true\ntiers = [\n  { at_least = 95, points = 1 },\n  { at_least = 80, points = 0.5 },\n]";
    let from = format!(
        "{TIERS_1_1_3}tiers = [\n  {{ at_least = 95, points = 1 }},\n  {{ at_least = 80, proportional = true }},\n]"
    );
    let (text, place) = mutated(&from, count, "true\ntiers");
    assert_only(
        &text,
        &place,
        "'exceedable' needs a percentage",
        "'exceedable' chỉ dùng với tỷ lệ %",
    );
    let (text, place) = mutated(
        TIERS_1_1_3,
        &format!("{TIERS_1_1_3}exceedable = \"có\"\n"),
        "\"có\"",
    );
    assert_only(&text, &place, "true or false", "exceedable");
}

#[test]
fn proportional_band_above_the_tier_over_it_is_reported() {
    // 95 % → 0,5 while the band below gives up to 95 % × 1 = 0,95.
    let (text, place) = mutated(
        "{ at_least = 95, points = 1 },\n  { at_least = 80, proportional = true },\n]\n\n[[area.criterion.sub]]\ncode = \"1.1.4\"",
        "{ at_least = 95, points = 0.5 },\n  { at_least = 80, proportional = true },\n]\n\n[[area.criterion.sub]]\ncode = \"1.1.4\"",
        "true },\n]",
    );
    assert_only(
        &text,
        &place,
        "may not give more points",
        "không được cao hơn",
    );
}

#[test]
fn deduction_with_both_penalty_and_faults_is_reported_at_penalty() {
    let (text, place) = mutated(
        "kind = \"deduction\"\n",
        "kind = \"deduction\"\npenalty = 0.25\n",
        "0.25",
    );
    assert_only(
        &text,
        &place,
        "either 'penalty' or 'faults'",
        "không dùng cả hai",
    );
}

#[test]
fn duplicate_or_badly_written_fault_codes_are_reported_at_the_code() {
    let (text, place) = mutated("code = \"thieu\"", "code = \"cham\"", "\"cham\"");
    assert_only(
        &text,
        &place,
        "duplicate fault code 'cham'",
        "mã lỗi 'cham' bị trùng",
    );
    let (text, place) = mutated("code = \"thieu\"", "code = \"Thiếu\"", "\"Thiếu\"");
    assert_only(
        &text,
        &place,
        "may only contain a-z",
        "chỉ được gồm chữ thường",
    );
}

#[test]
fn fault_penalty_above_the_max_is_reported() {
    let (text, place) = mutated("penalty = 0.5 }", "penalty = 2 }", "2 }");
    assert_only(
        &text,
        &place,
        "penalty 2 is above the max 1.5",
        "vượt điểm tối đa",
    );
}

#[test]
fn ratio_with_unknown_field_is_reported() {
    let (text, place) = mutated(
        "of = \"Tổng số hồ sơ đã giải quyết\"",
        "of = \"Tổng số hồ sơ đã giải quyết\"\nmeasure = \"percent\"",
        "measure",
    );
    assert_only(
        &text,
        &place,
        "unknown field 'measure'",
        "trường không hợp lệ",
    );
}

#[test]
fn requires_of_an_unknown_or_chained_sub_is_reported_at_requires() {
    let (text, place) = mutated("requires = \"1.1.5\"", "requires = \"9.9.9\"", "\"9.9.9\"");
    assert_only(
        &text,
        &place,
        "no sub-criterion has this code",
        "không có tiêu chí",
    );
    let (text, place) = mutated("requires = \"1.1.5\"", "requires = \"1.1.6\"", "\"1.1.6\"");
    assert_only(
        &text,
        &place,
        "must name another sub-criterion",
        "phải là một tiêu chí",
    );
}

#[test]
fn bonus_and_penalty_items_load_on_the_index_an_area_and_a_criterion() {
    let f = load(FILE, BASE.as_bytes()).expect("loads");
    let items: Vec<(&str, &str, Option<&str>)> = f
        .adjustments()
        .map(|a| (a.code.as_str(), a.kind.code(), a.node.as_deref()))
        .collect();
    assert_eq!(
        items,
        vec![
            ("T1", "bonus", None),
            ("T2", "bonus", None),
            ("D1", "penalty", None),
            ("1.D", "penalty", Some("1")),
            ("1.1.D", "penalty", Some("1.1")),
        ]
    );
}

#[test]
fn item_code_taken_or_reserved_is_reported_at_the_code() {
    let (text, place) = mutated("code = \"T2\"", "code = \"1.1.5\"", "\"1.1.5\"");
    assert_only(&text, &place, "duplicate code '1.1.5'", "bị trùng");
    let (text, place) = mutated("code = \"D1\"", "code = \"bonus\"", "\"bonus\"");
    assert_only(&text, &place, "may not be bonus", "không được là bonus");
    let (text, place) = mutated("code = \"D1\"", "code = \"library\"", "\"library\"");
    assert_only(
        &text,
        &place,
        "library, year, officer",
        "không được là bonus",
    );
}

#[test]
fn item_without_a_positive_cap_is_reported() {
    let (text, place) = mutated("cap = 0.5\n", "cap = 0\n", "0\n");
    assert_only(&text, &place, "must be greater than 0", "phải lớn hơn 0");
}
