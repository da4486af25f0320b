//! Carrying out the app's effects against the store, and reporting back with actions. The only
//! place where the TUI touches the database, the clock and the officer's identity.

use std::sync::Arc;

use crate::app::home::HomeRow;
use crate::app::{Action, Change, Effect, HomeData, Opened, Reloaded};
use crate::cycle::FieldGroup;
use crate::framework::Framework;
use crate::i18n::{Lang, Localized};
use crate::scoring;
use crate::store::{
    Actor, AssessmentKey, SaveOutcome, Store, StoreError, Write, now_utc, today_local,
};

pub struct Shell {
    pub store: Store,
    pub actor: Actor,
    lang: Lang,
    /// Review mode on a database opened read-only: drafts are neither kept nor forgotten.
    pub read_only: bool,
}

impl Shell {
    pub fn new(store: Store, actor: Actor, lang: Lang) -> Shell {
        Shell {
            store,
            actor,
            lang,
            read_only: false,
        }
    }

    /// Runs one effect; store errors come back as `Failed` with the officer's wording.
    pub fn execute(&mut self, effect: Effect) -> Vec<Action> {
        let result = match effect {
            Effect::LoadHome { year } => self.load_home(year).map(Action::HomeLoaded),
            Effect::LoadUnits => self.store.units(None).map(Action::UnitsLoaded),
            Effect::Open { unit, year, start } => self.open(&unit, year, start),
            Effect::Reload { key } => self.reloaded(&key).map(Action::Reloaded),
            Effect::Save { key, changes } => self.save(&key, changes),
            Effect::LoadHistory { key, target } => self.history(&key, target),
            Effect::Transition { key, transition } => self.transition(&key, transition),
            Effect::LoadRanking { year, level } => {
                crate::report::gather_ranking(&self.store, year, level)
                    .map(|r| Action::RankingLoaded(Box::new(r)))
            }
            Effect::LoadConflicts { only } => self
                .store
                .conflicts(only.as_ref())
                .map(Action::ConflictsLoaded),
            Effect::Resolve {
                key,
                target,
                field,
                value,
                heads,
            } => self.resolve(&key, target, field, value, heads),
            Effect::SaveDraft(_) | Effect::DiscardDraft { .. } if self.read_only => {
                return Vec::new();
            }
            Effect::SaveDraft(mut draft) => {
                draft.at = now_utc();
                let error = self.store.save_draft(&self.actor.user, &draft).err();
                return self.quiet(error);
            }
            Effect::DiscardDraft { key, target, field } => {
                let user = self.actor.user.clone();
                let error = self.store.take_draft(&user, &key, &target, &field).err();
                return self.quiet(error);
            }
            Effect::Quit | Effect::Redraw => return Vec::new(),
        };
        match result {
            Ok(action) => vec![action],
            Err(e) => vec![Action::Failed(e.message(self.lang))],
        }
    }

    fn quiet(&self, error: Option<StoreError>) -> Vec<Action> {
        error
            .map(|e| Action::Failed(e.message(self.lang)))
            .into_iter()
            .collect()
    }

    /// Frameworks are parsed once per connection by the store.
    fn framework(&self, id: &str) -> Result<Arc<Framework>, StoreError> {
        self.store.framework(id)
    }

