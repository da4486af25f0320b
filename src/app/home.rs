//! The home screen: one year's assessments grouped by level, with each unit's status, progress,
//! totals at every stage, index, band and missing-evidence count; a diacritic-free filter; year
//! switching; and the unit picker that starts an assessment.

use rust_decimal::Decimal;

use crate::cycle::Status;
use crate::framework::{Band, Framework};
use crate::level::Level;
use crate::record::AssessmentKey;
use crate::scoring::{Headline, Part};
use crate::text::fold;
use crate::unit::Unit;

use super::action::{Action, Command, Effect, HomeData};
use super::line::LineEdit;

/// Folded words: no diacritics or case, hyphens and punctuation as spaces (`phuong-dong-hoi` and
/// "Phường Đồng Hới" both read "phuong dong hoi").
fn words(s: &str) -> String {
    let spaced: String = fold(s)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The filter of the home screen and the picker: every word typed appears in the unit's name,
/// code or parent (its district before 2025), diacritics and hyphens optional, so "dong hoi"
/// finds `phuong-dong-hoi` and "bao ninh dong-hoi" the commune Bảo Ninh of Đồng Hới.
pub fn unit_matches(query: &str, name: &str, code: &str, parent: Option<&str>) -> bool {
    let hay = [name, code, parent.unwrap_or("")].map(words).join(" ");
    words(query).split(' ').all(|w| hay.contains(w))
}

/// One assessment as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeRow {
    pub key: AssessmentKey,
    pub unit_name: String,
    /// The district a commune belonged to (before the 2025 map), for the filter.
    pub parent: Option<String>,
    /// Its name, when known: the home screen groups a level's rows under it.
    pub parent_name: Option<String>,
    pub level: Level,
    pub status: Status,
    /// (scored, applicable) self-assessed sub-criteria.
    pub progress: (usize, usize),
    pub self_part: Part,
    /// `None` before the council's first figure.
    pub appraisal1: Option<Part>,
    pub final_part: Part,
    pub total: Decimal,
    pub index_percent: Decimal,
    pub band: Option<Band>,
    pub missing_evidence: usize,
    pub conflicts: usize,
    /// The framework's decimal places for points and for the index %, so that every number
    /// of a column has the same number of places.
    pub decimals: u32,
    pub index_decimals: u32,
    /// Scored under a modelled framework (not yet the province's official text).
    pub modelled: bool,
}

impl HomeRow {
    pub fn new(
        key: AssessmentKey,
        unit: &Unit,
        status: Status,
        f: &Framework,
        t: &Headline,
    ) -> Self {
        HomeRow {
            key,
            unit_name: unit.name.clone(),
            parent: unit.parent.clone(),
            parent_name: None,
            level: unit.level,
            status,
            progress: t.progress,
            self_part: t.self_part,
            appraisal1: t.appraisal1,
            final_part: t.final_part,
            total: t.total,
            index_percent: t.index_percent,
            band: t
                .band
                .as_ref()
                .and_then(|name| f.bands.iter().find(|b| &b.name == name).cloned()),
            missing_evidence: t.missing_evidence,
            conflicts: t.conflicts,
            decimals: f.decimals,
            index_decimals: f.index_decimals,
            modelled: f.is_modelled(),
        }
    }
}

/// The list of units without an assessment this year, to start one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Picker {
    /// `None` while loading.
    pub units: Option<Vec<Unit>>,
    pub filter: LineEdit,
    pub selected: usize,
}

impl Picker {
    pub fn visible(&self) -> Vec<&Unit> {
        self.units
            .iter()
            .flatten()
            .filter(|u| unit_matches(self.filter.text(), &u.name, &u.code, u.parent.as_deref()))
            .collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    /// `None` until the first load.
    pub data: Option<HomeData>,
    pub filter: LineEdit,
    pub filtering: bool,
    /// Index into [`Home::visible`].
    pub selected: usize,
    pub picker: Option<Picker>,
    /// `x` asked to cancel this row's assessment: the next Enter or `y` does it, any other key
    /// does not.
    pub withdrawing: Option<HomeRow>,
    /// The assessment this session cancelled last (unit code, year, name): `u` restores it.
    pub withdrawn: Option<(String, i32, String)>,
}

const FIRST_YEAR: i32 = 2000;
const LAST_YEAR: i32 = 2100;

impl Home {
    pub fn year(&self) -> Option<i32> {
        self.data.as_ref().map(|d| d.year)
    }

