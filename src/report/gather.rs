//! Reading what a report needs from the store: a ranking from the totals kept per assessment,
//! one unit's detail from the scoring engine.

use crate::record::Decoded;
use std::collections::HashMap;

use crate::fields;
use crate::framework::{Framework, round_half_up};
use crate::level::Level;
use crate::scoring::{self, Stage, StageScore, Totals};
use crate::store::{AssessmentKey, Kept, Store, StoreError};
use crate::unit::{PastResult, previous_figure};

use super::{Detail, DetailLine, Ranking, RankingRow, rank};

/// The ranking of every assessed unit of `level` in `year`, each row with the year before's
/// figure (its own, or a reference from the units it was formed from).
pub fn gather_ranking(store: &Store, year: i32, level: Level) -> Result<Ranking, StoreError> {
    let mut ranking = ranking_of_year(store, year, level)?;
    let past: HashMap<String, PastResult> = ranking_of_year(store, year - 1, level)?
        .rows
        .into_iter()
        .map(|r| {
            let result = PastResult {
                total: r.totals.total,
                index_percent: r.totals.index_percent,
                rank: r.rank,
            };
            (r.unit, result)
        })
        .collect();
    if past.is_empty() {
        return Ok(ranking);
    }
    for row in &mut ranking.rows {
        let unit = store.unit(&row.unit)?;
        row.previous = previous_figure(&unit, year, |code| past.get(code).copied());
    }
    Ok(ranking)
}

fn ranking_of_year(store: &Store, year: i32, level: Level) -> Result<Ranking, StoreError> {
    let mut frameworks: HashMap<String, std::sync::Arc<Framework>> = HashMap::new();
    let mut read = empty_ranking(year, level, None);
    store.each_level_total::<Totals>(
        year,
        level,
        |Kept {
             key,
             totals,
             status,
             ..
         },
         listed| {
            if !frameworks.contains_key(&key.framework_id) {
                let f = store.framework(&key.framework_id)?;
                frameworks.insert(key.framework_id.clone(), f);
            }
            read.push(RankingRow {
                rank: 0,
                unit_name: listed.unit.name,
                status,
                unit: key.unit_code,
                totals,
                previous: None,
            });
            Ok(())
        },
    )?;
    Ok(Ranking {
        rows: rank(read.rows),
        lost: read.lost,
        modelled: frameworks.values().any(|f| f.is_modelled()),
        ..empty_ranking(year, level, frameworks.values().next())
    })
}

