//! Test frameworks: a small one with every rule kind, and the bundled Quảng Bình commune one.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::framework::{Framework, load};
use crate::scoring::{Inputs, StageScore, SubInput};

/// 10 points: 8 self-assessed, 2 survey; bonus cap 1, penalty cap 2; bands 90/80/70/50/0.
///
/// ```text
/// 1 (5)   1.1 (3.5)  1.1.1 binary 1 · 1.1.2 tiers % 1 · 1.1.3 proportional 1.5 (N/A allowed)
///         1.2 (1.5)  1.2.1 levels 1 · 1.2.2 manual 0.5 (N/A allowed)
/// 2 (5)   2.1 (3)    2.1.1 per_item 1 · 2.1.2 deduction 1 · 2.1.3 tiers count 1
///         2.2 (2)    2.2.1 survey 1.5 · 2.2.2 survey 0.5 (N/A allowed)
/// ```
pub const SMALL: &str = r#"
[framework]
id = "t"
name = "Khung thử nghiệm"
level = "xa"
decision = "thử nghiệm"
version = "1"
total_points = 10
self_points = 8
survey_points = 2
decimals = 2
missing_evidence = "warn"
not_applicable = "shrink_max"
bonus_cap = 1
penalty_cap = 2

[[framework.band]]
name = "Xuất sắc"
name_en = "Excellent"
min = 90
[[framework.band]]
name = "Tốt"
min = 80
[[framework.band]]
name = "Khá"
min = 70
[[framework.band]]
name = "Trung bình"
min = 50
[[framework.band]]
name = "Yếu"
min = 0

[[area]]
code = "1"
name = "Chỉ đạo, điều hành"
max = 5

[[area.criterion]]
code = "1.1"
name = "Kế hoạch"
max = 3.5

[[area.criterion.sub]]
code = "1.1.1"
name = "Ban hành kế hoạch"
max = 1
evidence = "Kế hoạch"
rule = { kind = "binary" }

[[area.criterion.sub]]
code = "1.1.2"
name = "Tỷ lệ hồ sơ đúng hạn"
max = 1
evidence = "Báo cáo"
rule = { kind = "tiers", measure = "percent", tiers = [{ at_least = 100, points = 1 }, { at_least = 90, points = 0.5 }] }

[[area.criterion.sub]]
code = "1.1.3"
name = "Tỷ lệ nhiệm vụ hoàn thành"
max = 1.5
na_allowed = true
evidence = "Báo cáo"
rule = { kind = "proportional" }

[[area.criterion]]
code = "1.2"
name = "Kiểm tra"
max = 1.5

[[area.criterion.sub]]
code = "1.2.1"
name = "Thực hiện kiểm tra"
max = 1
evidence = "Kế hoạch kiểm tra"
rule = { kind = "levels", levels = [{ name = "Thực hiện tốt", points = 1 }, { name = "Thực hiện đầy đủ", points = 0.5 }, { name = "Không thực hiện", points = 0 }] }

[[area.criterion.sub]]
code = "1.2.2"
name = "Sáng kiến"
max = 0.5
na_allowed = true
evidence = "Quyết định công nhận"
rule = { kind = "manual" }

[[area]]
code = "2"
name = "Thủ tục hành chính"
max = 5

[[area.criterion]]
code = "2.1"
name = "Thực hiện"
max = 3

[[area.criterion.sub]]
code = "2.1.1"
name = "Quy chế ban hành"
max = 1
evidence = "Quy chế"
rule = { kind = "per_item", each = 0.5 }

[[area.criterion.sub]]
code = "2.1.2"
name = "Báo cáo đúng hạn"
max = 1
evidence = "Báo cáo"
rule = { kind = "deduction", penalty = 0.25 }

[[area.criterion.sub]]
code = "2.1.3"
name = "Số cuộc đối thoại"
max = 1
evidence = "Biên bản"
rule = { kind = "tiers", measure = "count", tiers = [{ at_least = 5, points = 1 }, { at_least = 3, points = 0.5 }] }

[[area.criterion]]
code = "2.2"
name = "Sự hài lòng"
max = 2

[[area.criterion.sub]]
code = "2.2.1"
name = "Hài lòng của người dân"
max = 1.5
source = "survey"
rule = { kind = "survey" }

[[area.criterion.sub]]
code = "2.2.2"
name = "Hài lòng của doanh nghiệp"
max = 0.5
source = "survey"
na_allowed = true
rule = { kind = "survey" }
"#;

/// The Quảng Bình commune-level framework (69 sub-criteria).
pub const QUANG_BINH_XA: &str = include_str!("../../frameworks/quang-binh-2021-xa.toml");

pub fn small() -> Framework {
    match load("t.toml", SMALL.as_bytes()) {
        Ok(f) => f,
        Err(problems) => panic!("test framework does not load:\n{problems}"),
    }
}

pub fn quang_binh_xa() -> Framework {
    match load("quang-binh-2021-xa.toml", QUANG_BINH_XA.as_bytes()) {
        Ok(f) => f,
        Err(problems) => panic!("bundled framework does not load:\n{problems}"),
    }
}

/// The framework of the rule kinds tests (ratio, proportional band, typed deduction,
/// `requires`), shared with the command-line tests.
pub const RULE_KINDS: &str = include_str!("../../tests/fixtures/rule-kinds-framework.toml");

pub fn rule_kinds() -> Framework {
    match load("rule-kinds-framework.toml", RULE_KINDS.as_bytes()) {
        Ok(f) => f,
        Err(problems) => panic!("rule kinds framework does not load:\n{problems}"),
    }
}

pub fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|_| panic!("not a decimal: {s}"))
}

/// Stage figures as given, with one piece of evidence: self, round 1, round 2.
pub fn scored(own: &str, round1: Option<&str>, round2: Option<&str>) -> SubInput {
    SubInput {
        self_score: Some(StageScore::points(dec(own))),
        appraisal1: round1.map(|p| StageScore::points(dec(p))),
        appraisal2: round2.map(|p| StageScore::points(dec(p))),
        evidence_count: 1,
        ..SubInput::default()
    }
}

/// A self score alone, with one piece of evidence.
pub fn own(points: &str) -> SubInput {
    scored(points, None, None)
}

/// The inputs of an assessment that gave these sub-criteria (or items) these figures.
pub fn inputs(pairs: &[(&str, SubInput)]) -> Inputs {
    Inputs {
        subs: pairs
            .iter()
            .map(|(c, i)| (c.to_string(), i.clone()))
            .collect(),
        ..Inputs::default()
    }
}
