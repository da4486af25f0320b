//! Deadlines per stage of the cycle: self-assessment, explanation (giải trình), appraisal round 1
//! and round 2. Each locks its own stage's fields after its day (inclusive). Pure.

use crate::i18n::Lang;

use super::{FieldGroup, Status};

/// A stage with its own deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeadlineStage {
    SelfAssessment,
    Explanation,
    Appraisal1,
    Appraisal2,
}

impl DeadlineStage {
    pub const ALL: [DeadlineStage; 4] = [
        DeadlineStage::SelfAssessment,
        DeadlineStage::Explanation,
        DeadlineStage::Appraisal1,
        DeadlineStage::Appraisal2,
    ];

    /// `--stage` of `year set-deadline`: `self`, `explanation`, `appraisal1`, `appraisal2`.
    pub fn code(self) -> &'static str {
        match self {
            DeadlineStage::SelfAssessment => "self",
            DeadlineStage::Explanation => "explanation",
            DeadlineStage::Appraisal1 => "appraisal1",
            DeadlineStage::Appraisal2 => "appraisal2",
        }
    }

    pub fn parse(code: &str) -> Option<DeadlineStage> {
        DeadlineStage::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The field on the year's key that holds it (the self-assessment's is the older `deadline`).
    pub fn field(self) -> &'static str {
        match self {
            DeadlineStage::SelfAssessment => "deadline",
            DeadlineStage::Explanation => "deadline_explanation",
            DeadlineStage::Appraisal1 => "deadline_appraisal1",
            DeadlineStage::Appraisal2 => "deadline_appraisal2",
        }
    }

    /// The stage an assessment is in: the deadline its header shows. `second_round`: it went
    /// through the explanation round, so the council appraises round 2.
    pub fn current(status: Status, second_round: bool) -> Option<DeadlineStage> {
        match status {
            Status::Draft => Some(DeadlineStage::SelfAssessment),
            Status::Returned => Some(DeadlineStage::Explanation),
            Status::Submitted | Status::Appraising if second_round => {
                Some(DeadlineStage::Appraisal2)
            }
            Status::Submitted | Status::Appraising => Some(DeadlineStage::Appraisal1),
            Status::Final => None,
        }
    }

    /// The stage whose deadline locks `field` under `status`, if any: the unit's fields by the
    /// self-assessment's deadline in the draft and by the explanation's in the explanation
    /// round, each council round's score and note by its own.
    pub fn of_field(status: Status, field: &str) -> Option<DeadlineStage> {
        use crate::fields::{APPRAISAL_NOTE, APPRAISAL2_NOTE};
        match (FieldGroup::of(field), status) {
            (FieldGroup::SelfScore | FieldGroup::UnitSupport, Status::Draft) => {
                Some(DeadlineStage::SelfAssessment)
            }
            (FieldGroup::UnitSupport, Status::Returned) => Some(DeadlineStage::Explanation),
            (FieldGroup::Appraisal, _) => match field {
                "appraisal1" | APPRAISAL_NOTE => Some(DeadlineStage::Appraisal1),
                "appraisal2" | APPRAISAL2_NOTE => Some(DeadlineStage::Appraisal2),
                _ => None,
            },
            _ => None,
        }
    }
}

/// A year's deadlines (`YYYY-MM-DD`, inclusive), each optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deadlines {
    pub self_assessment: Option<String>,
    pub explanation: Option<String>,
    pub appraisal1: Option<String>,
    pub appraisal2: Option<String>,
}

impl Deadlines {
    /// Only the self-assessment's (the one deadline before stages had their own).
    pub fn self_only(date: Option<&str>) -> Deadlines {
        Deadlines {
            self_assessment: date.map(str::to_string),
            ..Deadlines::default()
        }
    }

    pub fn get(&self, stage: DeadlineStage) -> Option<&str> {
        match stage {
            DeadlineStage::SelfAssessment => self.self_assessment.as_deref(),
            DeadlineStage::Explanation => self.explanation.as_deref(),
            DeadlineStage::Appraisal1 => self.appraisal1.as_deref(),
            DeadlineStage::Appraisal2 => self.appraisal2.as_deref(),
        }
    }

    pub fn set(&mut self, stage: DeadlineStage, date: Option<String>) {
        let slot = match stage {
            DeadlineStage::SelfAssessment => &mut self.self_assessment,
            DeadlineStage::Explanation => &mut self.explanation,
            DeadlineStage::Appraisal1 => &mut self.appraisal1,
            DeadlineStage::Appraisal2 => &mut self.appraisal2,
        };
        *slot = date;
    }

