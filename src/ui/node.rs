//! The detail pane for an area or a criterion: its points by stage against its cap, its
//! component index, whether its children overflow the cap, and each child with its mark.

use ratatui::text::{Line, Span};

use crate::app::tree::NodeKind;
use crate::app::{App, Walk};
use crate::i18n::ui::Text;
use crate::i18n::{Lang, number};

use super::Theme;
use super::detail::{labeled, styled};
use super::text::{fit, pad, pad_left, width};

pub(super) fn lines(
    app: &App,
    walk: &Walk,
    code: &str,
    kind: NodeKind,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let l = app.lang;
    let f = &walk.framework;
    let n = |d| number(d, l);
    let (name, children): (String, Vec<(String, String)>) = match kind {
        NodeKind::Area => f.areas.iter().find(|a| a.code == code).map(|a| {
            (
                a.name.clone(),
                a.criteria
                    .iter()
                    .map(|c| (c.code.clone(), c.name.clone()))
                    .collect(),
            )
        }),
        _ => f.criteria().find(|c| c.code == code).map(|c| {
            (
                c.name.clone(),
                c.subs
                    .iter()
                    .map(|s| (s.code.clone(), s.name.clone()))
                    .collect(),
            )
        }),
    }
    .unwrap_or_default();
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
    let stages = format!(
        "{} {} · {} {} · {} {} · {} {}",
        Text::SelfShort.get(l),
        n(t.self_points),
        Text::AppraisedShort.get(l),
        n(t.appraised),
        Text::FinalShort.get(l),
        n(t.final_points),
        Text::SurveyShort.get(l),
        n(t.survey)
    );
    out.extend(labeled(Text::Points.get(l), &stages, cols, theme));
    if t.over_cap {
        out.extend(styled(
            &format!("▲ {}", Text::ChildrenOverCap.get(l)),
            cols,
            theme.error(),
        ));
    }
    out.push(Line::from(""));
    out.extend(children_lines(walk, children, l, cols, theme));
    out
}

/// One line per child: code, name, points / cap aligned, mark.
fn children_lines(
    walk: &Walk,
    children: Vec<(String, String)>,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let n = |d| number(d, l);
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
                    super::tree::mark_style(mark, theme),
                ),
            ])
        })
        .collect()
}
