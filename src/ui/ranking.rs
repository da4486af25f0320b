//! The ranking screen: one line per unit with rank, totals at every stage, index, band, a bar,
//! and the self − appraised gap marked `!` and drawn as `▒` beyond the bar so that an inflated
//! self-score cannot be missed; or, per area, a heat table of component indices whose symbols
//! (░ ▒ ▓ █) and numbers read without colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use crate::app::App;
use crate::app::ranking::{RankSort, RankingView};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, number_fixed};
use crate::report::RankingRow;

use super::text::{fit, pad, pad_left};
use super::tree::keep_in_view;
use super::{Theme, ViewState, chrome};

pub(super) fn render(frame: &mut Frame, app: &App, r: &RankingView, view: &mut ViewState) {
    let [title, body, legend, notice, hints] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(chrome::hint_height(app, frame.area().width)),
    ])
    .areas(frame.area());
    let l = app.lang;
    let mut left = ui::ranking_title(l, r.level.label(l), r.year);
    if app.read_only {
        left = format!("{left} · {}", Text::ReadOnlyMark.get(l));
    }
    if r.ranking.as_ref().is_some_and(|k| k.modelled) {
        left = chrome::modelled_left(&left, l, title.width);
    }
    let sort = match r.sort {
        RankSort::Index => Text::SortIndex,
        RankSort::Gap => Text::SortGap,
        RankSort::Name => Text::SortName,
    };
    let right = format!("{}: {} · {}", Text::SortedBy.get(l), sort.get(l), app.user);
    chrome::title_bar(frame, title, &left, &right, view);
    match &r.ranking {
        None => frame.render_widget(Paragraph::new(Text::Loading.get(l)), body),
        Some(ranking) if ranking.rows.is_empty() => {
            frame.render_widget(Paragraph::new(format!(" {}", Text::NoRanking.get(l))), body)
        }
        Some(_) if r.per_area => heat_table(frame, app, r, body, view),
        Some(_) => overall(frame, app, r, body, view),
    }
    let mut legend_text = if r.per_area {
        format!(" {}", Text::HeatLegend.get(l))
    } else {
        format!(" █ {} · ▒ ! {}", Text::Index.get(l), Text::Gap.get(l))
    };
    if let Some(text) = r.selected_row().and_then(|row| previous_text(row, l)) {
        legend_text = format!(" {text} ·{legend_text}");
    }
    chrome::put(
        frame,
        legend,
        vec![Span::styled(
            fit(&legend_text, legend.width as usize),
            view.theme.dim(),
        )],
        view.theme.base(),
    );
    chrome::notice(frame, app, notice, view);
    chrome::hints(frame, app, hints, view);
}

/// The selected unit's year before: "2024: 78,50% (hạng 3), +1,50" for its own result, or
/// "2024: 78,50% tham chiếu (đơn vị cũ), +1,50" for a merged unit (never a rank change).
fn previous_text(row: &RankingRow, l: Lang) -> Option<String> {
    let p = row.previous.as_ref()?;
    let change = row.totals.index_percent - p.index_percent;
    let sign = if change > Decimal::ZERO { "+" } else { "" };
    let how = match p.rank {
        _ if p.reference => l
            .pick("tham chiếu (đơn vị cũ)", "reference (former units)")
            .to_string(),
        Some(rank) => {
            let moved = rank as i64 - row.rank as i64;
            let up = if moved > 0 { "+" } else { "" };
            format!("({} {rank}, {up}{moved})", l.pick("hạng", "rank"))
        }
        None => String::new(),
    };
    Some(format!(
        "{}: {}% {how}, {sign}{}",
        p.year,
        number_fixed(p.index_percent, 2, l),
        number_fixed(change, 2, l)
    ))
}

/// Scrolls `lines` (after `head`) so that the selected line stays in view.
fn draw_scrolled(
    frame: &mut Frame,
    area: Rect,
    head: Vec<Line<'static>>,
    body: Vec<Line<'static>>,
    selected: usize,
    view: &mut ViewState,
) {
    let height = (area.height as usize).saturating_sub(head.len());
    view.ranking_offset = keep_in_view(view.ranking_offset, selected, height, body.len());
    let mut lines = head;
    lines.extend(body.into_iter().skip(view.ranking_offset).take(height));
    frame.render_widget(Paragraph::new(lines), area);
}

