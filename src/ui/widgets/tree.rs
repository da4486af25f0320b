//! The left pane of the walkthrough: areas → criteria → sub-criteria, each line with its code,
//! short name, points against its cap and a state mark; the selection always in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::tree::{NodeKind, TreeRow};
use crate::app::walk::marks::Mark;
use crate::app::{App, Walk};
use crate::framework::Source;
use crate::i18n::{Lang, number_fixed};

use crate::ui::text::{pad, pad_left, width};
use crate::ui::{Theme, ViewState};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    area: Rect,
    view: &mut ViewState,
) {
    let rows = walk.tree.rows(&walk.framework);
    let height = area.height as usize;
    let selected = walk.tree.selected_index(&rows);
    view.tree_offset = keep_in_view(view.tree_offset, selected, height, rows.len());
    let points: Vec<String> = rows.iter().map(|r| points(walk, r, app.lang)).collect();
    let code_w = rows.iter().map(|r| width(&r.code)).max().unwrap_or(0);
    let points_w = points.iter().map(|p| width(p)).max().unwrap_or(0);
    let lines: Vec<Line> = rows
        .iter()
        .zip(&points)
        .enumerate()
        .skip(view.tree_offset)
        .take(height)
        .map(|(i, (row, pts))| {
            let layout = Columns {
                code: code_w,
                points: points_w,
                total: area.width as usize,
                lang: app.lang,
            };
            line(walk, row, pts, layout, i == selected, &view.theme)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// The first visible row, moved as little as possible so that `selected` is on screen.
pub(in crate::ui) fn keep_in_view(
    offset: usize,
    selected: usize,
    height: usize,
    len: usize,
) -> usize {
    if height == 0 {
        return 0;
    }
    let mut offset = offset.min(len.saturating_sub(height));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}

#[derive(Clone, Copy)]
struct Columns {
    code: usize,
    points: usize,
    total: usize,
    lang: Lang,
}

fn line(
    walk: &Walk,
    row: &TreeRow,
    pts: &str,
    cols: Columns,
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let prefix = match (row.kind, row.expanded) {
        (NodeKind::Area, true) => "▾ ",
        (NodeKind::Area, false) => "▸ ",
        (NodeKind::Criterion, true) => " ▾ ",
        (NodeKind::Criterion, false) => " ▸ ",
        (NodeKind::Sub, _) => "   ",
    };
    let name = name_of(walk, row, cols.lang);
    let fixed = 3 + cols.code + 1 + 1 + cols.points + 1 + 1;
    let name_w = cols.total.saturating_sub(fixed);
    let mark = walk.mark(&row.code);
    let head = format!(
        "{}{} {} {} ",
        pad(prefix, 3),
        pad(&row.code, cols.code),
        pad(&name, name_w),
        pad_left(pts, cols.points)
    );
    let base = if selected {
        theme.selected()
    } else if row.kind == NodeKind::Area {
        theme.label()
    } else {
        theme.base()
    };
    let mark_style = if selected {
        base
    } else {
        mark_style(mark, theme)
    };
    Line::from(vec![
        Span::styled(head, base),
        Span::styled(mark.symbol().to_string(), mark_style),
    ])
}

/// The node's name: the English gloss in English when the framework has one.
fn name_of(walk: &Walk, row: &TreeRow, lang: Lang) -> String {
    let f = &walk.framework;
    let pick = |name: &String, en: &Option<String>| match (lang, en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => name.clone(),
    };
    match row.kind {
        NodeKind::Area => f
            .areas
            .iter()
            .find(|a| a.code == row.code)
            .map(|a| pick(&a.name, &a.name_en)),
        NodeKind::Criterion => f
            .criteria()
            .find(|c| c.code == row.code)
            .map(|c| pick(&c.name, &c.name_en)),
        NodeKind::Sub => f.sub(&row.code).map(|s| pick(&s.name, &s.name_en)),
    }
    .unwrap_or_default()
}

/// `7,25/9,00`: points that count against the cap, with the framework's decimal places so the
/// column lines up. A not-applicable sub-criterion shows the max it counts (0), as its
/// criterion's total does.
fn points(walk: &Walk, row: &TreeRow, lang: Lang) -> String {
    let n = |d| number_fixed(d, walk.framework.decimals, lang);
    if row.kind != NodeKind::Sub {
        return walk
            .totals
            .node(&row.code)
            .map(|t| format!("{}/{}", n(t.points), n(t.max)))
            .unwrap_or_default();
    }
    let (Some(t), Some(sub)) = (walk.totals.sub(&row.code), walk.framework.sub(&row.code)) else {
        return String::new();
    };
    let got = match sub.source {
        _ if t.na => None,
        Source::Survey => t.survey,
        Source::SelfAssessed => t.final_points,
    };
    let shown = got.map_or_else(|| "-".to_string(), n);
    format!("{shown}/{}", n(t.max))
}

pub(in crate::ui) fn mark_style(mark: Mark, theme: &Theme) -> Style {
    match mark {
        Mark::Scored => theme.ok(),
        Mark::Unscored | Mark::NotApplicable => theme.dim(),
        Mark::MissingEvidence | Mark::OffRule | Mark::ExplanationOnly => theme.warn(),
        Mark::Conflict | Mark::OverCap => theme.error(),
    }
}