    /// The rows the filter lets through, in level order.
    pub fn visible(&self) -> Vec<&HomeRow> {
        let q = self.filter.text();
        let all = self.data.iter().flat_map(|d| d.rows.iter());
        // Without a filter nothing is folded: a national year has ten thousand rows.
        if q.trim().is_empty() {
            return all.collect();
        }
        all.filter(|r| {
            let parent = [r.parent.as_deref(), r.parent_name.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            unit_matches(q, &r.unit_name, &r.key.unit_code, Some(&parent))
        })
        .collect()
    }

    pub fn selected_row(&self) -> Option<&HomeRow> {
        self.visible().get(self.selected).copied()
    }

    pub fn load(&mut self, data: HomeData) {
        let keep = self.selected_row().map(|r| r.key.clone());
        self.data = Some(data);
        self.selected = keep
            .and_then(|k| self.visible().iter().position(|r| r.key == k))
            .unwrap_or(0);
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if self.picker.is_some() {
            return self.update_picker(action);
        }
        match action {
            Action::HomeLoaded(data) => self.load(data),
            Action::Type(key) if self.filtering => {
                self.filter.apply(&key);
                self.selected = 0;
            }
            Action::Paste(text) if self.filtering => {
                self.filter.paste(&text);
                self.selected = 0;
            }
            Action::Do(cmd) => return self.command(cmd),
            Action::ExternalChange => return vec![Effect::LoadHome { year: self.year() }],
            _ => {}
        }
        Vec::new()
    }

    fn command(&mut self, cmd: Command) -> Vec<Effect> {
        let rows = self.visible().len();
        match cmd {
            Command::Up => self.selected = self.selected.saturating_sub(1),
            Command::Down => self.selected = (self.selected + 1).min(rows.saturating_sub(1)),
            Command::PageUp => self.selected = self.selected.saturating_sub(10),
            Command::PageDown => self.selected = (self.selected + 10).min(rows.saturating_sub(1)),
            Command::Top => self.selected = 0,
            Command::Bottom => self.selected = rows.saturating_sub(1),
            Command::Search => self.filtering = true,
            Command::Submit => self.filtering = false,
            Command::Cancel | Command::Back => self.clear_filter(),
            Command::Open => return self.open(),
            Command::PrevYear => return self.switch_year(-1),
            Command::NextYear => return self.switch_year(1),
            Command::StartAssessment => return self.start_picker(),
            _ => {}
        }
        Vec::new()
    }

    fn clear_filter(&mut self) {
        self.filtering = false;
        self.filter.clear();
        self.selected = 0;
    }

    fn open(&self) -> Vec<Effect> {
        self.selected_row()
            .map(|r| Effect::Open {
                unit: r.key.unit_code.clone(),
                year: r.key.year,
                start: false,
            })
            .into_iter()
            .collect()
    }

    fn switch_year(&mut self, delta: i32) -> Vec<Effect> {
        let Some(year) = self.year() else {
            return Vec::new();
        };
        let next = (year + delta).clamp(FIRST_YEAR, LAST_YEAR);
        if next == year {
            return Vec::new();
        }
        self.selected = 0;
        vec![Effect::LoadHome { year: Some(next) }]
    }

    fn start_picker(&mut self) -> Vec<Effect> {
        if self.year().is_none() {
            return Vec::new();
        }
        self.picker = Some(Picker::default());
        vec![Effect::LoadUnits]
    }

    fn update_picker(&mut self, action: Action) -> Vec<Effect> {
        let assessed: Vec<String> = self
            .data
            .iter()
            .flat_map(|d| d.rows.iter().map(|r| r.key.unit_code.clone()))
            .collect();
        let year = self.year();
        let Some(picker) = self.picker.as_mut() else {
            return Vec::new();
        };
        let count = picker.visible().len();
        match action {
            Action::UnitsLoaded(units) => {
                // Only the units that exist in the year shown (the 2025 map has no districts).
                let fresh = units
                    .into_iter()
                    .filter(|u| !assessed.contains(&u.code) && year.is_none_or(|y| u.exists_in(y)));
                picker.units = Some(fresh.collect());
            }
            Action::Type(key) => {
                picker.filter.apply(&key);
                picker.selected = 0;
            }
            Action::Paste(text) => picker.filter.paste(&text),
            Action::Do(Command::Up) => picker.selected = picker.selected.saturating_sub(1),
            Action::Do(Command::Down) => {
                picker.selected = (picker.selected + 1).min(count.saturating_sub(1))
            }
            Action::Do(Command::PageUp) => picker.selected = picker.selected.saturating_sub(10),
            Action::Do(Command::PageDown) => {
                picker.selected = (picker.selected + 10).min(count.saturating_sub(1))
            }
            Action::Do(Command::Cancel) => self.picker = None,
            Action::Do(Command::Submit) => {
                let unit = picker
                    .visible()
                    .get(picker.selected)
                    .map(|u| u.code.clone());
                if let (Some(unit), Some(year)) = (unit, year) {
                    return vec![Effect::Open {
                        unit,
                        year,
                        start: true,
                    }];
                }
            }
            Action::HomeLoaded(data) => self.load(data),
            _ => {}
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::unit_matches;

    #[test]
    fn filter_folds_diacritics_and_hyphens_when_matching_name_code_or_parent() {
        let dong_hoi = ("Phường Đồng Hới", "phuong-dong-hoi", None);
        let bao_ninh = ("Xã Bảo Ninh", "dong-hoi-bao-ninh", Some("dong-hoi"));
        let m = |q: &str, (name, code, parent): (&str, &str, Option<&str>)| {
            unit_matches(q, name, code, parent)
        };
        assert!(m("dong hoi", dong_hoi), "spaces find hyphens");
        assert!(m("Đồng-Hới", dong_hoi), "hyphens find spaces");
        assert!(m("", dong_hoi) && m("  ", dong_hoi));
        assert!(
            m("bao ninh dong-hoi", bao_ninh),
            "words across name and parent"
        );
        assert!(m("ninh bao", bao_ninh), "in any order");
        assert!(!m("dong thuan", dong_hoi));
        assert!(!m("so y te", bao_ninh));
    }
}
