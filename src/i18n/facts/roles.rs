//! The words of an officer's refused action.

use crate::i18n::{Lang, Localized};
use crate::roles::{Denied, Role};

impl Localized for Denied {
    fn message(&self, lang: Lang) -> String {
        let who = &self.user;
        match (self.needed, lang) {
            (Role::Appraiser, Lang::Vi) => format!(
                "Chỉ Hội đồng thẩm định được chấm điểm thẩm định ({who} không có vai trò appraiser{}{})",
                unit_vi(&self.unit),
                self.area
                    .as_ref()
                    .map(|a| format!(" ở lĩnh vực {a}"))
                    .unwrap_or_default()
            ),
            (Role::Appraiser, Lang::En) => format!(
                "Only the appraisal council may enter appraisal scores ({who} has no appraiser role{}{})",
                unit_en(&self.unit),
                self.area
                    .as_ref()
                    .map(|a| format!(" in area {a}"))
                    .unwrap_or_default()
            ),
            (Role::Unit, Lang::Vi) => format!(
                "Chỉ cán bộ của đơn vị được tự chấm điểm, bổ sung tài liệu kiểm chứng và giải trình ({who} không được giao đơn vị{})",
                unit_vi(&self.unit)
            ),
            (Role::Unit, Lang::En) => format!(
                "Only the unit's own officers may self-score, add evidence and explanations ({who} is not assigned{})",
                unit_en(&self.unit)
            ),
            (_, Lang::Vi) => format!(
                "Chỉ quản trị viên (Sở Nội vụ) được thực hiện thao tác này ({who} không có vai trò admin)"
            ),
            (_, Lang::En) => format!(
                "Only an administrator (Department of Home Affairs) may do this ({who} has no admin role)"
            ),
        }
    }
}

fn unit_vi(unit: &Option<String>) -> String {
    unit.as_ref()
        .map(|u| format!(" cho đơn vị {u}"))
        .unwrap_or_default()
}

fn unit_en(unit: &Option<String>) -> String {
    unit.as_ref()
        .map(|u| format!(" for unit {u}"))
        .unwrap_or_default()
}
