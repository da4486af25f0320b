//! The ranking screen: one line per unit with rank, totals at every stage, index, band, a bar,
//! a status that marks units not final "tạm tính", and the self − final gap marked `!` and drawn as `▒` beyond the bar so that an inflated
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
use crate::ranking::RankingRow;
use crate::scoring::Figure;

use crate::ui::text::{fit, pad, pad_left};
use crate::ui::tree::keep_in_view;
use crate::ui::{Theme, ViewState, chrome};

pub(in crate::ui) fn render(frame: &mut Frame, app: &App, r: &RankingView, view: &mut ViewState) {
    let [title, body, notice, hints] = chrome::screen_areas(frame, app);
    let [body, legend] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(body);
    let l = app.lang;
    let mut left = ui::ranking_title(l, r.level.label(l), r.year);
    if app.read_only {
        left = format!("{left} · {}", Text::ReadOnlyMark.get(l));
    }
    if r.final_only {
        left = format!("{left} · {}", Text::FinalOnlyMark.get(l));
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
        format!(
            " █ {} · ▒ ! {} · {}: {}",
            Text::Index.get(l),
            Text::Gap.get(l),
            Text::ProvisionalShort.get(l),
            Text::ProvisionalMeaning.get(l)
        )
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
    let change = p.index_change(row.totals.index_percent);
    let sign = if change > Decimal::ZERO { "+" } else { "" };
    let how = match p.rank {
        _ if p.reference => Text::PreviousReference.get(l).to_string(),
        Some(rank) => {
            let moved = p.places_gained(row.rank).unwrap_or_default();
            let up = if moved > 0 { "+" } else { "" };
            ui::previous_rank(l, rank, &format!("{up}{moved}"))
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

/// The figures a ranking line shows at `cols` columns: every one from 120 columns up; at 80 the
/// two appraisal rounds give way to the final figure they lead to.
fn columns(cols: usize) -> Vec<Figure> {
    let wide = cols >= 110;
    [
        Figure::SelfScore,
        Figure::Appraisal1,
        Figure::Appraisal2,
        Figure::Final,
        Figure::Survey,
        Figure::Total,
        Figure::Index,
    ]
    .into_iter()
    .filter(|f| wide || !matches!(f, Figure::Appraisal1 | Figure::Appraisal2))
    .collect()
}

const CELL: usize = 6;
const BAND: usize = 10;
const STATUS: usize = 8;

fn overall(frame: &mut Frame, app: &App, r: &RankingView, area: Rect, view: &mut ViewState) {
    let l = app.lang;
    let theme = view.theme;
    let cols = area.width as usize;
    let figures = columns(cols);
    // rank 3, the figures, band, gap, status, separators: the name and the bar share the rest.
    let fixed = 3 + (figures.len() + 1) * (CELL + 1) + BAND + STATUS + 3;
    let flexible = cols.saturating_sub(fixed + 1);
    // Below 100 columns the unit's name needs the room more than the bar does.
    let bar = if cols < 100 {
        0
    } else {
        (flexible / 3).clamp(6, 30)
    };
    let name = flexible.saturating_sub(bar).max(8);
    let layout = Columns { figures, name, bar };
    let head = heading(&layout, l)
        .into_iter()
        .map(|text| Line::from(Span::styled(fit(&text, cols), theme.heading())))
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
            row_line(row, bands, (l, places), &layout, i == r.selected, &theme)
        })
        .collect();
    body.push(summary(&rows, (l, places), cols, &theme));
    draw_scrolled(frame, area, head, body, r.selected, view);
}

/// A band's name in the reader's language (the framework's English name when it has one).
fn band_label(bands: &[crate::framework::Band], name: &str, l: Lang) -> String {
    bands
        .iter()
        .find(|b| b.name == name)
        .map_or_else(|| name.to_string(), |b| crate::ui::totals::band_name(b, l))
}

/// The column titles on two lines, each word where it fits, so that "Tự chấm" reads whole above
/// a 6-column number.
fn heading(layout: &Columns, l: Lang) -> [String; 2] {
    let mut titles: Vec<(String, usize, bool)> = vec![
        ("#".into(), 3, false),
        (Text::Unit.get(l).into(), layout.name, true),
    ];
    titles.extend(
        layout
            .figures
            .iter()
            .map(|f| (f.short(l).to_string(), CELL, false)),
    );
    titles.push((Text::Band.get(l).into(), BAND, true));
    titles.push((Figure::Gap.short(l).into(), CELL, false));
    titles.push((Text::StatusCol.get(l).into(), STATUS, true));
    let mut lines = [Vec::new(), Vec::new()];
    for (title, w, left) in titles {
        let (top, bottom) = two_lines(&title, w);
        for (line, text) in lines.iter_mut().zip([top, bottom]) {
            line.push(if left {
                pad(&text, w)
            } else {
                pad_left(&text, w)
            });
        }
    }
    lines.map(|cells| cells.join(" ").trim_end().to_string())
}

/// A title on one line when it fits `width`, else split at a space.
fn two_lines(title: &str, width: usize) -> (String, String) {
    if crate::ui::text::width(title) <= width {
        return (title.to_string(), String::new());
    }
    match title.split_once(' ') {
        Some((a, b)) => (a.to_string(), b.to_string()),
        None => (fit(title, width), String::new()),
    }
}

/// The widths one ranking screen draws with.
struct Columns {
    figures: Vec<Figure>,
    name: usize,
    bar: usize,
}

/// A figure to `places` decimals, right-aligned in its column.
fn cell(d: Decimal, places: u32, l: Lang) -> String {
    pad_left(&number_fixed(d, places, l), CELL)
}

/// A figure of a ranking line; "—" for an appraisal round without a council figure.
fn figure_cell(t: &crate::scoring::Totals, figure: Figure, (p, ip): (u32, u32), l: Lang) -> String {
    t.figure(figure)
        .map(|d| cell(d, figure.places(p, ip), l))
        .unwrap_or_else(|| pad_left("—", CELL))
}

/// One unit's line; `(lang, (point places, index places))`.
fn row_line(
    row: &RankingRow,
    bands: &[crate::framework::Band],
    (l, places): (Lang, (u32, u32)),
    layout: &Columns,
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let t = &row.totals;
    let base = if selected {
        theme.selected()
    } else {
        Style::default()
    };
    let gap_positive = t.gap > Decimal::ZERO;
    let gap_text = if gap_positive {
        format!("!{}", number_fixed(t.gap, places.0, l))
    } else {
        number_fixed(t.gap, places.0, l)
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
    let mut cells = vec![
        pad_left(&row.rank.to_string(), 3),
        pad(&fit(&row.unit_name, layout.name), layout.name),
    ];
    cells.extend(layout.figures.iter().map(|f| figure_cell(t, *f, places, l)));
    cells.push(pad(&fit(&band, BAND), BAND));
    let (status, status_style) = if row.is_provisional() {
        (Text::ProvisionalShort.get(l), theme.dim())
    } else {
        (Text::StatusFinalShort.get(l), Style::default())
    };
    Line::from(vec![
        Span::styled(format!("{} ", cells.join(" ")), base),
        Span::styled(pad_left(&gap_text, CELL), gap_style.patch(base)),
        Span::styled(" ", base),
        Span::styled(pad(&fit(status, STATUS), STATUS), status_style.patch(base)),
        Span::raw(" "),
        Span::styled(bar_text(t, layout.bar), base),
    ])
}

/// `█` for the index, then `▒` for the points the council did not accept, `·` for the rest.
fn bar_text(t: &crate::scoring::Totals, cols: usize) -> String {
    use rust_decimal::prelude::ToPrimitive;
    let scale = |percent: Decimal| -> usize {
        let cells = percent * Decimal::from(cols) / Decimal::from(100);
        cells.round().to_usize().unwrap_or(0).min(cols)
    };
    let filled = scale(t.index_percent);
    let mut inflated = scale(t.gap_percent()).min(cols - filled);
    if t.gap > Decimal::ZERO && inflated == 0 && filled < cols {
        inflated = 1;
    }
    format!(
        "{}{}{}",
        "█".repeat(filled),
        "▒".repeat(inflated),
        "·".repeat(cols - filled - inflated)
    )
}

/// The level's averages: self-scored against final, as the decision worries about; the
/// averages of the annex and the statistics (`ranking::average`), only formatted here.
fn summary(
    rows: &[&RankingRow],
    (l, places): (Lang, (u32, u32)),
    cols: usize,
    theme: &Theme,
) -> Line<'static> {
    let shown = |figure: Figure| {
        let mean = crate::ranking::average(rows.iter().copied(), figure, places);
        number_fixed(
            mean.unwrap_or_default(),
            figure.places(places.0, places.1),
            l,
        )
    };
    let text = ui::ranking_summary(
        l,
        &shown(Figure::SelfScore),
        &shown(Figure::Final),
        &shown(Figure::Gap),
    );
    Line::from(Span::styled(fit(&text, cols), theme.label()))
}

/// One symbol per band of component index, readable without colour.
pub(in crate::ui) fn heat(percent: Decimal) -> &'static str {
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
    let rank_w = crate::ui::text::width(Text::Rank.get(l)).max(3);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cycle::Status;
    use crate::scoring::Totals;
    use crate::unit::Previous;

    fn row(previous: Previous) -> RankingRow {
        RankingRow {
            rank: 2,
            unit: "phuong-dong-hoi".into(),
            unit_name: "Phường Đồng Hới".into(),
            status: Status::Final,
            totals: Totals {
                index_percent: Decimal::new(8000, 2),
                ..Totals::default()
            },
            previous: Some(previous),
        }
    }

    fn previous(rank: Option<usize>, reference: bool) -> Previous {
        Previous {
            year: 2024,
            total: None,
            index_percent: Decimal::new(7850, 2),
            rank,
            reference,
        }
    }

    #[test]
    fn the_year_before_is_a_rank_for_the_unit_itself_and_a_reference_for_a_merged_one() {
        let own = row(previous(Some(3), false));
        assert_eq!(
            previous_text(&own, Lang::Vi).as_deref(),
            Some("2024: 78,50% (hạng 3, +1), +1,50")
        );
        assert_eq!(
            previous_text(&own, Lang::En).as_deref(),
            Some("2024: 78.50% (rank 3, +1), +1.50")
        );
        let merged = row(previous(None, true));
        assert_eq!(
            previous_text(&merged, Lang::Vi).as_deref(),
            Some("2024: 78,50% tham chiếu (đơn vị cũ), +1,50")
        );
        assert_eq!(
            previous_text(&merged, Lang::En).as_deref(),
            Some("2024: 78.50% reference (former units), +1.50")
        );
    }
}
