//! Completeness gates: what an assessment still lacks before it is submitted or finalized.
//! Submitting lists the unscored sub-criteria and those without evidence; finalizing lists
//! missing survey points, unresolved conflicts, quarantined events and unanswered council notes.
//! A gate refuses unless the officer says `--incomplete` (recorded with the event). Pure.

use crate::framework::{Framework, Source};
use crate::scoring::Totals;

use super::{Status, Transition};

/// One kind of gap, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GapKind {
    Unscored,
    WithoutEvidence,
    MissingSurvey,
    Conflict,
    Quarantined,
    UnansweredNote,
}

impl GapKind {
    pub const ALL: [GapKind; 6] = [
        GapKind::Unscored,
        GapKind::WithoutEvidence,
        GapKind::MissingSurvey,
        GapKind::Conflict,
        GapKind::Quarantined,
        GapKind::UnansweredNote,
    ];

    /// A stable code for JSON and for the event's record.
    pub fn code(self) -> &'static str {
        match self {
            GapKind::Unscored => "unscored",
            GapKind::WithoutEvidence => "without_evidence",
            GapKind::MissingSurvey => "missing_survey",
            GapKind::Conflict => "conflicts",
            GapKind::Quarantined => "quarantined",
            GapKind::UnansweredNote => "unanswered_notes",
        }
    }
}

/// What an assessment lacks, by kind: sub-criterion codes, or for conflicts `code field`, for
/// quarantined changes the event ids. Empty when the gate is passed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gaps {
    pub unscored: Vec<String>,
    pub without_evidence: Vec<String>,
    pub missing_survey: Vec<String>,
    pub conflicts: Vec<String>,
    pub quarantined: Vec<String>,
    pub unanswered_notes: Vec<String>,
}

/// What the store knows beyond the totals, for the finalize gate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pending {
    /// Fields in conflict, as `code field`.
    pub conflicts: Vec<String>,
    /// Refused events of this assessment not yet accepted or dismissed.
    pub quarantined: Vec<String>,
    /// Sub-criteria with a round-1 council note and no answer from the unit.
    pub unanswered_notes: Vec<String>,
}

impl Gaps {
    pub fn of(&self, kind: GapKind) -> &[String] {
        match kind {
            GapKind::Unscored => &self.unscored,
            GapKind::WithoutEvidence => &self.without_evidence,
            GapKind::MissingSurvey => &self.missing_survey,
            GapKind::Conflict => &self.conflicts,
            GapKind::Quarantined => &self.quarantined,
            GapKind::UnansweredNote => &self.unanswered_notes,
        }
    }

    pub fn is_empty(&self) -> bool {
        GapKind::ALL.iter().all(|k| self.of(*k).is_empty())
    }

