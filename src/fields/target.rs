//! The typed target of a field: what in an assessment (or on a year's or the officers' key) a
//! field belongs to.

use super::*;

/// What a field belongs to, typed: `as_str` (and `Display`) give exactly the name stored in an
/// event's `target` column, and `From<&str>` reads any stored name back (a name that is none of
/// the fixed ones is a framework item's code), so reading and writing round-trip byte for byte.
///
/// Two targets are equal when their stored names are: a framework code that happens to spell a
/// fixed name is that target, as it always was in the log.
#[derive(Debug, Clone)]
pub enum Target {
    /// A framework item: a sub-criterion's code (`1.1.2`) or a bonus or penalty item's code.
    Item(String),
    /// The assessment's bonus points (older frameworks without bonus items).
    Bonus,
    /// The assessment's penalty points (older frameworks without penalty items).
    Penalty,
    /// The workflow state and withdrawal of an assessment.
    Status,
    /// The assessment's evidence library.
    Library,
    /// Year-wide settings on the year's key: the stages' deadlines.
    Year,
    /// The officers and their grants, on the officers' key (field: the OS user name).
    Officer,
    /// The officers' signing keys, on the officers' key (field: the OS user name).
    Key,
    /// An administrator's choice of framework for a unit, on the year's key (field: the unit).
    FrameworkChoice,
    /// The council's decisions on refused events, on the year's key (field: the refused
    /// event's id; value `{"decision": "accept" | "dismiss"}`).
    Quarantine,
}

/// The fixed targets, each with its stored name (`as_str` names them the same way; a test
/// holds the two together).
const FIXED: [(Target, &str); 9] = [
    (Target::Bonus, BONUS),
    (Target::Penalty, PENALTY),
    (Target::Status, STATUS),
    (Target::Library, LIBRARY),
    (Target::Year, "year"),
    (Target::Officer, "officer"),
    (Target::Key, "key"),
    (Target::FrameworkChoice, "framework"),
    (Target::Quarantine, "quarantine"),
];

impl Target {
    /// A framework item's target by its code (a fixed target if the code spells one).
    pub fn item(code: &str) -> Target {
        Target::from(code)
    }

    /// The stored name.
    pub fn as_str(&self) -> &str {
        match self {
            Target::Item(code) => code,
            Target::Bonus => BONUS,
            Target::Penalty => PENALTY,
            Target::Status => STATUS,
            Target::Library => LIBRARY,
            Target::Year => "year",
            Target::Officer => "officer",
            Target::Key => "key",
            Target::FrameworkChoice => "framework",
            Target::Quarantine => "quarantine",
        }
    }

    /// The fixed target a stored name spells, if it spells one (`None`: a framework item's
    /// code), without allocating: for readers that fold many rows.
    pub fn fixed(name: &str) -> Option<Target> {
        FIXED
            .iter()
            .find(|(_, stored)| *stored == name)
            .map(|(t, _)| t.clone())
    }

    /// The stored names of the fixed targets (every one but a framework item's code).
    pub fn fixed_names() -> impl Iterator<Item = &'static str> {
        FIXED.iter().map(|(_, name)| *name)
    }
}

impl From<&str> for Target {
    fn from(name: &str) -> Target {
        Target::fixed(name).unwrap_or_else(|| Target::Item(name.to_string()))
    }
}

impl From<&String> for Target {
    fn from(name: &String) -> Target {
        Target::from(name.as_str())
    }
}

impl From<String> for Target {
    fn from(name: String) -> Target {
        Target::fixed(&name).unwrap_or(Target::Item(name))
    }
}

impl PartialEq for Target {
    fn eq(&self, other: &Target) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Target {}

impl std::hash::Hash for Target {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

/// Ordered by stored name, as the log's rows are.
impl Ord for Target {
    fn cmp(&self, other: &Target) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for Target {
    fn partial_cmp(&self, other: &Target) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

spelled_as_stored!(Target);

/// A target reads as its stored name wherever a name is asked for (a lookup by code, a
/// wording of the name), as `String` does.
impl std::ops::Deref for Target {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Target {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Target {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl serde::Serialize for Target {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stored_name_reads_back_as_the_target_it_names() {
        for (target, name) in FIXED {
            assert_eq!(target.as_str(), name);
            assert!(matches!(
                (Target::from(name), &target),
                (a, b) if std::mem::discriminant(&a) == std::mem::discriminant(b)
            ));
        }
        for code in ["1.1.1", "TH1", "", "Status", " status", "evidence/x"] {
            assert_eq!(Target::from(code), Target::Item(code.into()));
            assert_eq!(Target::from(code).as_str(), code, "round trip of {code:?}");
        }
    }

    #[test]
    fn a_code_that_spells_a_fixed_name_is_that_target() {
        assert_eq!(Target::Item("status".into()), Target::Status);
        assert!(matches!(Target::item("status"), Target::Status));
        assert_eq!(Target::item("1.2"), "1.2");
        assert_eq!("1.2", Target::item("1.2"));
        let mut set = std::collections::HashSet::new();
        set.insert(Target::Item("library".into()));
        assert!(set.contains(&Target::Library) && set.contains("library"));
    }

    #[test]
    fn no_framework_item_may_take_a_fixed_name() {
        for (_, name) in FIXED {
            assert!(
                crate::framework::RESERVED_CODES.contains(&name),
                "a bonus or penalty item coded {name:?} would be read back as that target"
            );
        }
    }

    #[test]
    fn targets_sort_as_their_stored_names() {
        let mut all: Vec<Target> = ["status", "1.10", "1.2", "bonus", "year"]
            .map(Target::from)
            .into();
        all.sort();
        let names: Vec<&str> = all.iter().map(Target::as_str).collect();
        assert_eq!(names, ["1.10", "1.2", "bonus", "status", "year"]);
    }
}
