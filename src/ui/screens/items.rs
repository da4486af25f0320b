//! The bonus and penalty items over the walkthrough's main area: one line per item (code, kind,
//! cap, the unit's claim, each council round, what counts), then the selected item's name, what
//! it takes points from, every figure with its reason, and the form when one is open.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use rust_decimal::Decimal;

use crate::app::items::{Entry, ItemFocus, ItemForm, ItemsView};
use crate::app::{App, Walk};
use crate::fields::Field;
use crate::framework::AdjustmentKind;
use crate::i18n::ui::Text;
use crate::i18n::{Lang, number};
use crate::scoring::Stage;

use super::appraisal::field_line;
use crate::ui::detail::labeled;
use crate::ui::text::{clip_lines, fit, pad, pad_left, width, wrap, wrap_clipped};
use crate::ui::{Caret, Theme, ViewState};

const STAGES: [Stage; 3] = [Stage::SelfAssessment, Stage::Appraisal1, Stage::Appraisal2];

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    items: &ItemsView,
    area: Rect,
    view: &ViewState,
    caret: &mut Caret,
) {
    let l = app.lang;
    let theme = &view.theme;
    let cols = area.width as usize;
    let title = format!(
        "{} · {}",
        Text::ItemsTitle.get(l),
        walk.item_stage().label(l)
    );
    let mut lines = vec![Line::from(Span::styled(fit(&title, cols), theme.heading()))];
    let columns = Columns::new(items, l, cols);
    lines.push(Line::from(Span::styled(columns.header(l), theme.label())));
    for (i, entry) in items.entries.iter().enumerate() {
        let style = match i == items.selected {
            true => theme.selected(),
            false => theme.base(),
        };
        let row = columns.row(walk, entry, i == items.selected, l);
        lines.push(Line::from(Span::styled(row, style)));
    }
    lines.push(Line::from(""));
    if let Some(entry) = items.entry() {
        lines.extend(selected(walk, entry, l, cols, theme));
    }
    let mut at = None;
    if let Some(form) = &items.form {
        at = form_lines(form, l, cols, theme, &mut lines);
    }
    let height = area.height as usize;
    let skip = at.map_or(0, |(row, _)| (row + 3).saturating_sub(height));
    if let (Some((row, col)), Some(form)) = (at, &items.form)
        && row >= skip
        && row - skip < height
        && !form.saving
    {
        *caret = Some(Position::new(
            area.x + col.min(area.width.saturating_sub(1)),
            area.y + (row - skip) as u16,
        ));
    }
    frame.render_widget(Paragraph::new(lines).scroll((skip as u16, 0)), area);
}

/// The list's column widths, from the codes and the headers.
struct Columns {
    code: usize,
    kind: usize,
    figure: Vec<usize>,
    name: usize,
}

fn kind_short(kind: AdjustmentKind, l: Lang) -> &'static str {
    match kind {
        AdjustmentKind::Bonus => Text::BonusShort.get(l),
        AdjustmentKind::Penalty => Text::PenaltyShort.get(l),
    }
}

fn headers(l: Lang) -> [&'static str; 5] {
    [
        Text::ItemCapShort.get(l),
        Text::SelfShort.get(l),
        Text::Appraisal1Short.get(l),
        Text::Appraisal2Short.get(l),
        Text::ItemCounted.get(l),
    ]
}

impl Columns {
    fn new(items: &ItemsView, l: Lang, cols: usize) -> Columns {
        let code = items
            .entries
            .iter()
            .map(|e| width(&code_of(e, l)))
            .chain([width(Text::ItemCode.get(l))])
            .max()
            .unwrap_or(3);
        let kind = [AdjustmentKind::Bonus, AdjustmentKind::Penalty]
            .into_iter()
            .map(|k| width(kind_short(k, l)))
            .chain([width(Text::ItemKind.get(l))])
            .max()
            .unwrap_or(4);
        let figure: Vec<usize> = headers(l).iter().map(|h| width(h).max(5)).collect();
        let used = 2 + code + 1 + kind + figure.iter().map(|w| w + 1).sum::<usize>() + 1;
        Columns {
            code,
            kind,
            figure,
            name: cols.saturating_sub(used),
        }
    }

    fn header(&self, l: Lang) -> String {
        let mut out = format!(
            "  {} {}",
            pad(Text::ItemCode.get(l), self.code),
            pad(Text::ItemKind.get(l), self.kind)
        );
        for (h, w) in headers(l).iter().zip(&self.figure) {
            out.push(' ');
            out.push_str(&pad_left(h, *w));
        }
        out.push(' ');
        out.push_str(&fit(Text::ItemName.get(l), self.name));
        out
    }

    fn row(&self, walk: &Walk, entry: &Entry, on: bool, l: Lang) -> String {
        let marker = if on { "▸ " } else { "  " };
        let mut out = format!(
            "{marker}{} {}",
            pad(&code_of(entry, l), self.code),
            pad(kind_short(entry.item.kind, l), self.kind)
        );
        let code = &entry.item.code;
        let shown = |p: Option<Decimal>| p.map_or_else(|| "—".to_string(), |p| number(p, l));
        let mut figures = vec![number(entry.item.cap, l)];
        for stage in STAGES {
            figures.push(match entry.single {
                true => "·".into(),
                false => shown(walk.item_points(code, &Field::Stage(stage))),
            });
        }
        figures.push(number(counted(walk, entry), l));
        for (f, w) in figures.iter().zip(&self.figure) {
            out.push(' ');
            out.push_str(&pad_left(f, *w));
        }
        out.push(' ');
        out.push_str(&fit(&entry.name(l), self.name));
        out
    }
}

