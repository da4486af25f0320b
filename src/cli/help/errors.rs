//! Usage errors in the officer's language. clap knows what went wrong (the kind of error and
//! which argument and value); this module says it in Vietnamese, with the usage line and a hint
//! at `--help`, and keeps clap's own English wording for `--lang en`. Help and version go to
//! standard output with exit 0; every usage error goes to standard error with exit 2.

use std::error::Error as _;
use std::io::Write;
use std::process::ExitCode;

use clap::error::{ContextKind, Error, ErrorKind};

use crate::i18n::Lang;

/// Prints `e` and gives the exit status it ends with.
pub fn report(e: &Error, lang: Lang, usage: &str) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = write!(std::io::stdout(), "{}", plain(e, lang));
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = write!(std::io::stderr(), "{}", plain(e, lang));
            ExitCode::from(2)
        }
        _ => {
            let text = match lang {
                Lang::Vi => vietnamese(e, usage),
                Lang::En => e.render().to_string(),
            };
            // The message quotes what was typed: sanitised like every other output.
            let _ = write!(std::io::stderr(), "{}", crate::text::sanitize(&text));
            ExitCode::from(2)
        }
    }
}

/// clap's rendering (help, version) with its few fixed English words in Vietnamese.
fn plain(e: &Error, lang: Lang) -> String {
    let text = e.render().to_string();
    match lang {
        Lang::Vi => vietnamese_markers(&text),
        Lang::En => text,
    }
}

fn vietnamese_markers(text: &str) -> String {
    text.replace("Usage:", "Cách dùng:")
        .replace("[OPTIONS]", "[TÙY CHỌN]")
        .replace("[default: ", "[mặc định: ")
        .replace("[possible values: ", "[giá trị: ")
        .replace("[aliases: ", "[tên khác: ")
}

fn vietnamese(e: &Error, fallback_usage: &str) -> String {
    let get = |k: ContextKind| e.get(k).map(|v| v.to_string()).unwrap_or_default();
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let mut message = match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => format!("{arg} cần một giá trị"),
        ErrorKind::InvalidValue => format!("giá trị '{value}' không hợp lệ cho {arg}"),
        ErrorKind::UnknownArgument => format!("không có tùy chọn '{arg}' ở đây"),
        ErrorKind::InvalidSubcommand => {
            format!("không có lệnh '{}'", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::NoEquals => format!("{arg} cần dấu bằng: {arg}=GIÁ_TRỊ"),
        ErrorKind::ValueValidation => format!(
            "giá trị '{value}' không hợp lệ cho {arg}: {}",
            reason(e.source().map(|s| s.to_string()).unwrap_or_default())
        ),
        ErrorKind::TooManyValues => format!("quá nhiều giá trị cho {arg} ('{value}')"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} cần số giá trị khác")
        }
        ErrorKind::ArgumentConflict => {
            format!("{arg} không dùng cùng với {}", get(ContextKind::PriorArg))
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}"),
        ErrorKind::MissingSubcommand => "thiếu lệnh con".to_string(),
        ErrorKind::InvalidUtf8 => "một tham số không phải văn bản UTF-8 hợp lệ".to_string(),
        _ => e.kind().as_str().unwrap_or("lỗi tham số").to_string(),
    };
    if let Some(valid) = e.get(ContextKind::ValidValue) {
        message.push_str(&format!(" (chọn một trong: {valid})"));
    }
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|k| e.get(k));
    if let Some(s) = suggestion {
        message.push_str(&format!("\n\n  gợi ý: có phải ý bạn là '{s}'?"));
    }
    let usage = e
        .get(ContextKind::Usage)
        .map(|u| vietnamese_markers(&u.to_string()))
        .unwrap_or_else(|| fallback_usage.to_string());
    format!("lỗi: {message}\n\n{usage}\n\nXem thêm: '--help'.\n")
}

/// The reason a value parser gave, in Vietnamese for the parsers of the standard library.
fn reason(source: String) -> String {
    match source.as_str() {
        "invalid digit found in string" => "phải là một số nguyên".to_string(),
        "cannot parse integer from empty string" => "không được để trống".to_string(),
        "number too large to fit in target type" | "number too small to fit in target type" => {
            "số nằm ngoài khoảng cho phép".to_string()
        }
        _ => source,
    }
}
