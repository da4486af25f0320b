//! The statistics screen: a tab line (summary, index per unit, points lost) over one panel. The
//! summary lists the means and draws the units per band and the mean index per area as bar
//! charts; the units panel draws each unit's index as a bar; the points-lost panel is a table.
//! Every figure is written beside its bar (in the label: ratatui writes a bar's own value text by
//! bytes, which cuts Vietnamese), so nothing is read from a bar's length or colour.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph, Tabs};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::app::App;
use crate::app::stats::{StatsPanel, StatsView};
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, number_fixed};
use crate::ranking::{Ranking, Summary};

use crate::ui::text::{fit, pad, pad_left};
use crate::ui::{ViewState, chrome};

pub(in crate::ui) fn render(frame: &mut Frame, app: &App, s: &StatsView, view: &mut ViewState) {
    let [title, body, notice, hints] = chrome::screen_areas(frame, app);
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
    let l = app.lang;
    let units = s.summary.as_ref().map_or(0, |m| m.units);
    let mut left = ui::stats_title(l, s.level().label(l), s.year(), units);
    if app.read_only {
        left = format!("{left} · {}", Text::ReadOnlyMark.get(l));
    }
    if s.final_only() {
        left = format!("{left} · {}", Text::FinalOnlyMark.get(l));
    }
    if s.ranking.as_ref().is_some_and(|k| k.modelled) {
        left = chrome::modelled_left(&left, l, title.width);
    }
    chrome::title_bar(frame, title, &left, &app.user, view);
    tab_line(frame, s.panel, tabs, l, view);
    match (&s.ranking, &s.summary) {
        (Some(r), Some(summary)) if !r.rows.is_empty() => match s.panel {
            StatsPanel::Summary => summary_panel(frame, r, summary, body, l, view),
            StatsPanel::Units => units_panel(frame, r, s.scroll, body, l, view),
            StatsPanel::Lost => lost_panel(frame, r, s, body, l, view),
        },
        (Some(_), _) => {
            frame.render_widget(Paragraph::new(format!(" {}", Text::NoRanking.get(l))), body)
        }
        _ => frame.render_widget(Paragraph::new(format!(" {}", Text::Loading.get(l))), body),
    }
    chrome::notice(frame, app, notice, view);
    chrome::hints(frame, app, hints, view);
}

fn tab_line(frame: &mut Frame, panel: StatsPanel, area: Rect, l: Lang, view: &ViewState) {
    let names = StatsPanel::ALL.map(|p| match p {
        StatsPanel::Summary => Text::StatsSummary.get(l),
        StatsPanel::Units => Text::StatsUnits.get(l),
        StatsPanel::Lost => Text::StatsLost.get(l),
    });
    let at = StatsPanel::ALL.iter().position(|p| *p == panel);
    let tabs = Tabs::new(names)
        .select(at)
        .style(view.theme.dim())
        .highlight_style(view.theme.selected());
    frame.render_widget(tabs, area);
}

/// One bar: its label (with the figure) on the left, nothing written on the bar.
fn bar(label: String, value: u64) -> Bar<'static> {
    Bar::with_label(label, value).text_value(String::new())
}

/// A bar chart of one bar a line.
fn bars<'a>(items: Vec<Bar<'a>>, max: u64, view: &ViewState) -> BarChart<'a> {
    BarChart::horizontal(items)
        .max(max.max(1))
        .bar_width(1)
        .bar_gap(0)
        .bar_style(view.theme.key())
        .value_style(view.theme.base())
}

/// A percentage as a bar length: hundredths of a percent, on a scale of 100 %.
fn percent_ticks(d: Decimal) -> u64 {
    (d * Decimal::from(100)).round().to_u64().unwrap_or(0)
}

const FULL: u64 = 100 * 100;

fn heading(text: &str, cols: u16, view: &ViewState) -> Line<'static> {
    Line::from(Span::styled(fit(text, cols as usize), view.theme.heading()))
}