/// A single figure has no code of its own: its kind names it.
fn code_of(entry: &Entry, l: Lang) -> String {
    match entry.single {
        true => kind_short(entry.item.kind, l).to_string(),
        false => entry.item.code.clone(),
    }
}

/// What the item counts in the total (within its cap), as the engine computed it.
fn counted(walk: &Walk, entry: &Entry) -> Decimal {
    let t = &walk.totals;
    match (entry.single, entry.item.kind) {
        (true, AdjustmentKind::Bonus) => t.bonus,
        (true, AdjustmentKind::Penalty) => t.penalty,
        (false, _) => t
            .items
            .iter()
            .find(|i| i.code == entry.item.code)
            .map_or(Decimal::ZERO, |i| i.counted),
    }
}

/// The selected item: its whole name, what it takes points from, each figure with its reason.
fn selected(walk: &Walk, entry: &Entry, l: Lang, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let head = format!("{} · {}", code_of(entry, l), entry.name(l));
    for s in wrap_clipped(&head, cols, 2) {
        out.push(Line::from(Span::styled(s, theme.label())));
    }
    let cap = format!("{} {}", Text::ItemCap.get(l), number(entry.item.cap, l));
    let on = match &entry.item.node {
        None => Text::ItemOnIndex.get(l).to_string(),
        Some(node) => format!(
            "{} {node} {}",
            Text::ItemOnNode.get(l),
            node_name(walk, node)
        ),
    };
    for s in wrap_clipped(&format!("{cap} · {on}"), cols, 2) {
        out.push(Line::from(Span::styled(s, theme.dim())));
    }
    let code = &entry.item.code;
    let figures: Vec<(String, Field)> = match entry.single {
        true => vec![(
            Text::ItemCounted.get(l).to_string(),
            entry.field(Stage::SelfAssessment),
        )],
        false => STAGES
            .iter()
            .map(|s| (s.label(l).to_string(), Field::Stage(*s)))
            .collect(),
    };
    for (label, field) in figures {
        let Some(points) = walk.item_points(code, &field) else {
            continue;
        };
        let reason = walk.reason(code, &field).unwrap_or("—");
        let text = format!(
            "{} — {}: {reason}",
            number(points, l),
            Text::ItemReason.get(l)
        );
        let mut lines = labeled(&label, &text, cols, theme);
        clip_lines(&mut lines, cols, 3);
        out.extend(lines);
    }
    out
}

fn node_name(walk: &Walk, node: &str) -> String {
    let f = &walk.framework;
    f.areas
        .iter()
        .find(|a| a.code == node)
        .map(|a| a.name.clone())
        .or_else(|| {
            f.criteria()
                .find(|c| c.code == node)
                .map(|c| c.name.clone())
        })
        .unwrap_or_default()
}

/// The form's fields and message; the caret's row and column.
fn form_lines(
    form: &ItemForm,
    l: Lang,
    cols: usize,
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) -> Option<(usize, u16)> {
    lines.push(Line::from(Span::styled(
        fit(&format!("{} · {}", form.stage.label(l), form.code), cols),
        theme.heading(),
    )));
    let mut at = None;
    for (focus, label, edit) in [
        (ItemFocus::Points, Text::ItemPoints, &form.points),
        (ItemFocus::Reason, Text::ItemReasonPrompt, &form.reason),
    ] {
        let on = form.focus == focus;
        let (line, col) = field_line(label.get(l), edit, cols, on, theme);
        if on {
            at = Some((lines.len(), col));
        }
        lines.push(line);
    }
    match &form.error {
        Some(e) => {
            for s in wrap(&format!("✗ {e}"), cols) {
                lines.push(Line::from(Span::styled(s, theme.error())));
            }
        }
        None => {
            for s in wrap(Text::ItemFormHelp.get(l), cols) {
                lines.push(Line::from(Span::styled(s, theme.dim())));
            }
        }
    }
    if form.stale {
        for s in wrap(Text::Stale.get(l), cols) {
            lines.push(Line::from(Span::styled(s, theme.warn())));
        }
    }
    at
}

/// The penalties an area or a criterion carries, for its detail pane: what each takes off
/// (the latest figure given, within its cap) and why.
pub(in crate::ui) fn node_penalties(
    walk: &Walk,
    node: &str,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for item in walk
        .framework
        .adjustments()
        .filter(|a| a.node.as_deref() == Some(node))
    {
        let latest = STAGES
            .iter()
            .rev()
            .find(|s| walk.item_points(&item.code, &Field::Stage(**s)).is_some());
        let counted = walk.totals.items.iter().find(|i| i.code == item.code);
        let taken = counted.map_or(Decimal::ZERO, |i| i.counted);
        let mut text = format!(
            "−{} ({} {})",
            number(taken, l),
            Text::ItemCap.get(l),
            number(item.cap, l)
        );
        if let Some(stage) = latest {
            let reason = walk
                .reason(&item.code, &Field::Stage(*stage))
                .unwrap_or("—");
            text.push_str(&format!(
                " · {} — {}: {reason}",
                stage.label(l),
                Text::ItemReason.get(l)
            ));
        }
        let label = format!("{} {}", Text::PenaltyItem.get(l), item.code);
        let mut lines = labeled(&label, &text, cols, theme);
        clip_lines(&mut lines, cols, 3);
        out.extend(lines);
    }
    out
}
