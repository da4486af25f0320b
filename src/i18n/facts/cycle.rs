//! The words of the cycle's facts: statuses, deadlines, locks and the completeness gate's gaps.

use crate::cycle::{DeadlineStage, FieldGroup, GapKind, Gaps, Lock, Status, date_vn};
use crate::i18n::{Lang, Localized};

impl Status {
    /// The status as the appraisal council names it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Draft, Lang::Vi) => "Đang tự chấm",
            (Status::Submitted, Lang::Vi) => "Đã nộp",
            (Status::Appraising, Lang::Vi) => "Đang thẩm định",
            (Status::Returned, Lang::Vi) => "Giải trình",
            (Status::Final, Lang::Vi) => "Đã chốt",
            (Status::Draft, Lang::En) => "Self-assessing",
            (Status::Submitted, Lang::En) => "Submitted",
            (Status::Appraising, Lang::En) => "Appraising",
            (Status::Returned, Lang::En) => "Explanation round",
            (Status::Final, Lang::En) => "Final",
        }
    }
}

impl Localized for Lock {
    fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Lock::Status {
                    status: Status::Final,
                    ..
                },
                Lang::Vi,
            ) => "kết quả đã chốt (final): không thể thay đổi".into(),
            (
                Lock::Status {
                    status: Status::Final,
                    ..
                },
                Lang::En,
            ) => "the assessment is final: nothing can be changed".into(),
            (Lock::Status { status, group }, Lang::Vi) => format!(
                "trạng thái '{}' không cho phép sửa {}",
                status.label(lang),
                group_vi(*group)
            ),
            (Lock::Status { status, group }, Lang::En) => format!(
                "status '{}' does not allow changing {}",
                status.label(lang),
                group_en(*group)
            ),
            (
                Lock::Deadline {
                    deadline,
                    stage: DeadlineStage::SelfAssessment,
                },
                Lang::Vi,
            ) => format!(
                "đã quá hạn tự chấm điểm ({}): điểm tự đánh giá đã khóa",
                date_vn(deadline)
            ),
            (
                Lock::Deadline {
                    deadline,
                    stage: DeadlineStage::SelfAssessment,
                },
                Lang::En,
            ) => format!(
                "the self-scoring deadline ({}) has passed: self scores are locked",
                date_vn(deadline)
            ),
            (Lock::Deadline { deadline, stage }, Lang::Vi) => format!(
                "đã quá {} ({}): giai đoạn này đã khóa",
                stage.label(lang).to_lowercase(),
                date_vn(deadline)
            ),
            (Lock::Deadline { deadline, stage }, Lang::En) => format!(
                "the {} ({}) has passed: this stage is locked",
                stage.label(lang).to_lowercase(),
                date_vn(deadline)
            ),
        }
    }
}

fn group_vi(g: FieldGroup) -> &'static str {
    match g {
        FieldGroup::SelfScore => "điểm tự đánh giá",
        FieldGroup::UnitSupport => "tài liệu kiểm chứng, giải trình",
        FieldGroup::Appraisal => "điểm thẩm định",
        FieldGroup::Survey => "điểm điều tra xã hội học",
        FieldGroup::BonusPenalty => "điểm thưởng, điểm trừ",
    }
}

fn group_en(g: FieldGroup) -> &'static str {
    match g {
        FieldGroup::SelfScore => "self scores",
        FieldGroup::UnitSupport => "evidence and explanations",
        FieldGroup::Appraisal => "appraisal scores",
        FieldGroup::Survey => "survey points",
        FieldGroup::BonusPenalty => "bonus and penalty points",
    }
}

impl DeadlineStage {
    /// "Hạn tự chấm điểm", "Hạn giải trình", ...
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DeadlineStage::SelfAssessment, Lang::Vi) => "Hạn tự chấm điểm",
            (DeadlineStage::Explanation, Lang::Vi) => "Hạn giải trình",
            (DeadlineStage::Appraisal1, Lang::Vi) => "Hạn thẩm định lần 1",
            (DeadlineStage::Appraisal2, Lang::Vi) => "Hạn thẩm định lần 2",
            (DeadlineStage::SelfAssessment, Lang::En) => "Self-scoring deadline",
            (DeadlineStage::Explanation, Lang::En) => "Explanation deadline",
            (DeadlineStage::Appraisal1, Lang::En) => "Appraisal round 1 deadline",
            (DeadlineStage::Appraisal2, Lang::En) => "Appraisal round 2 deadline",
        }
    }
}

impl GapKind {
    /// "49 tiêu chí chưa chấm" with the count in front.
    pub fn counted(self, n: usize, lang: Lang) -> String {
        let what = match (self, lang) {
            (GapKind::Unscored, Lang::Vi) => "tiêu chí chưa chấm",
            (GapKind::WithoutEvidence, Lang::Vi) => "tiêu chí thiếu tài liệu kiểm chứng",
            (GapKind::MissingSurvey, Lang::Vi) => "tiêu chí chưa có điểm điều tra XHH",
            (GapKind::Conflict, Lang::Vi) => "xung đột chưa giải quyết",
            (GapKind::Quarantined, Lang::Vi) => "thay đổi bị giữ lại chờ quyết định",
            (GapKind::UnansweredNote, Lang::Vi) => "ý kiến Hội đồng chưa được giải trình",
            (GapKind::Unscored, Lang::En) => "sub-criteria not scored",
            (GapKind::WithoutEvidence, Lang::En) => "sub-criteria without evidence",
            (GapKind::MissingSurvey, Lang::En) => "sub-criteria without survey points",
            (GapKind::Conflict, Lang::En) => "unresolved conflicts",
            (GapKind::Quarantined, Lang::En) => "quarantined changes awaiting a decision",
            (GapKind::UnansweredNote, Lang::En) => "council notes not answered",
        };
        format!("{n} {what}")
    }
}

impl Gaps {
    /// One line naming the counts: "49 tiêu chí chưa chấm, 17 tiêu chí thiếu tài liệu kiểm chứng".
    pub fn summary(&self, lang: Lang) -> String {
        self.counts()
            .into_iter()
            .map(|(k, n)| k.counted(n, lang))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// One line per kind with what it names: "- 49 tiêu chí chưa chấm: 1.1.1, 1.1.2, …".
    pub fn listing(&self, lang: Lang) -> String {
        self.counts()
            .into_iter()
            .map(|(k, n)| format!("- {}: {}", k.counted(n, lang), self.of(k).join(", ")))
            .collect::<Vec<_>>()
            .join("\n")
    }
}
