//! Sociological survey results (điều tra xã hội học) read from CSV: either points per unit and
//! sub-criterion, or raw answers A–D per respondent that are averaged with the framework's
//! weights. Everything is checked before anything is written. Pure.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::framework::{Framework, Source};
use crate::scoring;

/// Points for one survey sub-criterion of one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyPoints {
    pub unit: String,
    pub sub: String,
    pub points: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurveyProblem {
    pub line: usize,
    pub kind: SurveyProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SurveyProblemKind {
    Unreadable(String),
    BadHeader(String),
    UnknownUnit(String),
    UnknownSub {
        unit: String,
        sub: String,
    },
    NotSurvey(String),
    Points(scoring::ScoreError),
    BadAnswer(String),
    Duplicate {
        unit: String,
        sub: String,
        first_line: usize,
    },
}

/// Reads a survey file. `frameworks` gives the framework of every known unit for the year.
pub fn parse_survey(
    text: &str,
    frameworks: &HashMap<String, Framework>,
) -> Result<Vec<SurveyPoints>, Vec<SurveyProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            return Err(vec![problem(
                1,
                SurveyProblemKind::Unreadable(e.to_string()),
            )]);
        }
    };
    let raw = match header.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["unit", "sub", "points"] => false,
        ["unit", "sub", "respondent", "answer"] => true,
        _ => {
            return Err(vec![problem(
                1,
                SurveyProblemKind::BadHeader(header.join(",")),
            )]);
        }
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map(|p| p.line() as usize).unwrap_or(0);
                let cells: Vec<String> = r.iter().map(|c| crate::text::nfc(c.trim())).collect();
                rows.push((line, cells));
            }
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize).unwrap_or(0);
                return Err(vec![problem(
                    line,
                    SurveyProblemKind::Unreadable(e.to_string()),
                )]);
            }
        }
    }
    if raw {
        from_answers(&rows, frameworks)
    } else {
        from_points(&rows, frameworks)
    }
}

fn problem(line: usize, kind: SurveyProblemKind) -> SurveyProblem {
    SurveyProblem { line, kind }
}

fn cell(cells: &[String], i: usize) -> &str {
    cells.get(i).map(String::as_str).unwrap_or("")
}

/// Checks that the unit and survey sub-criterion exist; returns the sub's framework.
fn target<'f>(
    line: usize,
    unit: &str,
    sub: &str,
    frameworks: &'f HashMap<String, Framework>,
) -> Result<&'f Framework, SurveyProblem> {
    let f = frameworks
        .get(unit)
        .ok_or_else(|| problem(line, SurveyProblemKind::UnknownUnit(unit.into())))?;
    match f.sub(sub) {
        None => Err(problem(
            line,
            SurveyProblemKind::UnknownSub {
                unit: unit.into(),
                sub: sub.into(),
            },
        )),
        Some(s) if s.source != Source::Survey => {
            Err(problem(line, SurveyProblemKind::NotSurvey(sub.into())))
        }
        Some(_) => Ok(f),
    }
}

fn from_points(
    rows: &[(usize, Vec<String>)],
    frameworks: &HashMap<String, Framework>,
) -> Result<Vec<SurveyPoints>, Vec<SurveyProblem>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for (line, cells) in rows {
        let (unit, sub) = (cell(cells, 0), cell(cells, 1));
        let f = match target(*line, unit, sub, frameworks) {
            Ok(f) => f,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        if let Some(first_line) = seen.insert((unit.into(), sub.into()), *line) {
            problems.push(problem(
                *line,
                SurveyProblemKind::Duplicate {
                    unit: unit.into(),
                    sub: sub.into(),
                    first_line,
                },
            ));
            continue;
        }
        let Some(s) = f.sub(sub) else { continue };
        match scoring::parse_points(cell(cells, 2), s, f.decimals) {
            Ok(points) => out.push(SurveyPoints {
                unit: unit.into(),
                sub: sub.into(),
                points,
            }),
            Err(e) => problems.push(problem(*line, SurveyProblemKind::Points(e))),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn from_answers(
    rows: &[(usize, Vec<String>)],
    frameworks: &HashMap<String, Framework>,
) -> Result<Vec<SurveyPoints>, Vec<SurveyProblem>> {
    let mut problems = Vec::new();
    let mut weights: BTreeMap<(String, String), Vec<Decimal>> = BTreeMap::new();
    let mut respondents: HashMap<(String, String, String), usize> = HashMap::new();
    for (line, cells) in rows {
        let (unit, sub, who, answer) = (
            cell(cells, 0),
            cell(cells, 1),
            cell(cells, 2),
            cell(cells, 3),
        );
        let f = match target(*line, unit, sub, frameworks) {
            Ok(f) => f,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let index = match answer.to_ascii_uppercase().as_str() {
            "A" => 0,
            "B" => 1,
            "C" => 2,
            "D" => 3,
            _ => {
                problems.push(problem(*line, SurveyProblemKind::BadAnswer(answer.into())));
                continue;
            }
        };
        if let Some(first_line) = respondents.insert((unit.into(), sub.into(), who.into()), *line) {
            let kind = SurveyProblemKind::Duplicate {
                unit: unit.into(),
                sub: format!("{sub} / {who}"),
                first_line,
            };
            problems.push(problem(*line, kind));
            continue;
        }
        weights
            .entry((unit.into(), sub.into()))
            .or_default()
            .push(f.survey_weights.0[index]);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out = Vec::new();
    for ((unit, sub), ws) in weights {
        let Some(f) = frameworks.get(&unit) else {
            continue;
        };
        let Some(s) = f.sub(&sub) else { continue };
        // Divide last: A, D, D on 1 point is exactly 1/3, kept to Decimal's 28 digits.
        let weight = ws.iter().sum::<Decimal>();
        let points = s.max * weight / (Decimal::ONE_HUNDRED * Decimal::from(ws.len()));
        let points = s.stored_points(points.min(s.max), f.decimals);
        out.push(SurveyPoints {
            unit,
            sub,
            points: points.normalize(),
        });
    }
    Ok(out)
}