/// A ranking without rows, laid out after `framework` (the first of its rows').
fn empty_ranking(
    year: i32,
    level: Level,
    framework: Option<&std::sync::Arc<Framework>>,
) -> Ranking {
    let f = framework;
    Ranking {
        year,
        level,
        decimals: f.map(|f| f.decimals).unwrap_or(2),
        index_decimals: f.map(|f| f.index_decimals).unwrap_or(2),
        areas: f
            .map(|f| {
                f.areas
                    .iter()
                    .map(|a| (a.code.clone(), a.name.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        bands: f.map(|f| f.bands.clone()).unwrap_or_default(),
        rows: Vec::new(),
        modelled: false,
        final_only: false,
        framework_name: f.map(|f| f.name.clone()).unwrap_or_default(),
        decision: f.map(|f| f.decision.clone()).unwrap_or_default(),
        sub_names: f
            .map(|f| f.subs().map(|s| (s.code.clone(), s.name.clone())).collect())
            .unwrap_or_default(),
        lost: Default::default(),
    }
}

/// The sub-criteria citing a library document that another unit's library, or the unit's own
/// of another year, also holds (the council checks that a document proves this year's work).
/// The database's libraries are read only when this one has documents.
fn reused_citations(
    store: &Store,
    key: &AssessmentKey,
    states: &[crate::record::FieldState],
) -> Result<Vec<String>, StoreError> {
    use crate::record::library::{entries, used_elsewhere};
    let library = entries(states);
    if library.is_empty() {
        return Ok(Vec::new());
    }
    let held = store.library_everywhere()?;
    Ok(library
        .iter()
        .filter(|e| !used_elsewhere(&e.document, &key.unit_code, key.year, &held).is_empty())
        .flat_map(|e| e.citations.iter().map(|(sub, _)| sub.clone()))
        .collect())
}

/// Every sub-criterion of one unit's assessment.
pub fn gather_detail(
    store: &Store,
    key: &AssessmentKey,
    lang: crate::i18n::Lang,
) -> Result<Detail, StoreError> {
    let f = store.framework(&key.framework_id)?;
    let states = store.fields(key)?;
    let inputs = crate::store::inputs_from(&states);
    let totals = scoring::totals(&f, &inputs);
    let text = |code: &str, field: &str| {
        states
            .iter()
            .find(|s| s.target == code && s.field == field)
            .map(|s| s.text())
            .unwrap_or_default()
    };
    let reused = reused_citations(store, key, &states)?;
    let mut lines = Vec::new();
    for sub in f.subs() {
        let input = inputs.subs.get(&sub.code).cloned().unwrap_or_default();
        let sub_totals = totals.sub(&sub.code);
        let flags = sub_totals.map(|t| t.flags).unwrap_or_default();
        let mut marks = Vec::new();
        if input.na {
            marks.push("N/A");
        }
        if flags.missing_evidence {
            marks.push("missing-evidence");
        }
        if flags.explanation_only {
            marks.push("explanation-only");
        }
        if flags.over_cap {
            marks.push("over-cap");
        }
        if flags.off_rule {
            marks.push("off-rule");
        }
        if flags.requirement_unmet {
            marks.push("requirement-unmet");
        }
        if flags.conflict {
            marks.push("conflict");
        }
        if reused.contains(&sub.code) {
            marks.push("evidence-used-elsewhere");
        }
        if flags.unscored && !input.na {
            marks.push("unscored");
        }
        let note = [
            text(&sub.code, fields::APPRAISAL_NOTE),
            text(&sub.code, fields::APPRAISAL2_NOTE),
        ]
        .into_iter()
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(" / ");
        let declared = input.self_score.as_ref().and_then(|s| s.declared.as_ref());
        let shown = |p: Option<&StageScore>| p.map(|s| round_half_up(s.points, f.decimals));
        lines.push(DetailLine {
            code: sub.code.clone(),
            name: sub.name.clone(),
            max: sub.max,
            declared: declared.map(|d| d.display(lang)).unwrap_or_default(),
            declared_plain: declared.map(|d| d.plain(lang)).unwrap_or_default(),
            self_points: shown(input.self_score.as_ref()),
            appraisal1: shown(input.appraisal1.as_ref()),
            appraisal2: shown(input.appraisal2.as_ref()),
            survey: input.survey.map(|p| round_half_up(p, f.decimals)),
            final_points: sub_totals.map(|t| t.effective).unwrap_or_default(),
            evidence_count: input.evidence_count,
            documents: states
                .iter()
                .find(|s| s.target == sub.code && s.field == fields::EVIDENCE)
                .map(|s| s.evidence())
                .unwrap_or_default(),
            explanation: text(&sub.code, fields::EXPLANATION),
            council_note: note,
            flags: marks,
        });
    }
    let _ = Stage::ALL;
    let items = super::items::gather_items(store, key, &f, &totals)?;
    let unit = store.unit(&key.unit_code)?;
    Ok(Detail {
        unit: key.unit_code.clone(),
        unit_name: unit.name,
        year: key.year,
        framework: f.id.clone(),
        decimals: f.decimals,
        index_decimals: f.index_decimals,
        status: store.status(key)?,
        totals,
        lines,
        items,
        modelled: f.is_modelled(),
        tree: f.clone(),
    })
}