    /// One year of assessments: the given year, else the newest with data, else this year.
    /// One year's assessments of every level, read level by level in one pass each (a query
    /// per assessment made the province's home screen take 55 ms).
    fn load_home(&mut self, year: Option<i32>) -> Result<HomeData, StoreError> {
        let years = self.store.assessment_years()?;
        let this_year = today_local()[..4].parse().unwrap_or(2025);
        let year = year.or(years.first().copied()).unwrap_or(this_year);
        let units = self.store.units(None)?;
        let position: std::collections::HashMap<&str, usize> = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.code.as_str(), i))
            .collect();
        let mut rows = Vec::new();
        for level in crate::level::Level::ALL {
            let mut level_rows = Vec::new();
            let store = &self.store;
            store.visit_level_inputs(year, level, |key, inputs, status| {
                let Some(unit) = position.get(key.unit_code.as_str()).map(|&i| &units[i]) else {
                    return Ok(());
                };
                let framework = store.framework(&key.framework_id)?;
                let totals = scoring::totals(&framework, &inputs);
                level_rows.push(HomeRow::new(key, unit, status, &framework, &totals));
                Ok(())
            })?;
            level_rows.sort_by_key(|row| position.get(row.key.unit_code.as_str()).copied());
            rows.extend(level_rows);
        }
        // Every field in conflict counts, not only those the totals use (notes, evidence).
        let mut in_conflict: std::collections::HashMap<AssessmentKey, usize> =
            std::collections::HashMap::new();
        for c in self
            .store
            .conflicts(None)?
            .into_iter()
            .filter(|c| c.key.year == year)
        {
            *in_conflict.entry(c.key).or_default() += 1;
        }
        for row in &mut rows {
            row.conflicts = in_conflict.get(&row.key).copied().unwrap_or(0);
        }
        Ok(HomeData { year, years, rows })
    }

    fn open(&mut self, unit: &str, year: i32, start: bool) -> Result<Action, StoreError> {
        let key = if start {
            self.store.start_assessment(unit, year, None, &self.actor)?
        } else {
            self.store
                .find_assessment(unit, year)?
                .ok_or_else(|| StoreError::UnknownUnit(unit.to_string()))?
        };
        let opened = Opened {
            unit: self.store.unit(unit)?,
            framework: self.framework(&key.framework_id)?.as_ref().clone(),
            status: self.store.status(&key)?,
            fields: self.store.fields(&key)?,
            drafts: self.store.drafts(&self.actor.user, &key)?,
            refusals: self.refusals(&key),
            second_round: self.second_round(&key)?,
            key,
        };
        Ok(Action::Opened(Box::new(opened)))
    }

    /// What this officer's role keeps them from changing in an assessment (the store refuses
    /// it on save anyway; this lets the TUI say so before anything is typed).
    fn refusals(&self, key: &AssessmentKey) -> Vec<(FieldGroup, String)> {
        [
            FieldGroup::SelfScore,
            FieldGroup::UnitSupport,
            FieldGroup::Appraisal,
        ]
        .into_iter()
        .filter_map(|group| {
            let action = crate::roles::Action::Change {
                unit: &key.unit_code,
                group,
            };
            let refused = self.store.authorize(&self.actor, action).err()?;
            Some((group, refused.message(self.lang)))
        })
        .collect()
    }

    fn reloaded(&self, key: &AssessmentKey) -> Result<Reloaded, StoreError> {
        Ok(Reloaded {
            key: key.clone(),
            status: self.store.status(key)?,
            fields: self.store.fields(key)?,
            second_round: self.second_round(key)?,
        })
    }

    /// The council appraises a second time once the assessment went through the explanation
    /// round (it was `returned` at some point).
    fn second_round(&self, key: &AssessmentKey) -> Result<bool, StoreError> {
        let returned = serde_json::Value::from(crate::cycle::Status::Returned.code()).to_string();
        Ok(self
            .store
            .history(key, "status", "status")?
            .iter()
            .any(|e| e.value == returned))
    }

    fn transition(
        &mut self,
        key: &AssessmentKey,
        transition: crate::cycle::Transition,
    ) -> Result<Action, StoreError> {
        self.store.transition(key, transition, &self.actor, None)?;
        Ok(Action::Transitioned(self.reloaded(key)?))
    }

    /// A new event over every head of a field in conflict (a typed score is checked against
    /// its sub-criterion first).
    fn resolve(
        &mut self,
        key: &AssessmentKey,
        target: String,
        field: String,
        value: String,
        heads: Vec<String>,
    ) -> Result<Action, StoreError> {
        if let Some(message) = self.check_points(key, &target, &field, &value)? {
            return Ok(Action::Failed(message));
        }
        let write = Write {
            key,
            target: &target,
            field: &field,
            value,
            seen_heads: Some(heads),
            reason: Some("resolve".into()),
        };
        match self.store.save(write, &self.actor, &today_local())? {
            SaveOutcome::Saved(_) => Ok(Action::Resolved { target, field }),
            // Someone resolved or changed it meanwhile: show the list as it is now.
            SaveOutcome::Conflict(_) => self.store.conflicts(None).map(Action::ConflictsLoaded),
        }
    }

    /// Why typed points are refused for their sub-criterion (above the max, too many decimals).
    fn check_points(
        &mut self,
        key: &AssessmentKey,
        target: &str,
        field: &str,
        value: &str,
    ) -> Result<Option<String>, StoreError> {
        let Some(score) = crate::fields::decode_score(value) else {
            return Ok(None);
        };
        if field.parse::<scoring::Stage>().is_err() {
            return Ok(None);
        }
        let framework = self.framework(&key.framework_id)?;
        let Some(sub) = framework.sub(target) else {
            return Ok(None);
        };
        let text = scoring::canonical(score.points);
        Ok(scoring::parse_points(&text, sub, framework.decimals)
            .err()
            .map(|e| e.message(self.lang)))
    }

    /// Saves against the heads the officer saw: a conflict comes back, never an overwrite.
    fn save_changes(
        &mut self,
        key: &AssessmentKey,
        changes: &[Change],
    ) -> Result<Option<Box<crate::store::FieldState>>, StoreError> {
        let writes = changes
            .iter()
            .map(|c| Write {
                key,
                target: &c.target,
                field: &c.field,
                value: c.value.clone(),
                seen_heads: Some(c.seen_heads.clone()),
                reason: c.reason.clone(),
            })
            .collect();
        let outcomes = self.store.save_all(writes, &self.actor, &today_local())?;
        Ok(match outcomes.into_iter().next() {
            Some(SaveOutcome::Conflict(theirs)) => Some(Box::new(theirs)),
            _ => None,
        })
    }

    fn save(&mut self, key: &AssessmentKey, changes: Vec<Change>) -> Result<Action, StoreError> {
        match self.save_changes(key, &changes)? {
            Some(theirs) => Ok(Action::Conflict { theirs, changes }),
            None => Ok(Action::Saved(self.reloaded(key)?)),
        }
    }

    fn history(&self, key: &AssessmentKey, target: String) -> Result<Action, StoreError> {
        let mut events = Vec::new();
        for state in self
            .store
            .fields(key)?
            .iter()
            .filter(|s| s.target == target)
        {
            events.extend(self.store.history(key, &target, &state.field)?);
        }
        Ok(Action::HistoryLoaded { target, events })
    }
}
