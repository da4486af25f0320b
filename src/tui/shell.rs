//! Carrying out the app's effects against the store, and reporting back with actions. The only
//! place where the TUI touches the database, the clock and the officer's identity.

use std::sync::Arc;

use crate::app::home::HomeRow;
use crate::app::{Action, Change, Effect, HomeData, Opened, Reloaded};
use crate::command::change::Outcome;
use crate::command::conflict::Resolve;
use crate::command::{self, Clock, CommandError};
use crate::cycle::FieldGroup;
use crate::fields::Target;
use crate::framework::Framework;
use crate::i18n::{Lang, Localized};
use crate::scoring::Headline;
use crate::store::{Actor, AssessmentKey, Store, StoreError, today_local};

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

    /// Runs one effect; store errors come back as `Failed` with the officer's wording, and a
    /// change that found the database busy comes back as `Busy` with the effect to try again.
    pub fn execute(&mut self, effect: Effect) -> Vec<Action> {
        let again = matches!(
            effect,
            Effect::Save { .. }
                | Effect::Transition { .. }
                | Effect::Resolve { .. }
                | Effect::Withdraw { .. }
                | Effect::Accept { .. }
                | Effect::Dismiss { .. }
        )
        .then(|| effect.clone());
        let result = match self.run(effect) {
            Ok(Some(action)) => Ok(action),
            Ok(None) => return Vec::new(),
            Err(e) => Err(e),
        };
        match result {
            Ok(action) => vec![action],
            Err(e) if e.is_busy() && again.is_some() => {
                vec![Action::Busy(Box::new(again.unwrap_or(Effect::Quit)))]
            }
            Err(e) => {
                if let CommandError::Store(StoreError::Corrupt(why)) = &e {
                    self.store.stop_writes(why);
                }
                vec![Action::Failed(e.message(self.lang))]
            }
        }
    }

    fn run(&mut self, effect: Effect) -> Result<Option<Action>, CommandError> {
        let result: Result<Action, CommandError> = match effect {
            Effect::LoadHome { year } => self
                .load_home(year)
                .map(Action::HomeLoaded)
                .map_err(CommandError::from),
            Effect::LoadUnits => self
                .store
                .units(None)
                .map(Action::UnitsLoaded)
                .map_err(CommandError::from),
            Effect::Open { unit, year, start } => {
                self.open(&unit, year, start).map_err(CommandError::from)
            }
            Effect::Reload { key } => self
                .reloaded(&key)
                .map(Action::Reloaded)
                .map_err(CommandError::from),
            Effect::Save { key, changes } => self.save(&key, changes),
            Effect::LoadHistory { key, target } => {
                self.history(&key, target).map_err(CommandError::from)
            }
            Effect::Transition {
                key,
                transition,
                incomplete,
            } => self.transition(&key, transition, incomplete),
            Effect::Withdraw { unit, year, cancel } => self.withdraw(unit, year, cancel),
            Effect::LoadRanking { year, level } => {
                crate::report::gather_ranking(&self.store, year, level)
                    .map(|r| Action::RankingLoaded(Box::new(r)))
                    .map_err(CommandError::from)
            }
            Effect::LoadConflicts { only } => {
                self.conflicts(only.as_ref()).map_err(CommandError::from)
            }
            Effect::Resolve {
                target,
                field,
                value,
                heads,
                reason,
                ..
            } => self.resolve(target, field, value, heads, reason),
            Effect::LoadQuarantine => command::quarantine::reviewable(&mut self.store, &self.actor)
                .map(|list| {
                    let units =
                        self.unit_names(list.iter().map(|q| q.event.key.unit_code.as_str()));
                    Action::QuarantineLoaded { list, units }
                }),
            Effect::Accept { id } => {
                command::quarantine::accept(&mut self.store, &self.actor, &Clock::system(), &id)
                    .map(|_| Action::Decided { accepted: true, id })
            }
            Effect::Dismiss { id, reason } => command::quarantine::dismiss(
                &mut self.store,
                &self.actor,
                &Clock::system(),
                &id,
                Some(&reason),
            )
            .map(|_| Action::Decided {
                accepted: false,
                id,
            }),
            Effect::SaveDraft(_) | Effect::DiscardDraft { .. } if self.read_only => {
                return Ok(None);
            }
            Effect::SaveDraft(draft) => {
                command::draft::keep(&mut self.store, &self.actor, &Clock::system(), draft)?;
                return Ok(None);
            }
            Effect::DiscardDraft { key, target, field } => {
                command::draft::forget(&mut self.store, &self.actor, (&key, &target, &field))?;
                return Ok(None);
            }
            Effect::Quit | Effect::Redraw => return Ok(None),
        };
        result.map(Some)
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
        let mut rows = Vec::new();
        for level in crate::level::Level::ALL {
            let mut level_rows = Vec::new();
            for (kept, listed) in self.store.level_totals::<Headline>(year, level)? {
                let framework = self.store.framework(&kept.key.framework_id)?;
                let mut row = HomeRow::new(
                    kept.key,
                    &listed.unit,
                    kept.status,
                    &framework,
                    &kept.totals,
                );
                row.parent_name = listed.parent_name;
                level_rows.push((listed.parent_rank, row));
            }
            // A level's communes under their district (before 2025); they come in the units'
            // order, which a stable sort keeps within each district.
            level_rows.sort_by_key(|(parent_rank, _)| *parent_rank);
            rows.extend(level_rows.into_iter().map(|(_, row)| row));
        }
        let in_conflict = self.store.conflict_counts(year)?;
        for row in &mut rows {
            row.conflicts = in_conflict.get(&row.key).copied().unwrap_or(0);
        }
        // The council's and administrators' work: 0 for an officer who may decide none.
        let quarantined = command::quarantine::reviewable(&mut self.store, &self.actor)
            .map_or(0, |list| list.len());
        Ok(HomeData {
            year,
            years,
            rows,
            quarantined,
        })
    }

    /// Opens the assessment of a unit and year: the live one, or (`start`) the one its first
    /// successful save will create; opening never writes.
    fn open(&mut self, unit: &str, year: i32, start: bool) -> Result<Action, StoreError> {
        let located = if start {
            command::assessment::prospective(&mut self.store, unit, year)
        } else {
            command::assessment::find(&mut self.store, unit, year)
        };
        let key = match located {
            Ok(l) => l.key,
            Err(CommandError::Store(e)) => return Err(e),
            Err(e) => return Ok(Action::Failed(e.message(self.lang))),
        };
        let framework = self.framework(&key.framework_id)?;
        let opened = Opened {
            unit: self.store.unit(unit)?,
            reasons: self.item_reasons(&key, &framework, None)?,
            framework: framework.as_ref().clone(),
            status: self.store.status(&key)?,
            fields: self.store.fields(&key)?,
            drafts: self.store.drafts(&self.actor.user, &key)?,
            refusals: self.refusals(&key),
            areas: self.appraisal_areas(&key),
            second_round: self.second_round(&key)?,
            deadlines: self.store.deadlines(key.year)?,
            today: crate::store::today_local(),
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
            let action = |area| crate::roles::Action::Change {
                unit: &key.unit_code,
                group,
                area,
            };
            let refused = self.store.authorize(&self.actor, action(None)).err()?;
            // An appraiser of some areas is not refused the group: the save names the area.
            let areas = self
                .framework(&key.framework_id)
                .map(|f| f.areas.iter().map(|a| a.code.clone()).collect::<Vec<_>>())
                .unwrap_or_default();
            if areas
                .iter()
                .any(|a| self.store.authorize(&self.actor, action(Some(a))).is_ok())
            {
                return None;
            }
            Some((group, refused.message(self.lang)))
        })
        .collect()
    }

    /// The reasons of the bonus and penalty figures (of `only` those targets, if given).
    fn item_reasons(
        &self,
        key: &AssessmentKey,
        framework: &Framework,
        only: Option<&[Target]>,
    ) -> Result<Vec<crate::record::HeadReason>, StoreError> {
        let mut targets = crate::app::items::targets(framework);
        if let Some(only) = only {
            targets.retain(|t| only.contains(t));
        }
        self.store.head_reasons(key, &targets)
    }

    /// The areas an appraiser scoped by area may appraise here; empty when not scoped.
    fn appraisal_areas(&self, key: &AssessmentKey) -> Vec<String> {
        let may = |area: Option<&str>| {
            let action = crate::roles::Action::Change {
                unit: &key.unit_code,
                group: FieldGroup::Appraisal,
                area,
            };
            self.store.authorize(&self.actor, action).is_ok()
        };
        if may(None) {
            return Vec::new();
        }
        let areas = self
            .framework(&key.framework_id)
            .map(|f| f.areas.iter().map(|a| a.code.clone()).collect::<Vec<_>>())
            .unwrap_or_default();
        areas.into_iter().filter(|a| may(Some(a))).collect()
    }

    fn reloaded(&self, key: &AssessmentKey) -> Result<Reloaded, StoreError> {
        let framework = self.framework(&key.framework_id)?;
        Ok(Reloaded {
            reasons: self.item_reasons(key, &framework, None)?,
            key: key.clone(),
            status: self.store.status(key)?,
            fields: self.store.fields(key)?,
            second_round: self.second_round(key)?,
            targets: None,
        })
    }

    /// After this officer's own save: the status and only the targets it changed (another
    /// officer's changes arrive with the next full reload, on `data_version`).
    fn reloaded_after_save(
        &self,
        key: &AssessmentKey,
        changes: &[Change],
    ) -> Result<Reloaded, StoreError> {
        let mut targets: Vec<Target> = changes.iter().map(|c| c.target.clone()).collect();
        targets.sort();
        targets.dedup();
        let framework = self.framework(&key.framework_id)?;
        Ok(Reloaded {
            reasons: self.item_reasons(key, &framework, Some(&targets))?,
            key: key.clone(),
            status: self.store.status(key)?,
            fields: self.store.fields_of_targets(key, &targets)?,
            second_round: false,
            targets: Some(targets),
        })
    }

    /// The council appraises a second time once the assessment went through the explanation
    /// round (it was `returned` at some point).
    fn second_round(&self, key: &AssessmentKey) -> Result<bool, StoreError> {
        let returned = serde_json::Value::from(crate::cycle::Status::Returned.code()).to_string();
        Ok(self
            .store
            .history(key, &Target::Status, crate::fields::STATUS)?
            .iter()
            .any(|e| e.value == returned))
    }

    /// `assess cancel|restore` through the command layer (it checks the role and that nothing is
    /// scored yet).
    fn withdraw(&mut self, unit: String, year: i32, cancel: bool) -> Result<Action, CommandError> {
        let clock = Clock::system();
        if cancel {
            command::cancel(&mut self.store, &self.actor, &clock, &unit, year)?;
        } else {
            command::restore(&mut self.store, &self.actor, &clock, &unit, year)?;
        }
        Ok(Action::Withdrawn {
            unit,
            year,
            cancelled: cancel,
        })
    }

    fn transition(
        &mut self,
        key: &AssessmentKey,
        transition: crate::cycle::Transition,
        incomplete: bool,
    ) -> Result<Action, CommandError> {
        let req = command::status::Move {
            incomplete,
            ..command::status::Move::new(&key.unit_code, key.year, transition)
        };
        match command::status::transition(&mut self.store, &self.actor, &Clock::system(), &req) {
            Ok(_) => {}
            Err(CommandError::Incomplete { transition, gaps }) => {
                return Ok(Action::Incomplete { transition, gaps });
            }
            Err(e) => return Err(e),
        }
        Ok(Action::Transitioned(self.reloaded(key)?))
    }

    /// A new event over every head of a field in conflict (a typed value is checked like any
    /// change); if the heads moved meanwhile, the list is shown as it is now.
    fn resolve(
        &mut self,
        target: Target,
        field: String,
        value: String,
        heads: Vec<String>,
        reason: Option<String>,
    ) -> Result<Action, CommandError> {
        let req = Resolve {
            head: heads.first().cloned().unwrap_or_default(),
            value: Some(value),
            seen_heads: Some(heads),
            reason,
        };
        match command::conflict::resolve(&mut self.store, &self.actor, &Clock::system(), &req) {
            Ok(_) => Ok(Action::Resolved { target, field }),
            Err(CommandError::Changed { .. } | CommandError::NotInConflict) => {
                Ok(self.conflicts(None)?)
            }
            Err(e @ CommandError::ReasonNeeded) => Ok(Action::NeedsReason(e.message(self.lang))),
            Err(e) => Err(e),
        }
    }

    fn save(&mut self, key: &AssessmentKey, changes: Vec<Change>) -> Result<Action, CommandError> {
        let outcome = command::change::save_changes(
            &mut self.store,
            &self.actor,
            &Clock::system(),
            key,
            &changes,
        )?;
        match outcome {
            Outcome::Conflict(theirs) => Ok(Action::Conflict {
                theirs: Box::new(theirs),
                changes,
            }),
            Outcome::Saved(_) => Ok(Action::Saved(self.reloaded_after_save(key, &changes)?)),
        }
    }

    /// The conflicts, with their units' names (the screen names units, not codes).
    fn conflicts(&self, only: Option<&AssessmentKey>) -> Result<Action, StoreError> {
        let list = self.store.conflicts(only)?;
        let units = self.unit_names(list.iter().map(|c| c.key.unit_code.as_str()));
        Ok(Action::ConflictsLoaded { list, units })
    }

    /// The names of the units among `codes` (code, name), each once; year-wide keys (`*`)
    /// and unknown codes left out.
    fn unit_names<'a>(&self, codes: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
        let mut codes: Vec<&str> = codes.filter(|c| *c != "*").collect();
        codes.sort();
        codes.dedup();
        codes
            .into_iter()
            .filter_map(|c| self.store.unit(c).ok())
            .map(|u| (u.code, u.name))
            .collect()
    }

    /// A sub-criterion's changes with the assessment's changes of status among them.
    fn history(&self, key: &AssessmentKey, target: Target) -> Result<Action, StoreError> {
        let mut events = self.store.target_history(key, &target)?;
        events.extend(self.store.target_history(key, &Target::Status)?);
        Ok(Action::HistoryLoaded { target, events })
    }
}