fn overall(frame: &mut Frame, app: &App, r: &RankingView, area: Rect, view: &mut ViewState) {
    let l = app.lang;
    let theme = view.theme;
    let cols = area.width as usize;
    // rank 3, six numbers of 6, band 10, separators: the name and the bar share the rest.
    let fixed = 3 + 6 * 6 + 10 + 9;
    let flexible = cols.saturating_sub(fixed + 1);
    let bar = (flexible / 3).clamp(6, 30);
    let name = flexible.saturating_sub(bar).max(8);
    let head = ["Top", "Bottom"]
        .iter()
        .map(|which| {
            let words = if *which == "Top" {
                Text::RankColumnsTop.get(l)
            } else {
                Text::RankColumnsBottom.get(l)
            };
            let w: Vec<&str> = words.split('|').collect();
            let at = |i: usize| w.get(i).copied().unwrap_or("");
            let (rank, unit) = if *which == "Top" {
                ("#", Text::Unit.get(l))
            } else {
                ("", "")
            };
            let text = [
                pad_left(rank, 3),
                pad(unit, name),
                pad_left(at(0), 6),
                pad_left(at(1), 6),
                pad_left(at(2), 6),
                pad_left(at(3), 6),
                pad_left(at(4), 6),
                pad(at(5), 10),
                pad_left(at(6), 6),
            ]
            .join(" ");
            Line::from(Span::styled(fit(&text, cols), theme.heading()))
        })
        .collect();
    let places = r
        .ranking
        .as_ref()
        .map_or((2, 2), |k| (k.decimals, k.index_decimals));
    let rows = r.rows();
    let mut body: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let bands = r.ranking.as_ref().map_or(&[][..], |k| &k.bands[..]);
            row_line(row, bands, (l, places), name, bar, i == r.selected, &theme)
        })
        .collect();
    body.push(summary(&rows, l, cols, &theme));
    draw_scrolled(frame, area, head, body, r.selected, view);
}

/// A figure to `places` decimals, right-aligned in a column of 6.
/// A band's name in the reader's language (the framework's English name when it has one).
fn band_label(bands: &[crate::framework::Band], name: &str, l: Lang) -> String {
    bands
        .iter()
        .find(|b| b.name == name)
        .map_or_else(|| name.to_string(), |b| super::totals::band_name(b, l))
}

fn cell(d: Decimal, places: u32, l: Lang) -> String {
    pad_left(&number_fixed(d, places, l), 6)
}

/// One unit's line; `(lang, (point places, index places))`.
fn row_line(
    row: &RankingRow,
    bands: &[crate::framework::Band],
    (l, (p, ip)): (Lang, (u32, u32)),
    name: usize,
    bar: usize,
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let t = &row.totals;
    let base = if selected {
        theme.selected()
    } else {
        Style::default()
    };
    let gap_positive = row.gap > Decimal::ZERO;
    let gap_text = if gap_positive {
        format!("!{}", number_fixed(row.gap, 2, l))
    } else {
        number_fixed(row.gap, 2, l)
    };
    let gap_style = if gap_positive {
        theme.error()
    } else {
        theme.dim()
    };
    let band = t
        .band
        .as_deref()
        .map_or_else(|| "—".into(), |name| band_label(bands, name, l));
    let text = [
        pad_left(&row.rank.to_string(), 3),
        pad(&fit(&row.unit_name, name), name),
        cell(t.self_part.points, p, l),
        cell(t.appraised.points, p, l),
        cell(t.survey.points, p, l),
        cell(t.total, p, l),
        cell(t.index_percent, ip, l),
        pad(&fit(&band, 10), 10),
    ]
    .join(" ");
    Line::from(vec![
        Span::styled(format!("{text} "), base),
        Span::styled(pad_left(&gap_text, 6), gap_style.patch(base)),
        Span::raw(" "),
        Span::styled(bar_text(t.index_percent, row.gap, t.max, bar), base),
    ])
}

