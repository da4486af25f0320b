//! The detail pane for an area or a criterion: its points by stage against its cap, its
//! component index, whether its children overflow the cap, and each child with its mark.

use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use crate::app::tree::NodeKind;
use crate::app::{App, Walk};
use crate::i18n::ui::Text;
use crate::i18n::{Lang, number, number_fixed};

use crate::ui::Theme;
use crate::ui::detail::{labeled, styled};
use crate::ui::text::{fit, pad, pad_left, width};

pub(in crate::ui) fn lines(
    app: &App,
    walk: &Walk,
    code: &str,
    kind: NodeKind,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let l = app.lang;
    let n = |d| number(d, l);
    let (name, children) = name_and_children(walk, code, kind);
    let Some(t) = walk.totals.node(code) else {
        return Vec::new();
    };
    let word = if kind == NodeKind::Area {
        Text::Area
    } else {
        Text::Criterion
    };
    let head = format!(
        "{} {code} · {}/{} · {}%",
        word.get(l),
        n(t.points),
        n(t.max),
        n(t.index_percent)
    );
    let mut out = styled(&head, cols, theme.heading());
    out.extend(styled(&name, cols, theme.label()));
    let shown = |d: Option<Decimal>| d.map_or_else(|| "—".into(), n);
    let stages = [
        (Text::SelfShort, Some(t.self_points)),
        (Text::Appraisal1Short, t.appraisal1),
        (Text::Appraisal2Short, t.appraisal2),
        (Text::FinalShort, Some(t.final_points)),
        (Text::SurveyShort, Some(t.survey)),
    ]
    .map(|(label, points)| format!("{} {}", label.get(l), shown(points)))
    .join(" · ");
    out.extend(labeled(Text::Points.get(l), &stages, cols, theme));
    if t.over_cap {
        let text = format!("▲ {}", Text::ChildrenOverCap.get(l));
        out.extend(styled(&text, cols, theme.error()));
    }
    out.extend(crate::ui::screens::items::node_penalties(
        walk, code, l, cols, theme,
    ));
    out.push(Line::from(""));
    out.extend(children_lines(walk, children, l, cols, theme));
    out
}

/// The node's name and its children's (code, name).
fn name_and_children(walk: &Walk, code: &str, kind: NodeKind) -> (String, Vec<(String, String)>) {
    let f = &walk.framework;
    let pair = |c: &str, n: &str| (c.to_string(), n.to_string());
    let found = match kind {
        NodeKind::Area => f.areas.iter().find(|a| a.code == code).map(|a| {
            (
                a.name.clone(),
                a.criteria.iter().map(|c| pair(&c.code, &c.name)).collect(),
            )
        }),
        _ => f.criteria().find(|c| c.code == code).map(|c| {
            (
                c.name.clone(),
                c.subs.iter().map(|s| pair(&s.code, &s.name)).collect(),
            )
        }),
    };
    found.unwrap_or_default()
}

/// One line per child: code, name, points / cap aligned, mark.
fn children_lines(
    walk: &Walk,
    children: Vec<(String, String)>,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let n = |d| number_fixed(d, walk.framework.decimals, l);
    let points = |child: &str| {
        let node = walk
            .totals
            .node(child)
            .map(|c| format!("{}/{}", n(c.points), n(c.max)));
        node.or_else(|| {
            walk.totals.sub(child).map(|s| {
                let got = s
                    .final_points
                    .or(s.survey)
                    .map_or_else(|| "-".to_string(), n);
                format!("{got}/{}", n(s.max))
            })
        })
        .unwrap_or_default()
    };
    let rows: Vec<(String, String, String)> = children
        .into_iter()
        .map(|(c, name)| (points(&c), c, name))
        .collect();
    let code_w = rows.iter().map(|r| width(&r.1)).max().unwrap_or(0);
    let pts_w = rows.iter().map(|r| width(&r.0)).max().unwrap_or(0);
    let room = cols.saturating_sub(code_w + pts_w + 4);
    rows.into_iter()
        .map(|(pts, child, name)| {
            let mark = walk.mark(&child);
            let line = format!(
                "{} {} {} ",
                pad(&child, code_w),
                pad(&name, room),
                pad_left(&pts, pts_w)
            );
            Line::from(vec![
                Span::raw(fit(&line, cols.saturating_sub(1))),
                Span::styled(
                    mark.symbol().to_string(),
                    crate::ui::tree::mark_style(mark, theme),
                ),
            ])
        })
        .collect()
}
