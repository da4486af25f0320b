//! Declared data made of several counts: a ratio typed as `45/50` (or given as two fields) and
//! the counts of a typed deduction per fault kind (`cham=2, thieu=1`, or one field per kind).
//! The one parser the CLI, the TUI and the imports call.

use crate::framework::{Fault, Rule, SubCriterion};
use crate::text::fold;

use super::Declared;
use super::error::{ScoreError, Subject, shown};
use super::number::read_count;

/// `met/total` (spaces allowed): both whole numbers, `total` above 0, `met` at most `total`.
pub fn parse_ratio(text: &str, sub: &SubCriterion) -> Result<Declared, ScoreError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ScoreError::Empty {
            subject: Subject::of(sub),
        });
    }
    let not_a_ratio = || ScoreError::NotARatio {
        subject: Subject::of(sub),
        text: shown(trimmed),
    };
    let (met, total) = trimmed.split_once('/').ok_or_else(not_a_ratio)?;
    let count = |t: &str| match read_count(t, sub) {
        Err(ScoreError::NotACount { .. }) | Err(ScoreError::Empty { .. }) => Err(not_a_ratio()),
        other => other,
    };
    ratio(sub, count(met)?, count(total)?)
}

/// A ratio from its two counts, checked.
fn ratio(sub: &SubCriterion, met: u32, total: u32) -> Result<Declared, ScoreError> {
    if total == 0 || met > total {
        return Err(ScoreError::BadRatio {
            subject: Subject::of(sub),
            met,
            total,
        });
    }
    Ok(Declared::Ratio { met, total })
}

/// Counts per fault kind: `code=n` (or `code:n`) items separated by `,` `;` or spaces, a code
/// matched without case or diacritics, or by the fault's name; or bare counts in the rule's
/// order (`2;1`). Kinds not given count 0; a kind given twice is refused.
pub fn parse_faults(text: &str, sub: &SubCriterion) -> Result<Declared, ScoreError> {
    let Rule::Faults { faults } = &sub.rule else {
        return Err(ScoreError::DeclaredMismatch {
            subject: Subject::of(sub),
            declared: "faults",
        });
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(ScoreError::Empty {
            subject: Subject::of(sub),
        });
    }
    let items: Vec<&str> = trimmed
        .split([',', ';'])
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    let bad = |item: &str| ScoreError::UnknownFault {
        subject: Subject::of(sub),
        text: shown(item),
        codes: faults
            .iter()
            .map(|f| f.code.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let positional = items.iter().all(|i| i.chars().all(|c| c.is_ascii_digit()));
    if positional {
        if items.len() != faults.len() {
            return Err(bad(trimmed));
        }
        return declared_from_parts(sub, &items);
    }
    let mut counts: Vec<Option<u32>> = vec![None; faults.len()];
    for item in items {
        let (code, n) = item.split_once(['=', ':']).ok_or_else(|| bad(item))?;
        let at = fault_index(faults, code).ok_or_else(|| bad(item))?;
        if counts[at].is_some() {
            return Err(bad(item));
        }
        counts[at] = Some(read_count(n, sub)?);
    }
    Ok(Declared::Faults(
        faults
            .iter()
            .zip(counts)
            .map(|(f, n)| (f.code.clone(), n.unwrap_or(0)))
            .collect(),
    ))
}

fn fault_index(faults: &[Fault], code: &str) -> Option<usize> {
    let folded = fold(code.trim());
    faults
        .iter()
        .position(|f| f.code == code.trim())
        .or_else(|| faults.iter().position(|f| fold(&f.code) == folded))
        .or_else(|| faults.iter().position(|f| fold(&f.name) == folded))
}

/// Declared data from one field per count, as the TUI form has them: a ratio's met and total, or
/// a typed deduction's count per kind in the rule's order (an empty field counts 0 for a fault,
/// and is refused for a ratio).
pub fn declared_from_parts<S: AsRef<str>>(
    sub: &SubCriterion,
    parts: &[S],
) -> Result<Declared, ScoreError> {
    match &sub.rule {
        Rule::Ratio { .. } => {
            let [met, total] = parts else {
                return Err(ScoreError::Empty {
                    subject: Subject::of(sub),
                });
            };
            ratio(
                sub,
                read_count(met.as_ref(), sub)?,
                read_count(total.as_ref(), sub)?,
            )
        }
        Rule::Faults { faults } if parts.len() == faults.len() => {
            let mut counts = Vec::with_capacity(faults.len());
            for (f, part) in faults.iter().zip(parts) {
                let part = part.as_ref().trim();
                let n = if part.is_empty() {
                    0
                } else {
                    read_count(part, sub)?
                };
                counts.push((f.code.clone(), n));
            }
            Ok(Declared::Faults(counts))
        }
        _ => Err(ScoreError::DeclaredMismatch {
            subject: Subject::of(sub),
            declared: "counts",
        }),
    }
}
