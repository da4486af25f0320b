//! Officers and what each may change: `admin` (everything), `appraiser` (appraisal stages and
//! council notes, for all units or a list), `unit` (self-assessment, evidence and explanations
//! for named units), `viewer` (review only). Pure: the store reads the grants, this decides.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::cycle::FieldGroup;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Appraiser,
    Unit,
    Viewer,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Appraiser => "appraiser",
            Role::Unit => "unit",
            Role::Viewer => "viewer",
        }
    }
}

impl FromStr for Role {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "admin" => Ok(Role::Admin),
            "appraiser" => Ok(Role::Appraiser),
            "unit" => Ok(Role::Unit),
            "viewer" => Ok(Role::Viewer),
            other => Err(format!(
                "role: '{other}' is not one of admin, appraiser, unit, viewer"
            )),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One role, for all units (`units` empty) or for the listed ones; an appraiser's also for
/// all areas (`areas` empty) or the listed ones (the council splits the work by area: Sở Tư pháp
/// appraises thể chế, Sở Tài chính tài chính công, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<String>,
}

impl Grant {
    /// Covers `unit` (or, for `None`, every unit) and `area` (for `None`, an action on no one
    /// area, which an area-scoped grant does not cover: return, finalize, bonus and penalty).
    fn covers(&self, unit: Option<&str>, area: Option<&str>) -> bool {
        let unit_ok = match unit {
            Some(u) => self.units.is_empty() || self.units.iter().any(|x| x == u),
            None => self.units.is_empty(),
        };
        let area_ok = match area {
            Some(a) => self.areas.is_empty() || self.areas.iter().any(|x| x == a),
            None => self.areas.is_empty(),
        };
        unit_ok && area_ok
    }
}

/// The area a target belongs to: the first part of a sub-criterion code (`2` of `2.1.3`);
/// `None` for targets that are not sub-criteria (bonus, penalty, status).
pub fn area_of(target: &str) -> Option<&str> {
    let head = target.split('.').next()?;
    (!head.is_empty() && head.chars().all(|c| c.is_ascii_alphanumeric()) && target.contains('.'))
        .then_some(head)
}

/// What an officer asks to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action<'a> {
    /// Change a field of a unit's assessment, in an area (`None`: bonus, penalty).
    Change {
        unit: &'a str,
        group: FieldGroup,
        area: Option<&'a str>,
    },
    /// Hand in a unit's self-assessment (or its explanation-round answers).
    Submit { unit: &'a str },
    /// Return, finalize or reopen a unit's assessment.
    Decide { unit: &'a str },
    /// Frameworks, units, deadlines, officers, merging copies, sample data.
    Administer,
}

/// Why an action is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denied {
    pub user: String,
    pub needed: Role,
    pub unit: Option<String>,
    /// The area asked for, when the officer's grants are for other areas.
    pub area: Option<String>,
}

/// An officer's grants as the log keeps them: `null` for an officer removed.
pub fn encode_grants(grants: Option<&[Grant]>) -> String {
    serde_json::json!(grants).to_string()
}

/// The grants an officer's event holds; `None` for an officer removed (or an unreadable value).
pub fn decode_grants(value: &str) -> Option<Vec<Grant>> {
    serde_json::from_str::<Option<Vec<Grant>>>(value)
        .ok()
        .flatten()
}

