//! `parindex assess submit|return|finalize|reopen|cancel|restore` and `parindex year set-deadline`: moving an
//! assessment through the appraisal cycle.

use clap::{Args, Subcommand};

use crate::command::{self, Clock};
use crate::cycle::Transition;
use crate::i18n::cli::assess as words;
use crate::store::Actor;

use super::output::say;
use super::{CliError, Context, open_store};

#[derive(Debug, Subcommand)]
pub enum AssessCommand {
    /// Hand in the self-assessment (locks self-scoring); after the explanation round, hand in
    /// the answers for round 2
    Submit(Gated),
    /// Return to the unit for the explanation round (giải trình)
    Return(Which),
    /// Finalize: lock everything
    Finalize(Gated),
    /// Reopen a final assessment for appraisal, or a submitted one for self-assessment
    Reopen(Which),
    /// Withdraw an assessment started by mistake (it must have no scores yet); it leaves home
    /// screens and rankings
    Cancel(Which),
    /// Bring back a cancelled assessment
    Restore(Which),
    /// Choose the framework that stands for a unit and year two copies started under different
    /// frameworks; the other framework's changes stay in the log, quarantined
    ChooseFramework {
        #[command(flatten)]
        which: Which,
        /// The framework that stands (one of the two; see parindex conflicts)
        #[arg(long)]
        framework: String,
    },
}

#[derive(Debug, Args)]
pub struct Which {
    #[arg(long)]
    pub unit: String,
    #[arg(long)]
    pub year: i32,
    /// Why (kept with the event)
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub json: bool,
}

/// A transition with a completeness gate: refused with exit 2 and the list of what is missing,
/// unless `--incomplete`.
#[derive(Debug, Args)]
pub struct Gated {
    #[command(flatten)]
    pub which: Which,
    /// Go on although something is missing (unscored, without evidence, survey, conflicts,
    /// quarantined changes, unanswered notes); what was missing is recorded with the event
    #[arg(long)]
    pub incomplete: bool,
}

#[derive(Debug, Subcommand)]
pub enum YearCommand {
    /// Set a stage's deadline of a year (YYYY-MM-DD or DD/MM/YYYY); that stage locks after it
    SetDeadline {
        year: i32,
        date: String,
        /// The stage: self (default), explanation, appraisal1 or appraisal2
        #[arg(long, default_value = "self", value_parser = ["self", "explanation", "appraisal1", "appraisal2"])]
        stage: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ctx: &Context, cmd: AssessCommand) -> Result<(), CliError> {
    let (transition, which, incomplete) = match cmd {
        AssessCommand::Submit(g) => (Transition::Submit, g.which, g.incomplete),
        AssessCommand::Return(w) => (Transition::Return, w, false),
        AssessCommand::Finalize(g) => (Transition::Finalize, g.which, g.incomplete),
        AssessCommand::Reopen(w) => (Transition::Reopen, w, false),
        AssessCommand::Cancel(w) => return withdraw(ctx, &w, true),
        AssessCommand::Restore(w) => return withdraw(ctx, &w, false),
        AssessCommand::ChooseFramework { which, framework } => {
            return choose_framework(ctx, &which, &framework);
        }
    };
    let mut store = open_store(ctx)?;
    let req = command::status::Move {
        reason: which.reason.clone(),
        incomplete,
        ..command::status::Move::new(&which.unit, which.year, transition)
    };
    let done = command::status::transition(&mut store, &Actor::current(), &Clock::system(), &req)?;
    let (key, to) = (done.key, done.status);
    if which.json {
        let gaps: serde_json::Map<String, serde_json::Value> = done
            .gaps
            .counts()
            .into_iter()
            .map(|(k, _)| (k.code().to_string(), serde_json::json!(done.gaps.of(k))))
            .collect();
        return super::output::print_json(&serde_json::json!({
            "unit": key.unit_code, "year": key.year, "status": to.code(),
            "incomplete": !done.gaps.is_empty(), "gaps": gaps,
        }));
    }
    say!("{} {}: {}", key.unit_code, key.year, to.label(ctx.lang));
    if !done.gaps.is_empty() {
        let gaps = done.gaps.summary(ctx.lang);
        say!("{}", words::moved_incomplete(ctx.lang, &gaps));
    }
    Ok(())
}

/// `assess choose-framework`.
fn choose_framework(ctx: &Context, which: &Which, framework: &str) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let released = command::assessment::choose_framework(
        &mut store,
        &Actor::current(),
        &Clock::system(),
        (&which.unit, which.year),
        framework,
        which.reason.clone(),
    )?;
    if which.json {
        return super::output::print_json(&serde_json::json!({
            "unit": which.unit, "year": which.year, "framework": framework.trim(),
            "released": released,
        }));
    }
    let (unit, year, n) = (&which.unit, which.year, released.len());
    say!(
        "{}",
        words::framework_chosen(ctx.lang, unit, year, framework.trim(), n)
    );
    Ok(())
}

/// `assess cancel` and `assess restore`.
fn withdraw(ctx: &Context, which: &Which, cancel: bool) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let (actor, clock) = (Actor::current(), Clock::system());
    let key = if cancel {
        command::cancel(&mut store, &actor, &clock, &which.unit, which.year)
    } else {
        command::restore(&mut store, &actor, &clock, &which.unit, which.year)
    }?;
    if which.json {
        return super::output::print_json(&serde_json::json!({
            "unit": key.unit_code, "year": key.year, "framework": key.framework_id,
            "cancelled": cancel,
        }));
    }
    let done = if cancel {
        words::cancelled(ctx.lang)
    } else {
        words::restored(ctx.lang)
    };
    say!("{} {}: {done}", key.unit_code, key.year);
    Ok(())
}

pub fn run_year(ctx: &Context, cmd: YearCommand) -> Result<(), CliError> {
    let YearCommand::SetDeadline {
        year,
        date,
        stage,
        json,
    } = cmd;
    let stage = crate::cycle::DeadlineStage::parse(&stage)
        .unwrap_or(crate::cycle::DeadlineStage::SelfAssessment);
    let Some(iso) = parse_date(&date) else {
        return Err(CliError::input(words::bad_date(ctx.lang, &date)));
    };
    let mut store = open_store(ctx)?;
    let (actor, clock) = (Actor::current(), Clock::system());
    command::status::set_deadline(&mut store, &actor, &clock, year, (&iso, stage))?;
    if json {
        return super::output::print_json(
            &serde_json::json!({"year": year, "deadline": iso, "stage": stage.code()}),
        );
    }
    let day = crate::local_time::date(&iso, ctx.lang);
    say!(
        "{}",
        words::deadline_set(ctx.lang, stage.label(ctx.lang), year, &day)
    );
    Ok(())
}

/// `2025-12-15` or `15/12/2025` → `2025-12-15`, checking the calendar.
pub fn parse_date(text: &str) -> Option<String> {
    let t = text.trim();
    let (y, m, d) = if let Some((d, rest)) = t.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        (y, m, d)
    } else {
        let mut parts = t.splitn(3, '-');
        (parts.next()?, parts.next()?, parts.next()?)
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    match (2000..=2100).contains(&y) {
        true => crate::local_time::calendar_day(y, m, d),
        false => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn dates_in_both_forms_are_normalised_and_checked() {
        assert_eq!(parse_date("15/12/2025").as_deref(), Some("2025-12-15"));
        assert_eq!(parse_date("2025-12-15").as_deref(), Some("2025-12-15"));
        assert_eq!(parse_date("29/02/2024").as_deref(), Some("2024-02-29"));
        assert_eq!(parse_date("29/02/2025"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("tomorrow"), None);
    }
}