fn summary_panel(
    frame: &mut Frame,
    r: &Ranking,
    s: &Summary,
    area: Rect,
    l: Lang,
    view: &ViewState,
) {
    let top_height = (s.average.len().max(s.bands.len()) + 2) as u16;
    let [top, bottom] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Min(1)]).areas(area);
    let [means, _, bands] = Layout::horizontal([
        Constraint::Length(30),
        Constraint::Length(2),
        Constraint::Min(1),
    ])
    .areas(top);
    let mut lines = vec![heading(
        &format!(" {}", ui::stats_means(l, s.units)),
        means.width,
        view,
    )];
    for a in &s.average {
        let value = number_fixed(a.value, a.places, l);
        lines.push(Line::from(format!(
            " {}{}",
            pad(&fit(a.figure.label(l), 19), 19),
            pad_left(&value, 9)
        )));
    }
    frame.render_widget(Paragraph::new(lines), means);
    let [band_head, band_chart] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(bands);
    frame.render_widget(
        Paragraph::new(heading(Text::StatsBands.get(l), band_head.width, view)),
        band_head,
    );
    let items = s
        .bands
        .iter()
        .map(|b| {
            let share = number_fixed(b.share_percent(s.units), 2, l);
            let label = format!(
                "{}{} ({share}%) ",
                pad(&fit(b.label(l), 11), 11),
                pad_left(&b.units.to_string(), 4)
            );
            bar(label, b.units as u64)
        })
        .collect();
    frame.render_widget(bars(items, s.units as u64, view), band_chart);
    let [area_head, area_chart] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(bottom);
    frame.render_widget(
        Paragraph::new(heading(
            &format!(" {}", Text::StatsAreas.get(l)),
            area_head.width,
            view,
        )),
        area_head,
    );
    let label = (area.width as usize / 3).clamp(12, 40);
    let items = s
        .areas
        .iter()
        .map(|a| {
            let name = format!(" {} {}", a.code, crate::text::one_line(&a.name));
            let index = number_fixed(a.average_index_percent, r.index_decimals, l);
            let label = format!(
                "{} {} ",
                pad(&fit(&name, label), label),
                pad_left(&index, 6)
            );
            bar(label, percent_ticks(a.average_index_percent))
        })
        .collect();
    frame.render_widget(bars(items, FULL, view), area_chart);
}

/// Each unit's index as a bar, best first, from line `scroll`: rank, name, index, band and
/// "tạm tính" (not final) on the left.
fn units_panel(
    frame: &mut Frame,
    r: &Ranking,
    scroll: usize,
    area: Rect,
    l: Lang,
    view: &ViewState,
) {
    // rank 4, index 7, band 11, status 9: the name gets half of the rest, the bar the other.
    let name = (area.width as usize).saturating_sub(31) / 2;
    let name = name.clamp(14, 40);
    let items = r
        .rows
        .iter()
        .skip(scroll)
        .take(area.height as usize)
        .map(|row| {
            let t = &row.totals;
            let band = t
                .band
                .as_deref()
                .map_or(String::new(), |b| band_label(r, b, l));
            let status = match row.is_provisional() {
                true => Text::ProvisionalShort.get(l),
                false => "",
            };
            let label = format!(
                "{} {} {} {} {} ",
                pad_left(&row.rank.to_string(), 3),
                pad(&fit(&crate::text::one_line(&row.unit_name), name), name),
                pad_left(&number_fixed(t.index_percent, r.index_decimals, l), 6),
                pad(&fit(&band, 10), 10),
                pad(status, 8)
            );
            bar(label, percent_ticks(t.index_percent))
        })
        .collect();
    frame.render_widget(bars(items, FULL, view), area);
}

fn band_label(r: &Ranking, name: &str, l: Lang) -> String {
    r.bands
        .iter()
        .find(|b| b.name == name)
        .map_or_else(|| name.to_string(), |b| crate::ui::totals::band_name(b, l))
}

/// The sub-criteria where most points were lost, as a table from line `s.scroll`.
fn lost_panel(
    frame: &mut Frame,
    r: &Ranking,
    s: &StatsView,
    area: Rect,
    l: Lang,
    view: &ViewState,
) {
    let cols = area.width as usize;
    let mut lines = vec![Line::from(Span::styled(
        fit(&format!(" {}", Text::StatsLostColumns.get(l)), cols),
        view.theme.dim(),
    ))];
    if s.lost.is_empty() {
        lines.push(Line::from(format!(" {}", Text::StatsNothingLost.get(l))));
    }
    // number 3, code 8, three figures of 9 and 5, spaces: the name takes the rest.
    let name = cols.saturating_sub(3 + 1 + 8 + 1 + 9 + 9 + 6 + 2).max(10);
    for (i, lost) in s.lost.iter().enumerate().skip(s.scroll) {
        let text = format!(
            " {} {} {}{}{}{}",
            pad_left(&(i + 1).to_string(), 2),
            pad(&lost.sub, 8),
            pad(&fit(&crate::text::one_line(&lost.name), name), name),
            pad_left(&number_fixed(lost.points_lost, r.decimals, l), 9),
            pad_left(&number_fixed(lost.council_cut, r.decimals, l), 9),
            pad_left(&lost.units.to_string(), 6),
        );
        lines.push(Line::from(fit(&text, cols)));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
