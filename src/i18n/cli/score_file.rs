//! The words of `parindex score import` and `parindex score template`: score sheets, their
//! columns and their bad rows.

use crate::i18n::Lang;

/// A score sheet imported: the sub-criteria read and the values that changed.
pub fn imported(lang: Lang, rows: usize, changed: usize) -> String {
    match lang {
        Lang::Vi => format!("Đã nhập: {rows} tiêu chí, {changed} thay đổi"),
        Lang::En => format!("Imported: {rows} sub-criteria, {changed} changed"),
    }
}

/// A template format other than xlsx or csv (`format` as typed).
pub fn unsupported_format(lang: Lang, format: &str) -> String {
    match lang {
        Lang::Vi => format!("--format: '{format}' không hỗ trợ; dùng xlsx hoặc csv"),
        Lang::En => format!("--format: '{format}' is not supported; use xlsx or csv"),
    }
}

words! {
    header_unit => "Mã đơn vị", "Unit code";
    header_code => "Mã tiêu chí", "Criterion code";
    header_declared => "Số liệu kê khai", "Declared data";
    header_points => "Điểm tự chấm", "Self score";
    header_evidence => "Tài liệu kiểm chứng", "Evidence";
    header_note => "Giải trình", "Explanation";
}

/// A bad row of a score sheet: its line, the column at fault if one is (letter and header),
/// and why, on one line.
pub fn row_problem(lang: Lang, line: usize, column: Option<(&str, &str)>, why: &str) -> String {
    let at = match (column, lang) {
        (Some((letter, header)), Lang::Vi) => format!("dòng {line}, cột {letter} ({header})"),
        (Some((letter, header)), Lang::En) => format!("line {line}, column {letter} ({header})"),
        (None, Lang::Vi) => format!("dòng {line}"),
        (None, Lang::En) => format!("line {line}"),
    };
    crate::text::one_line(&format!("{at}: {why}"))
}

/// A `--column NAME=X` whose X is neither a letter nor a header of the file.
pub fn no_such_column(lang: Lang, column: &str, source: &str) -> String {
    match lang {
        Lang::Vi => format!("--column {column}={source}: không có cột này trong tệp"),
        Lang::En => format!("--column {column}={source}: no such column in the file"),
    }
}

/// No header row names the columns an import needs.
pub fn no_header_row(lang: Lang) -> String {
    lang.pick(
        "không tìm thấy dòng tiêu đề có cột \"Mã tiêu chí\" và \"Điểm tự chấm\" hoặc \"Số liệu kê khai\" (hoặc chỉ rõ bằng --column code=B --column points=H)",
        "no header row with a \"Mã tiêu chí\" column and \"Điểm tự chấm\" or \"Số liệu kê khai\" (or name them with --column code=B --column points=H)",
    )
    .to_string()
}

/// A percentage declared as what looks like a fraction (`percent`: the fraction times 100, in
/// canonical digits), and how to write either meaning.
pub fn fraction_for_percent(lang: Lang, code: &str, declared: &str, percent: &str) -> String {
    match lang {
        Lang::Vi => {
            let percent = percent.replace('.', ",");
            format!(
                "{code}: số liệu kê khai là tỷ lệ phần trăm, mà {declared} giống một phân số \
                 (= {percent}%): ghi {percent} hoặc {percent}%; nếu đúng là dưới 1%, \
                 ghi {declared}%"
            )
        }
        Lang::En => format!(
            "{code}: the declared data is a percentage, and {declared} looks like a fraction \
             (= {percent}%): write {percent} or {percent}%; if it truly is below 1%, \
             write {declared}%"
        ),
    }
}

/// A `--column` that is not `NAME=COLUMN` with a known name.
pub fn bad_mapping(lang: Lang, spec: &str, names: &str) -> String {
    match lang {
        Lang::Vi => format!("--column: '{spec}' phải có dạng TÊN=CỘT, TÊN là một trong {names}"),
        Lang::En => format!("--column: '{spec}' must be NAME=COLUMN with NAME one of {names}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraction_for_percent_writes_the_percent_with_a_comma_only_in_vietnamese() {
        assert_eq!(
            fraction_for_percent(Lang::Vi, "1.2.3", "0.505", "50.5"),
            "1.2.3: số liệu kê khai là tỷ lệ phần trăm, mà 0.505 giống một phân số (= 50,5%): \
             ghi 50,5 hoặc 50,5%; nếu đúng là dưới 1%, ghi 0.505%"
        );
        assert_eq!(
            fraction_for_percent(Lang::En, "1.2.3", "0.505", "50.5"),
            "1.2.3: the declared data is a percentage, and 0.505 looks like a fraction (= 50.5%): \
             write 50.5 or 50.5%; if it truly is below 1%, write 0.505%"
        );
    }

    #[test]
    fn row_problem_names_the_column_when_one_is_at_fault() {
        assert_eq!(
            row_problem(Lang::Vi, 7, Some(("H", "Điểm tự chấm")), "sai"),
            "dòng 7, cột H (Điểm tự chấm): sai"
        );
        assert_eq!(row_problem(Lang::En, 7, None, "bad"), "line 7: bad");
    }
}
