//! A unit's years and lineage as rules: whether an assessment of a year may be started for it,
//! and which earlier results stand for its past (itself, or the units it was formed from).

use rust_decimal::Decimal;

use super::Unit;

/// Why an assessment of a unit cannot be started for a year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearRefusal {
    /// The unit was formed later.
    NotYet {
        unit: String,
        name: String,
        year: i32,
        first_year: i32,
    },
    /// The unit ceased to exist; `successors` (code, name) took over from it.
    Ended {
        unit: String,
        name: String,
        year: i32,
        last_year: i32,
        successors: Vec<(String, String)>,
    },
}

/// Refuses a year outside the unit's life span, naming the units that succeeded it.
/// `successors` are the units that list it among their predecessors.
pub fn check_assessment_year(
    unit: &Unit,
    year: i32,
    successors: &[Unit],
) -> Result<(), YearRefusal> {
    if let Some(first_year) = unit.first_year.filter(|f| year < *f) {
        return Err(YearRefusal::NotYet {
            unit: unit.code.clone(),
            name: unit.name.clone(),
            year,
            first_year,
        });
    }
    let Some(last_year) = unit.last_year.filter(|l| year > *l) else {
        return Ok(());
    };
    let successors = successors
        .iter()
        .filter(|s| s.predecessors.contains(&unit.code))
        .map(|s| (s.code.clone(), s.name.clone()))
        .collect();
    Err(YearRefusal::Ended {
        unit: unit.code.clone(),
        name: unit.name.clone(),
        year,
        last_year,
        successors,
    })
}

/// One unit's result in a year's ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastResult {
    pub total: Decimal,
    pub index_percent: Decimal,
    pub rank: usize,
}

/// The year before's figure for a unit: its own result when it existed then and took nothing
/// over, else a reference (the mean index of the units it was formed from, itself included
/// when it existed), which has no total and no rank: ranks of different units do not compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Previous {
    pub year: i32,
    pub total: Option<Decimal>,
    pub index_percent: Decimal,
    pub rank: Option<usize>,
    pub reference: bool,
}

impl Previous {
    /// Index points gained (+) or lost (−) from this figure to `now` (an index %).
    pub fn index_change(&self, now: Decimal) -> Decimal {
        now - self.index_percent
    }

    /// Places gained (+) or lost (−) from this figure's rank to `now`; none for a reference
    /// (a merged unit's former units have no rank to compare with).
    pub fn places_gained(&self, now: usize) -> Option<i64> {
        match (self.reference, self.rank) {
            (false, Some(before)) => Some(before as i64 - now as i64),
            _ => None,
        }
    }
}

/// The previous-year figure of `unit` in `year`, from `past` (a unit's result in `year - 1`).
pub fn previous_figure(
    unit: &Unit,
    year: i32,
    past: impl Fn(&str) -> Option<PastResult>,
) -> Option<Previous> {
    let before = year - 1;
    let mut sources: Vec<&str> = Vec::new();
    if unit.exists_in(before) {
        sources.push(&unit.code);
    }
    sources.extend(unit.predecessors.iter().map(String::as_str));
    // Only the units with a result that year count: a predecessor that ended earlier is
    // history, not a part of the year before.
    let found: Vec<(&str, PastResult)> = sources
        .into_iter()
        .filter_map(|c| past(c).map(|r| (c, r)))
        .collect();
    if let [(code, own)] = found.as_slice()
        && *code == unit.code
    {
        return Some(Previous {
            year: before,
            total: Some(own.total),
            index_percent: own.index_percent,
            rank: Some(own.rank),
            reference: false,
        });
    }
    let indices: Vec<Decimal> = found.iter().map(|(_, r)| r.index_percent).collect();
    Some(Previous {
        year: before,
        total: None,
        index_percent: reference_index(&indices)?,
        rank: None,
        reference: true,
    })
}

/// The mean of the predecessors' indices, unrounded (rounded once, for display).
pub fn reference_index(indices: &[Decimal]) -> Option<Decimal> {
    if indices.is_empty() {
        return None;
    }
    let sum: Decimal = indices.iter().sum();
    Some(sum / Decimal::from(indices.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localized};
    use crate::level::Level;

    fn unit(code: &str, first: Option<i32>, last: Option<i32>, preds: &[&str]) -> Unit {
        Unit {
            first_year: first,
            last_year: last,
            predecessors: preds.iter().map(|p| p.to_string()).collect(),
            ..Unit::new(code, code, Level::Xa, None)
        }
    }

    #[test]
    fn assessment_after_the_last_year_is_refused_naming_the_successor() {
        let old = unit("bo-trach-hoan-lao", Some(2021), Some(2024), &[]);
        let new = unit("xa-hoan-lao", Some(2025), None, &["bo-trach-hoan-lao"]);
        let other = unit("xa-khac", Some(2025), None, &["x"]);
        assert!(check_assessment_year(&old, 2024, &[]).is_ok());
        let refused = check_assessment_year(&old, 2026, &[new.clone(), other]).unwrap_err();
        let msg = refused.message(Lang::Vi);
        assert!(msg.contains("xa-hoan-lao") && msg.contains("2024"), "{msg}");
        assert!(!msg.contains("xa-khac"), "{msg}");
        let early = check_assessment_year(&new, 2024, &[]).unwrap_err();
        assert!(matches!(
            early,
            YearRefusal::NotYet {
                first_year: 2025,
                ..
            }
        ));
    }

    #[test]
    fn merged_unit_previous_is_the_mean_of_its_predecessors_without_rank() {
        let new = unit("xa-moi", Some(2025), None, &["a", "b", "c"]);
        let past = |code: &str| {
            let index = match code {
                "a" => Decimal::new(8000, 2),
                "b" => Decimal::new(9050, 2),
                _ => return None,
            };
            Some(PastResult {
                total: index,
                index_percent: index,
                rank: 1,
            })
        };
        let p = previous_figure(&new, 2025, past).unwrap();
        assert_eq!(p.index_percent, Decimal::new(85250, 3));
        assert_eq!(
            (p.rank, p.total, p.reference, p.year),
            (None, None, true, 2024)
        );
    }

    #[test]
    fn unit_that_absorbed_another_long_ago_compares_with_itself_alone() {
        let tai_chinh = unit("so-tai-chinh", None, None, &["so-ke-hoach-va-dau-tu"]);
        let past = |code: &str| {
            (code == "so-tai-chinh").then_some(PastResult {
                total: Decimal::ONE,
                index_percent: Decimal::ONE,
                rank: 2,
            })
        };
        let p = previous_figure(&tai_chinh, 2026, past).unwrap();
        assert_eq!((p.rank, p.reference), (Some(2), false));
    }

    #[test]
    fn continuing_unit_previous_is_its_own_result_with_rank() {
        let same = unit("so-tu-phap", None, None, &[]);
        let past = |_: &str| {
            Some(PastResult {
                total: Decimal::new(7000, 2),
                index_percent: Decimal::new(7000, 2),
                rank: 3,
            })
        };
        let p = previous_figure(&same, 2026, past).unwrap();
        assert_eq!((p.rank, p.reference), (Some(3), false));
        assert_eq!(previous_figure(&same, 2026, |_| None), None);
    }
}
