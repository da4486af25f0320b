//! The yearly appraisal cycle of one assessment: its status, the transitions between statuses,
//! and which fields each status (and the self-scoring deadline) leaves open to change. Pure.

use std::fmt;
use std::str::FromStr;

mod deadline;
mod gate;

pub use deadline::{DeadlineStage, Deadlines, date_vn, days_left};
pub use gate::{GapKind, Gaps, Pending, gaps};

/// `draft → submitted → appraising → returned → appraising → final`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Status {
    /// The unit is self-assessing.
    #[default]
    Draft,
    /// Self-assessment handed in: self-scoring is locked.
    Submitted,
    /// The council is appraising (round 1, or round 2 after the explanation round).
    Appraising,
    /// Explanation round (giải trình): the unit answers the council's notes, adds evidence.
    Returned,
    /// Final: everything is locked.
    Final,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Draft,
        Status::Submitted,
        Status::Appraising,
        Status::Returned,
        Status::Final,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Appraising => "appraising",
            Status::Returned => "returned",
            Status::Final => "final",
        }
    }
}

impl FromStr for Status {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Status::ALL.into_iter().find(|st| st.code() == s).ok_or(())
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a field belongs to, for the purpose of locks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldGroup {
    /// Self score, declared data, N/A: the unit's self-assessment.
    SelfScore,
    /// Evidence, explanation and answers to the council: the unit's, also in the explanation round.
    UnitSupport,
    /// Appraisal scores and council notes.
    Appraisal,
    /// Sociological survey points.
    Survey,
    /// Bonus and penalty points.
    BonusPenalty,
}

impl FieldGroup {
    /// The group of a stored field name.
    pub fn of(field: &str) -> FieldGroup {
        match field {
            "self" | "na" => FieldGroup::SelfScore,
            "evidence" | "explanation" | "response" => FieldGroup::UnitSupport,
            f if f.starts_with(crate::fields::DOCUMENT_PREFIX) => FieldGroup::UnitSupport,
            f if f.starts_with(crate::fields::LIBRARY_PREFIX) => FieldGroup::UnitSupport,
            "survey" => FieldGroup::Survey,
            "bonus" | "penalty" => FieldGroup::BonusPenalty,
            _ => FieldGroup::Appraisal,
        }
    }
}

/// Why a change is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lock {
    /// The assessment's status does not allow changing this group of fields.
    Status { status: Status, group: FieldGroup },
    /// The deadline of the field's stage has passed (`YYYY-MM-DD`).
    Deadline {
        deadline: String,
        stage: DeadlineStage,
    },
}

/// Whether `field` may change under `status`. `deadlines` are the year's per-stage deadlines
/// (`YYYY-MM-DD`, inclusive), each locking its own stage, and `today` the current date in the
/// same form.
pub fn may_change(
    status: Status,
    field: &str,
    deadlines: &Deadlines,
    today: &str,
) -> Result<(), Lock> {
    let group = FieldGroup::of(field);
    let open = match status {
        Status::Draft => matches!(
            group,
            FieldGroup::SelfScore
                | FieldGroup::UnitSupport
                | FieldGroup::Survey
                | FieldGroup::BonusPenalty
        ),
        Status::Submitted | Status::Appraising => matches!(
            group,
            FieldGroup::Appraisal | FieldGroup::Survey | FieldGroup::BonusPenalty
        ),
        Status::Returned => matches!(
            group,
            FieldGroup::UnitSupport
                | FieldGroup::Appraisal
                | FieldGroup::Survey
                | FieldGroup::BonusPenalty
        ),
        Status::Final => false,
    };
    if !open {
        return Err(Lock::Status { status, group });
    }
    match deadlines.passed(status, field, today) {
        Some((stage, d)) => Err(Lock::Deadline {
            deadline: d.to_string(),
            stage,
        }),
        None => Ok(()),
    }
}

/// A requested change of status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Submit,
    Return,
    Finalize,
    Reopen,
}

impl Transition {
    pub const ALL: [Transition; 4] = [
        Transition::Submit,
        Transition::Return,
        Transition::Finalize,
        Transition::Reopen,
    ];

    /// The transition that leads from `from` to `to`, if one does.
    pub fn between(from: Status, to: Status) -> Option<Transition> {
        Transition::ALL
            .into_iter()
            .find(|t| t.apply(from) == Some(to))
    }

    pub fn code(self) -> &'static str {
        match self {
            Transition::Submit => "submit",
            Transition::Return => "return",
            Transition::Finalize => "finalize",
            Transition::Reopen => "reopen",
        }
    }

    /// The status this transition leads to from `from`, if it is allowed there.
    pub fn apply(self, from: Status) -> Option<Status> {
        match (self, from) {
            (Transition::Submit, Status::Draft) => Some(Status::Submitted),
            (Transition::Submit, Status::Returned) => Some(Status::Appraising),
            (Transition::Return, Status::Submitted | Status::Appraising) => Some(Status::Returned),
            (Transition::Finalize, Status::Submitted | Status::Appraising | Status::Returned) => {
                Some(Status::Final)
            }
            (Transition::Reopen, Status::Final) => Some(Status::Appraising),
            (Transition::Reopen, Status::Submitted) => Some(Status::Draft),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localized};

    #[test]
    fn submitted_locks_self_scores_but_opens_appraisal() {
        assert!(
            may_change(
                Status::Submitted,
                "self",
                &Deadlines::default(),
                "2026-01-01"
            )
            .is_err()
        );
        assert!(
            may_change(
                Status::Submitted,
                "appraisal1",
                &Deadlines::default(),
                "2026-01-01"
            )
            .is_ok()
        );
    }

    #[test]
    fn final_locks_everything() {
        for field in ["self", "evidence", "appraisal1", "survey", "bonus"] {
            let err =
                may_change(Status::Final, field, &Deadlines::default(), "2026-01-01").unwrap_err();
            assert!(err.message(Lang::En).contains("final"));
        }
    }

    #[test]
    fn deadline_locks_self_scores_after_the_day_only() {
        let d = &Deadlines::self_only(Some("2026-12-15"));
        assert!(may_change(Status::Draft, "self", d, "2026-12-15").is_ok());
        let err = may_change(Status::Draft, "self", d, "2026-12-16").unwrap_err();
        assert_eq!(
            err,
            Lock::Deadline {
                deadline: "2026-12-15".into(),
                stage: DeadlineStage::SelfAssessment,
            }
        );
        assert!(may_change(Status::Draft, "survey", d, "2026-12-16").is_ok());
    }

    #[test]
    fn explanation_round_opens_evidence_not_self_scores() {
        assert!(
            may_change(
                Status::Returned,
                "evidence",
                &Deadlines::default(),
                "2026-01-01"
            )
            .is_ok()
        );
        assert!(
            may_change(
                Status::Returned,
                "self",
                &Deadlines::default(),
                "2026-01-01"
            )
            .is_err()
        );
    }

    #[test]
    fn transitions_follow_the_cycle() {
        assert_eq!(
            Transition::Submit.apply(Status::Draft),
            Some(Status::Submitted)
        );
        assert_eq!(
            Transition::Return.apply(Status::Submitted),
            Some(Status::Returned)
        );
        assert_eq!(
            Transition::Submit.apply(Status::Returned),
            Some(Status::Appraising)
        );
        assert_eq!(
            Transition::Finalize.apply(Status::Appraising),
            Some(Status::Final)
        );
        assert_eq!(Transition::Finalize.apply(Status::Draft), None);
        assert_eq!(
            Transition::Reopen.apply(Status::Final),
            Some(Status::Appraising)
        );
    }
}