    /// The kinds present, with their counts.
    pub fn counts(&self) -> Vec<(GapKind, usize)> {
        GapKind::ALL
            .iter()
            .map(|k| (*k, self.of(*k).len()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// What the event records when the officer went on anyway: `incomplete: unscored 49, …`.
    pub fn record(&self) -> String {
        let parts: Vec<String> = self
            .counts()
            .into_iter()
            .map(|(k, n)| format!("{} {n}", k.code()))
            .collect();
        format!("incomplete: {}", parts.join(", "))
    }
}

/// What `transition` from `from` requires that the assessment lacks. Submitting a
/// self-assessment needs every applicable sub-criterion scored and evidenced; handing in the
/// explanation round needs the evidence and an answer to every council note; finalizing needs
/// the survey points, no conflict, no quarantined change and every note answered.
pub fn gaps(
    transition: Transition,
    from: Status,
    framework: &Framework,
    totals: &Totals,
    pending: &Pending,
) -> Gaps {
    let mut g = Gaps::default();
    let flagged = |pick: fn(&crate::scoring::Flags) -> bool| -> Vec<String> {
        totals
            .subs
            .iter()
            .filter(|s| pick(&s.flags))
            .map(|s| s.code.clone())
            .collect()
    };
    match (transition, from) {
        (Transition::Submit, Status::Draft) => {
            g.unscored = flagged(|f| f.unscored);
            g.without_evidence = flagged(|f| f.missing_evidence);
        }
        (Transition::Submit, Status::Returned) => {
            g.without_evidence = flagged(|f| f.missing_evidence);
            g.unanswered_notes = pending.unanswered_notes.clone();
        }
        (Transition::Finalize, _) => {
            g.missing_survey = framework
                .subs()
                .filter(|s| s.source == Source::Survey)
                .filter(|s| totals.sub(&s.code).is_none_or(|t| t.survey.is_none()))
                .map(|s| s.code.clone())
                .collect();
            g.conflicts = pending.conflicts.clone();
            g.quarantined = pending.quarantined.clone();
            g.unanswered_notes = pending.unanswered_notes.clone();
        }
        _ => {}
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::scoring::{Inputs, StageScore, SubInput, totals};

    fn framework() -> Framework {
        crate::framework::bundled()
            .into_iter()
            .find(|f| f.subs().any(|s| s.source == Source::Survey))
            .expect("a bundled framework with survey points")
    }

    #[test]
    fn submitting_an_empty_self_assessment_lists_every_self_assessed_sub_as_unscored() {
        let f = framework();
        let t = totals(&f, &Inputs::default());
        let g = gaps(
            Transition::Submit,
            Status::Draft,
            &f,
            &t,
            &Pending::default(),
        );
        let own = f
            .subs()
            .filter(|s| s.source == Source::SelfAssessed)
            .count();
        assert_eq!(g.unscored.len(), own);
        assert!(g.missing_survey.is_empty(), "survey is the finalize gate's");
        assert!(
            g.summary(Lang::Vi)
                .starts_with(&format!("{own} tiêu chí chưa chấm"))
        );
        assert!(
            g.record()
                .starts_with(&format!("incomplete: unscored {own}"))
        );
    }

    #[test]
    fn a_score_without_a_document_is_listed_and_one_with_a_document_is_not() {
        let f = framework();
        let sub = f.subs().find(|s| s.source == Source::SelfAssessed).unwrap();
        let mut inputs = Inputs::default();
        inputs.subs.insert(
            sub.code.clone(),
            SubInput {
                self_score: Some(StageScore::points(sub.max)),
                has_explanation: true,
                ..Default::default()
            },
        );
        let t = totals(&f, &inputs);
        let g = gaps(
            Transition::Submit,
            Status::Draft,
            &f,
            &t,
            &Pending::default(),
        );
        assert!(g.without_evidence.contains(&sub.code));
        assert!(!g.unscored.contains(&sub.code));
        inputs.subs.get_mut(&sub.code).unwrap().evidence_count = 1;
        let t = totals(&f, &inputs);
        let g = gaps(
            Transition::Submit,
            Status::Draft,
            &f,
            &t,
            &Pending::default(),
        );
        assert!(!g.without_evidence.contains(&sub.code));
    }

    #[test]
    fn finalizing_lists_survey_conflicts_quarantine_and_notes_but_not_unscored() {
        let f = framework();
        let t = totals(&f, &Inputs::default());
        let pending = Pending {
            conflicts: vec!["1.1.1 self".into()],
            quarantined: vec!["e1".into()],
            unanswered_notes: vec!["1.1.2".into()],
        };
        let g = gaps(Transition::Finalize, Status::Appraising, &f, &t, &pending);
        assert!(g.unscored.is_empty());
        let survey = f.subs().filter(|s| s.source == Source::Survey).count();
        assert_eq!(g.missing_survey.len(), survey);
        assert_eq!(g.conflicts, pending.conflicts);
        assert_eq!(g.quarantined, pending.quarantined);
        assert_eq!(g.unanswered_notes, pending.unanswered_notes);
        assert_eq!(g.counts().len(), 4);
        assert!(
            g.listing(Lang::En)
                .contains("- 1 unresolved conflicts: 1.1.1 self")
        );
    }

    #[test]
    fn return_and_reopen_have_no_gate() {
        let f = framework();
        let t = totals(&f, &Inputs::default());
        for (tr, from) in [
            (Transition::Return, Status::Submitted),
            (Transition::Reopen, Status::Final),
        ] {
            assert!(gaps(tr, from, &f, &t, &Pending::default()).is_empty());
        }
    }
}
