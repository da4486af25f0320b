//! The stages a score passes through (self-assessment, two appraisals, the survey) and which
//! stages a sub-criterion accepts (their labels are worded in `i18n::facts::scoring`).

use std::fmt;
use std::str::FromStr;

use crate::framework::{Source, SubCriterion};

use super::error::{ScoreError, Subject};

/// Who gives the points: the unit, the appraisal council (twice), or the survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    /// Tự đánh giá, by the unit.
    SelfAssessment,
    /// Thẩm định, by the appraisal council.
    Appraisal1,
    /// Thẩm định lại after the explanation round (giải trình): fixes the final score.
    Appraisal2,
    /// Điều tra xã hội học: imported, never typed by the unit.
    Survey,
}

impl Stage {
    /// In process order.
    pub const ALL: [Stage; 4] = [
        Stage::SelfAssessment,
        Stage::Appraisal1,
        Stage::Appraisal2,
        Stage::Survey,
    ];

    /// The code used on the command line, in storage and in JSON.
    pub const fn code(self) -> &'static str {
        match self {
            Stage::SelfAssessment => "self",
            Stage::Appraisal1 => "appraisal1",
            Stage::Appraisal2 => "appraisal2",
            Stage::Survey => "survey",
        }
    }

    /// The source of the sub-criteria this stage scores.
    pub fn source(self) -> Source {
        match self {
            Stage::Survey => Source::Survey,
            _ => Source::SelfAssessed,
        }
    }
}

impl FromStr for Stage {
    type Err = ScoreError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim().to_ascii_lowercase();
        Stage::ALL
            .into_iter()
            .find(|stage| stage.code() == code)
            .ok_or_else(|| ScoreError::UnknownStage {
                text: super::error::shown(s),
            })
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Refuses a score at a stage the sub-criterion does not take: units and the appraisal council
/// never score survey sub-criteria, and survey points only go to survey sub-criteria.
pub fn check_stage(sub: &SubCriterion, stage: Stage) -> Result<(), ScoreError> {
    if stage.source() == sub.source {
        return Ok(());
    }
    Err(ScoreError::WrongStage {
        subject: Subject::of(sub),
        stage,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localized};
    use crate::scoring::fixture;

    #[test]
    fn stage_parses_its_own_code_when_round_tripped() {
        for stage in Stage::ALL {
            assert_eq!(stage.code().parse::<Stage>(), Ok(stage));
        }
        assert_eq!(" Appraisal1 ".parse::<Stage>(), Ok(Stage::Appraisal1));
    }

    #[test]
    fn stage_parse_refuses_unknown_code_when_misspelled() {
        let err = "appraisal3".parse::<Stage>().unwrap_err();
        assert!(err.message(Lang::En).contains("appraisal3"));
        assert!(err.message(Lang::Vi).contains("appraisal2"));
    }

    #[test]
    fn check_stage_refuses_self_score_when_sub_is_survey() {
        let f = fixture::small();
        let survey = f.sub("2.2.1").unwrap();
        for stage in [Stage::SelfAssessment, Stage::Appraisal1, Stage::Appraisal2] {
            let err = check_stage(survey, stage).unwrap_err();
            let vi = err.message(Lang::Vi);
            assert!(vi.contains("2.2.1") && vi.contains("1,5"), "{vi}");
            assert!(err.to_string().contains("2.2.1"));
        }
        assert_eq!(check_stage(survey, Stage::Survey), Ok(()));
    }

    #[test]
    fn check_stage_refuses_survey_points_when_sub_is_self_assessed() {
        let f = fixture::small();
        let own = f.sub("1.1.1").unwrap();
        let err = check_stage(own, Stage::Survey).unwrap_err();
        assert!(err.message(Lang::En).contains("1.1.1"));
        assert_eq!(check_stage(own, Stage::SelfAssessment), Ok(()));
        assert_eq!(check_stage(own, Stage::Appraisal2), Ok(()));
    }
}