/// Whether an officer with `grants` may do `action`. `enforced` is false while the database has
/// no administrator yet (single-user mode: everything is allowed).
pub fn may(user: &str, grants: &[Grant], enforced: bool, action: Action) -> Result<(), Denied> {
    if !enforced || grants.iter().any(|g| g.role == Role::Admin) {
        return Ok(());
    }
    let has = |role: Role, unit: Option<&str>, area: Option<&str>| {
        grants
            .iter()
            .any(|g| g.role == role && g.covers(unit, area))
    };
    // Areas scope the council's scoring; the unit's own officers work on every area.
    let (needed, unit, area) = match action {
        Action::Administer => (Role::Admin, None, None),
        Action::Submit { unit } => (Role::Unit, Some(unit), None),
        Action::Decide { unit } => (Role::Appraiser, Some(unit), None),
        Action::Change { unit, group, area } => match group {
            FieldGroup::SelfScore | FieldGroup::UnitSupport => (Role::Unit, Some(unit), None),
            FieldGroup::Appraisal | FieldGroup::Survey | FieldGroup::BonusPenalty => {
                (Role::Appraiser, Some(unit), area)
            }
        },
    };
    if has(needed, unit, area) {
        return Ok(());
    }
    // The area is named in the refusal when the officer holds the role for other areas.
    let other_areas = grants
        .iter()
        .any(|g| g.role == needed && !g.areas.is_empty());
    Err(Denied {
        user: user.into(),
        needed,
        unit: unit.map(String::from),
        area: area.filter(|_| other_areas).map(String::from),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, Localized};

    fn grant(role: Role, units: &[&str]) -> Grant {
        Grant {
            role,
            units: units.iter().map(|u| u.to_string()).collect(),
            areas: Vec::new(),
        }
    }

    const SELF: FieldGroup = FieldGroup::SelfScore;
    const APPRAISAL: FieldGroup = FieldGroup::Appraisal;

    #[test]
    fn single_user_mode_allows_everything() {
        assert!(may("lan", &[], false, Action::Administer).is_ok());
    }

    #[test]
    fn unit_officer_self_scores_only_their_units() {
        let g = [grant(Role::Unit, &["dong-hoi"])];
        assert!(
            may(
                "lan",
                &g,
                true,
                Action::Change {
                    unit: "dong-hoi",
                    group: SELF,
                    area: None,
                }
            )
            .is_ok()
        );
        assert!(may("lan", &g, true, Action::Submit { unit: "dong-hoi" }).is_ok());
        let denied = may(
            "lan",
            &g,
            true,
            Action::Change {
                unit: "ba-don",
                group: SELF,
                area: None,
            },
        )
        .unwrap_err();
        assert_eq!(denied.needed, Role::Unit);
        let denied = may(
            "lan",
            &g,
            true,
            Action::Change {
                unit: "dong-hoi",
                group: APPRAISAL,
                area: None,
            },
        )
        .unwrap_err();
        assert!(
            denied
                .message(Lang::Vi)
                .starts_with("Chỉ Hội đồng thẩm định được chấm điểm thẩm định")
        );
    }

    #[test]
    fn appraiser_for_all_units_appraises_but_does_not_self_score() {
        let g = [grant(Role::Appraiser, &[])];
        assert!(
            may(
                "tuan",
                &g,
                true,
                Action::Change {
                    unit: "ba-don",
                    group: APPRAISAL,
                    area: None,
                }
            )
            .is_ok()
        );
        assert!(may("tuan", &g, true, Action::Decide { unit: "ba-don" }).is_ok());
        assert!(
            may(
                "tuan",
                &g,
                true,
                Action::Change {
                    unit: "ba-don",
                    group: SELF,
                    area: None,
                }
            )
            .is_err()
        );
        assert!(may("tuan", &g, true, Action::Administer).is_err());
    }

    #[test]
    fn viewer_changes_nothing_and_admin_everything() {
        let viewer = [grant(Role::Viewer, &[])];
        assert!(
            may(
                "x",
                &viewer,
                true,
                Action::Change {
                    unit: "a",
                    group: SELF,
                    area: None,
                }
            )
            .is_err()
        );
        assert!(may("x", &viewer, true, Action::Submit { unit: "a" }).is_err());
        let admin = [grant(Role::Admin, &[])];
        assert!(may("x", &admin, true, Action::Administer).is_ok());
        assert!(
            may(
                "x",
                &admin,
                true,
                Action::Change {
                    unit: "a",
                    group: APPRAISAL,
                    area: None,
                }
            )
            .is_ok()
        );
    }

    #[test]
    fn an_area_scoped_appraiser_scores_their_areas_only_and_decides_nothing() {
        let g = [Grant {
            role: Role::Appraiser,
            units: Vec::new(),
            areas: vec!["2".into(), "6".into()],
        }];
        let change = |area| Action::Change {
            unit: "phuong-dong-hoi",
            group: APPRAISAL,
            area,
        };
        assert!(may("tu-phap", &g, true, change(Some("2"))).is_ok());
        assert!(may("tu-phap", &g, true, change(Some("6"))).is_ok());
        let denied = may("tu-phap", &g, true, change(Some("3"))).unwrap_err();
        assert_eq!(denied.area.as_deref(), Some("3"));
        assert!(
            denied.message(Lang::En).contains("in area 3"),
            "{}",
            denied.message(Lang::En)
        );
        assert!(
            may("tu-phap", &g, true, change(None)).is_err(),
            "bonus and penalty"
        );
        assert!(
            may(
                "tu-phap",
                &g,
                true,
                Action::Decide {
                    unit: "phuong-dong-hoi"
                }
            )
            .is_err(),
            "return and finalize are the whole council's"
        );
        assert_eq!(area_of("2.1.3"), Some("2"));
        assert_eq!(area_of("bonus"), None);
    }
}