/// `█` for the index, then `▒` for the points the council did not accept, `·` for the rest.
fn bar_text(index: Decimal, gap: Decimal, max: Decimal, cols: usize) -> String {
    use rust_decimal::prelude::ToPrimitive;
    let scale = |percent: Decimal| -> usize {
        let cells = percent * Decimal::from(cols) / Decimal::from(100);
        cells.round().to_usize().unwrap_or(0).min(cols)
    };
    let filled = scale(index);
    let gap_percent = if max > Decimal::ZERO && gap > Decimal::ZERO {
        gap / max * Decimal::from(100)
    } else {
        Decimal::ZERO
    };
    let mut inflated = scale(gap_percent).min(cols - filled);
    if gap > Decimal::ZERO && inflated == 0 && filled < cols {
        inflated = 1;
    }
    format!(
        "{}{}{}",
        "█".repeat(filled),
        "▒".repeat(inflated),
        "·".repeat(cols - filled - inflated)
    )
}

/// The level's averages: self-scored against appraised, as the decision worries about.
fn summary(rows: &[&RankingRow], l: Lang, cols: usize, theme: &Theme) -> Line<'static> {
    let n = Decimal::from(rows.len().max(1));
    let avg = |f: &dyn Fn(&RankingRow) -> Decimal| -> Decimal {
        (rows.iter().map(|r| f(r)).sum::<Decimal>() / n).round_dp(2)
    };
    let own = avg(&|r| r.totals.self_part.points);
    let appraised = avg(&|r| r.totals.appraised.points);
    let gap = avg(&|r| r.gap);
    let text = ui::ranking_summary(
        l,
        &number_fixed(own, 2, l),
        &number_fixed(appraised, 2, l),
        &number_fixed(gap, 2, l),
    );
    Line::from(Span::styled(fit(&text, cols), theme.label()))
}

/// One symbol per band of component index, readable without colour.
pub(super) fn heat(percent: Decimal) -> &'static str {
    if percent >= Decimal::from(90) {
        "█"
    } else if percent >= Decimal::from(70) {
        "▓"
    } else if percent >= Decimal::from(50) {
        "▒"
    } else {
        "░"
    }
}

fn heat_table(frame: &mut Frame, app: &App, r: &RankingView, area: Rect, view: &mut ViewState) {
    let l = app.lang;
    let theme = view.theme;
    let cols = area.width as usize;
    let Some(ranking) = &r.ranking else {
        return;
    };
    let areas = &ranking.areas;
    let cell_w = 6;
    // The rank column is as wide as its header ("Hạng"), so the header is never cut.
    let rank_w = super::text::width(Text::Rank.get(l)).max(3);
    let fixed = rank_w + 1 + areas.len() * (cell_w + 1) + 7;
    let name = cols.saturating_sub(fixed).clamp(8, 40);
    let mut header = format!(
        "{} {}",
        pad_left(Text::Rank.get(l), rank_w),
        pad(Text::Unit.get(l), name)
    );
    for (code, _) in areas {
        header.push_str(&format!(" {}", pad_left(&format!("{}.", code), cell_w)));
    }
    header.push_str(&format!(" {}", pad_left(Text::Index.get(l), 6)));
    let mut head = vec![Line::from(Span::styled(
        fit(&header, cols),
        theme.heading(),
    ))];
    let names: Vec<String> = areas
        .iter()
        .map(|(code, name)| format!("{code}. {name}"))
        .collect();
    if area.height > 20 {
        head.push(Line::from(Span::styled(
            fit(&names.join(" · "), cols),
            theme.dim(),
        )));
    }
    let rows = r.rows();
    let body: Vec<Line<'static>> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let base = if i == r.selected {
                theme.selected()
            } else {
                Style::default()
            };
            let mut spans = vec![Span::styled(
                format!(
                    "{} {}",
                    pad_left(&row.rank.to_string(), rank_w),
                    pad(&fit(&row.unit_name, name), name)
                ),
                base,
            )];
            for (code, _) in areas {
                let percent = row
                    .totals
                    .node(code)
                    .map_or(Decimal::ZERO, |n| n.index_percent);
                let style = if percent < Decimal::from(50) {
                    theme.error()
                } else {
                    Style::default()
                };
                let text = format!("{} {}", heat(percent), number_fixed(percent.round(), 0, l));
                spans.push(Span::styled(
                    format!(" {}", pad_left(&text, cell_w)),
                    style.patch(base),
                ));
            }
            spans.push(Span::styled(
                format!(
                    " {}",
                    cell(row.totals.index_percent, ranking.index_decimals, l)
                ),
                base,
            ));
            Line::from(spans)
        })
        .collect();
    draw_scrolled(frame, area, head, body, r.selected, view);
}