    /// The stage and day whose deadline has passed for `field` under `status` on `today`.
    pub fn passed(
        &self,
        status: Status,
        field: &str,
        today: &str,
    ) -> Option<(DeadlineStage, &str)> {
        let stage = DeadlineStage::of_field(status, field)?;
        self.get(stage).filter(|d| today > *d).map(|d| (stage, d))
    }
}

/// Days from `today` to `deadline` (both `YYYY-MM-DD`, calendar days in the officer's zone):
/// 0 on the day, negative once passed.
pub fn days_left(today: &str, deadline: &str) -> Option<i64> {
    let day = |s: &str| s.get(..10)?.parse::<jiff::civil::Date>().ok();
    let span = day(deadline)?.since(day(today)?).ok()?;
    Some(i64::from(span.get_days()))
}

/// `2025-12-15` → `15/12/2025`.
pub fn date_vn(iso: &str) -> String {
    crate::local_time::date(iso, Lang::Vi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_stage_locks_its_own_fields_only() {
        let mut d = Deadlines::default();
        d.set(DeadlineStage::Appraisal1, Some("2025-12-01".into()));
        let late = "2025-12-02";
        assert_eq!(
            d.passed(Status::Appraising, "appraisal1", late),
            Some((DeadlineStage::Appraisal1, "2025-12-01"))
        );
        assert!(
            d.passed(Status::Appraising, crate::fields::APPRAISAL_NOTE, late)
                .is_some()
        );
        assert_eq!(d.passed(Status::Appraising, "appraisal2", late), None);
        assert_eq!(d.passed(Status::Draft, "self", late), None);
        assert_eq!(
            d.passed(Status::Appraising, "appraisal1", "2025-12-01"),
            None
        );
        d.set(DeadlineStage::Explanation, Some("2025-11-01".into()));
        assert!(d.passed(Status::Returned, "evidence", late).is_some());
        assert_eq!(d.passed(Status::Draft, "evidence", late), None);
    }

    #[test]
    fn the_current_stage_follows_the_status_and_the_round() {
        assert_eq!(
            DeadlineStage::current(Status::Submitted, false),
            Some(DeadlineStage::Appraisal1)
        );
        assert_eq!(
            DeadlineStage::current(Status::Appraising, true),
            Some(DeadlineStage::Appraisal2)
        );
        assert_eq!(
            DeadlineStage::current(Status::Returned, true),
            Some(DeadlineStage::Explanation)
        );
        assert_eq!(DeadlineStage::current(Status::Final, true), None);
    }

    #[test]
    fn days_left_counts_calendar_days_across_months_and_leap_years() {
        assert_eq!(days_left("2025-12-10", "2025-12-15"), Some(5));
        assert_eq!(days_left("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_left("2025-12-16", "2025-12-15"), Some(-1));
        assert_eq!(days_left("2025-12-31", "2026-01-01"), Some(1));
        assert_eq!(days_left("2024-12-31", "2025-12-31"), Some(365));
        assert_eq!(days_left("2023-03-01", "2024-03-01"), Some(366));
        assert_eq!(days_left("2025-11-30", "2025-12-01"), Some(1));
        assert_eq!(days_left("2026-01-01", "2025-12-31"), Some(-1));
        assert_eq!(days_left("2025-02-29", "2025-03-01"), None, "no such day");
        assert_eq!(days_left("15/12/2025", "2025-12-15"), None);
        assert_eq!(date_vn("2025-12-15"), "15/12/2025");
    }

    #[test]
    fn the_day_a_deadline_passes_is_the_vietnamese_day_not_utcs() {
        use crate::local_time::{TimeZone, day_at};
        let hcm = TimeZone::get("Asia/Ho_Chi_Minh").expect("bundled tzdb");
        // 31/12/2025 17:30 UTC is already 1/1/2026 00:30 in Đồng Hới.
        let at: jiff::Timestamp = "2025-12-31T17:30:00Z".parse().unwrap();
        assert_eq!(day_at(&hcm, at), "2026-01-01");
        assert_eq!(day_at(&TimeZone::UTC, at), "2025-12-31");
        let d = Deadlines::self_only(Some("2025-12-31"));
        assert!(d.passed(Status::Draft, "self", &day_at(&hcm, at)).is_some());
        assert!(
            d.passed(Status::Draft, "self", &day_at(&TimeZone::UTC, at))
                .is_none()
        );
        assert_eq!(days_left(&day_at(&hcm, at), "2025-12-31"), Some(-1));
        // 30/11 16:59 UTC is 23:59 in Đồng Hới: still the last day of November.
        let at: jiff::Timestamp = "2025-11-30T16:59:00Z".parse().unwrap();
        assert_eq!(days_left(&day_at(&hcm, at), "2025-11-30"), Some(0));
    }
}
