//! The "cách tính điểm" of a sub-criterion in words, generated from its rule so that what the
//! officer reads is always what the engine computes.

use rust_decimal::Decimal;

use crate::framework::{Measure, Rule, SubCriterion, Tier};
use crate::i18n::{Lang, number};

impl SubCriterion {
    /// Its "cách tính điểm" in words.
    pub fn describe_rule(&self, lang: Lang) -> String {
        self.rule.describe(self.max, lang)
    }
}

impl Rule {
    /// How points follow from what the unit declares, for a sub-criterion worth `max`.
    pub fn describe(&self, max: Decimal, lang: Lang) -> String {
        let top = max;
        let n = |d| number(d, lang);
        let max = n(max);
        let vi = lang == Lang::Vi;
        match self {
            Rule::Manual if vi => format!("Chấm điểm trực tiếp, từ 0 đến {max} điểm"),
            Rule::Manual => format!("Points entered directly, from 0 to {max}"),
            Rule::Binary if vi => format!("Có: {max} điểm; không: 0 điểm"),
            Rule::Binary => format!("Yes: {max} points; no: 0 points"),
            Rule::Tiers {
                measure,
                tiers,
                exceedable,
            } => {
                let unit = if *measure == Measure::Percent {
                    "%"
                } else {
                    ""
                };
                let text = tier_text(top, tiers, unit, lang);
                match (exceedable, vi) {
                    (false, _) => text,
                    (true, true) => format!("{text} (tỷ lệ so với chỉ tiêu, có thể vượt 100%)"),
                    (true, false) => format!("{text} (against a target, may exceed 100%)"),
                }
            }
            Rule::Ratio { tiers, .. } if tiers.is_empty() && vi => {
                format!("Tỷ lệ = số đạt / tổng số; điểm = tỷ lệ × {max}")
            }
            Rule::Ratio { tiers, .. } if tiers.is_empty() => {
                format!("Share = met / total; points = share × {max}")
            }
            Rule::Ratio { tiers, .. } if vi => {
                format!(
                    "Tỷ lệ = số đạt / tổng số; {}",
                    tier_text(top, tiers, "%", lang)
                )
            }
            Rule::Ratio { tiers, .. } => {
                format!("Share = met / total; {}", tier_text(top, tiers, "%", lang))
            }
            Rule::Faults { faults } => {
                let parts: Vec<String> = faults
                    .iter()
                    .map(|f| {
                        if vi {
                            format!("{} ({}): trừ {}", f.name, f.code, n(f.penalty))
                        } else {
                            format!("{} ({}): minus {}", f.name, f.code, n(f.penalty))
                        }
                    })
                    .collect();
                if vi {
                    format!("Tối đa {max} điểm; {}; thấp nhất 0", parts.join("; "))
                } else {
                    format!("{max} points; {}; never below 0", parts.join("; "))
                }
            }
            Rule::Proportional if vi => {
                format!("Điểm = tỷ lệ % × {max}")
            }
            Rule::Proportional => format!("Points = percentage × {max}"),
            Rule::Levels { grades } => grades
                .iter()
                .map(|g| format!("{}: {}", g.name, n(g.points)))
                .collect::<Vec<_>>()
                .join("; "),
            Rule::PerItem { each } if vi => {
                format!("Mỗi mục: {} điểm, tối đa {max} điểm", n(*each))
            }
            Rule::PerItem { each } => format!("{} points per item, at most {max}", n(*each)),
            Rule::Deduction { penalty } if vi => {
                format!(
                    "Tối đa {max} điểm; mỗi trường hợp trừ {} điểm, thấp nhất 0",
                    n(*penalty)
                )
            }
            Rule::Deduction { penalty } => {
                format!(
                    "{max} points, minus {} per case, never below 0",
                    n(*penalty)
                )
            }
            Rule::Survey if vi => {
                format!("Điểm điều tra xã hội học (tối đa {max}); đơn vị không tự chấm")
            }
            Rule::Survey => format!("Sociological survey points (max {max}); not self-scored"),
        }
    }
}

/// "từ 95% trở lên: 1; từ 80% đến dưới 95%: tỷ lệ % × 1; dưới 80%: 0".
fn tier_text(max: Decimal, tiers: &[Tier], unit: &str, lang: Lang) -> String {
    let n = |d| number(d, lang);
    let vi = lang == Lang::Vi;
    let parts: Vec<String> = tiers
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let from = n(t.at_least);
            match (
                t.proportional,
                i.checked_sub(1).map(|j| n(tiers[j].at_least)),
            ) {
                (true, Some(to)) if vi => {
                    format!("từ {from}{unit} đến dưới {to}{unit}: tỷ lệ % × {}", n(max))
                }
                (true, Some(to)) => {
                    format!("{from}{unit} to below {to}{unit}: percentage × {}", n(max))
                }
                (true, None) if vi => format!("từ {from}{unit} trở lên: tỷ lệ % × {}", n(max)),
                (true, None) => format!("{from}{unit} or more: percentage × {}", n(max)),
                (false, _) if vi => format!("từ {from}{unit} trở lên: {}", n(t.points)),
                (false, _) => format!("{from}{unit} or more: {}", n(t.points)),
            }
        })
        .collect();
    let below = tiers.last().map(|t| n(t.at_least)).unwrap_or_default();
    if vi {
        format!("{}; dưới {below}{unit}: 0", parts.join("; "))
    } else {
        format!("{}; below {below}{unit}: 0", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exceedable_tiers_say_the_figure_may_pass_100_percent() {
        let f = crate::framework::bundled_by_id("quang-binh-2021-huyen").expect("bundled");
        let poverty = f.sub("8.1.3").expect("8.1.3").describe_rule(Lang::Vi);
        assert!(
            poverty.starts_with("từ 100% trở lên: 1,5;") && poverty.contains("có thể vượt 100%"),
            "{poverty}"
        );
        let share = f.sub("8.1.4").expect("8.1.4").describe_rule(Lang::En);
        assert!(!share.contains("exceed"), "{share}");
    }
}
