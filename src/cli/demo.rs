//! `parindex demo`: fill the database with sample assessments to look at.

use clap::{Args, ValueEnum};

use crate::demo::{self, Scale};

use super::{CliError, Context, open_store, store_error};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScaleArg {
    /// Ten units of the three levels, one year
    Small,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    #[arg(long, value_enum, default_value = "small")]
    pub scale: ScaleArg,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The year to fill
    #[arg(long, default_value_t = 2025)]
    pub year: i32,
}

pub fn run(ctx: &Context, args: DemoArgs) -> Result<(), CliError> {
    let mut store = open_store(ctx)?;
    let scale = match args.scale {
        ScaleArg::Small => Scale::Small,
    };
    let summary =
        demo::fill(&mut store, scale, args.seed, args.year).map_err(|e| store_error(ctx, e))?;
    println!(
        "{}: {} {}, {} {}",
        ctx.lang.pick("Đã tạo dữ liệu mẫu", "Sample data written"),
        summary.assessments,
        ctx.lang.pick("bộ kết quả chấm", "assessments"),
        summary.events,
        ctx.lang.pick("thay đổi", "changes"),
    );
    Ok(())
}
