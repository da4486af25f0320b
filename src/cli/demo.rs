//! `parindex demo`: fill the database with sample assessments to look at.

use clap::{Args, ValueEnum};

use crate::demo::{self, Scale};
use crate::i18n::cli::demo as words;

use super::output::{say, tell};
use super::{CliError, Context, open_store};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScaleArg {
    /// Ten units a year, 2023–2026, on each year's map (three levels to 2024, then the 2025 map)
    Small,
    /// Every unit of each year's map, 2023–2026, every stage, a few conflicts
    Province,
    /// 10,000 communes
    National,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, value_enum, default_value = "small")]
    pub scale: ScaleArg,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The last year to fill
    #[arg(long, default_value_t = 2026)]
    pub year: i32,
    /// How many years (default 4: 2023–2026, across the 2025 map change)
    #[arg(long)]
    pub years: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

/// Sample data goes only into years that have none: a second `demo` on the same database says
/// so plainly instead of failing half-way on a locked assessment.
fn refuse_filled_years(
    ctx: &Context,
    store: &crate::store::Store,
    args: &DemoArgs,
    scale: Scale,
) -> Result<(), CliError> {
    let years = args
        .years
        .unwrap_or(if scale == Scale::Province { 5 } else { 1 })
        .max(1) as i32;
    let wanted = (args.year - years + 1)..=args.year;
    let filled: Vec<i32> = store
        .assessment_years()?
        .into_iter()
        .filter(|y| wanted.contains(y))
        .collect();
    let Some(year) = filled.first() else {
        return Ok(());
    };
    Err(CliError::other(words::year_has_data(ctx.lang, *year)))
}

pub fn run(ctx: &Context, args: DemoArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let scale = match args.scale {
        ScaleArg::Small => Scale::Small,
        ScaleArg::Province => Scale::Province,
        ScaleArg::National => Scale::National,
    };
    refuse_filled_years(ctx, &store, &args, scale)?;
    let tty = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let lang = ctx.lang;
    let mut progress = |done: usize, total: usize| {
        if tty && (done.is_multiple_of(10) || done == total) {
            let percent = done * 100 / total.max(1);
            eprint!("\r{}", words::progress(lang, done, total, percent));
            if done == total {
                tell!();
            }
        }
    };
    let summary = store.in_bulk(|store| {
        demo::fill(
            store,
            scale,
            args.seed,
            args.year,
            args.years,
            &mut progress,
        )
    })?;
    if args.json {
        return super::output::print_json(
            &serde_json::json!({"assessments": summary.assessments, "events": summary.events}),
        );
    }
    say!(
        "{}",
        words::written(ctx.lang, summary.assessments, summary.events)
    );
    Ok(())
}
