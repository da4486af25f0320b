//! The "cách tính điểm" of a sub-criterion in words, generated from its rule so that what the
//! officer reads is always what the engine computes.

use crate::i18n::{Lang, number};

use super::{Measure, Rule, SubCriterion};

pub fn describe_rule(sub: &SubCriterion, lang: Lang) -> String {
    let n = |d| number(d, lang);
    let max = n(sub.max);
    let vi = lang == Lang::Vi;
    match &sub.rule {
        Rule::Manual if vi => format!("Chấm điểm trực tiếp, từ 0 đến {max} điểm"),
        Rule::Manual => format!("Points entered directly, from 0 to {max}"),
        Rule::Binary if vi => format!("Có: {max} điểm; không: 0 điểm"),
        Rule::Binary => format!("Yes: {max} points; no: 0 points"),
        Rule::Tiers { measure, tiers } => {
            let unit = if *measure == Measure::Percent {
                "%"
            } else {
                ""
            };
            let parts: Vec<String> = tiers
                .iter()
                .map(|t| {
                    if vi {
                        format!("từ {}{unit} trở lên: {}", n(t.at_least), n(t.points))
                    } else {
                        format!("{}{unit} or more: {}", n(t.at_least), n(t.points))
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
        Rule::Proportional if vi => {
            format!("Điểm = tỷ lệ % × {max}")
        }
        Rule::Proportional => format!("Points = percentage × {max}"),
        Rule::Levels { grades } => grades
            .iter()
            .map(|g| format!("{}: {}", g.name, n(g.points)))
            .collect::<Vec<_>>()
            .join("; "),
        Rule::PerItem { each } if vi => format!("Mỗi mục: {} điểm, tối đa {max} điểm", n(*each)),
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
