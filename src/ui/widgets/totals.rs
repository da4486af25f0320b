//! The totals bar, always visible under the walkthrough: self / appraised / final points against
//! their caps, survey points, total / 100, index % and band, progress, missing evidence,
//! conflicts, and whether the last change is on disk.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, SaveState, Walk};
use crate::framework::AdjustmentKind;
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, number};
use crate::scoring::Part;
use crate::text::one_line;

use crate::ui::ViewState;
use crate::ui::text::fit;

/// The totals as lines for `width` columns: items flow onto as many lines as they need (two at
/// 80 columns, three when a long band name or a conflict count would not fit).
pub(in crate::ui) fn lines(
    app: &App,
    walk: &Walk,
    width: usize,
    view: &ViewState,
) -> Vec<Line<'static>> {
    let l = app.lang;
    let t = &walk.totals;
    let n = |d| number(d, l);
    let part = |p: &Part| format!("{}/{}", n(p.points), n(p.max));
    let item = |label: Text, value: String| {
        vec![
            Span::styled(format!("{} ", label.get(l)), view.theme.label()),
            Span::raw(value),
        ]
    };
    let mut items = vec![
        item(Text::SelfShort, part(&t.self_part)),
        item(
            Text::Appraisal1Short,
            t.appraisal1.as_ref().map_or_else(|| "—".into(), part),
        ),
        item(Text::FinalShort, part(&t.final_part)),
        item(Text::SurveyShort, part(&t.survey)),
    ];
    // Bonus and penalty count in the total: shown wherever the framework gives them.
    let f = &walk.framework;
    if f.bonus_cap.is_some() || f.has_items(AdjustmentKind::Bonus) {
        items.push(item(Text::BonusShort, format!("+{}", n(t.bonus))));
    }
    // (An area's or a criterion's penalties are already off that node's points.)
    if f.penalty_cap.is_some() || f.has_items(AdjustmentKind::Penalty) {
        items.push(item(Text::PenaltyShort, format!("−{}", n(t.penalty))));
    }
    let band = walk
        .framework
        .band_for(t.index_percent)
        .map(|b| band_name(b, l))
        .unwrap_or_default();
    items.push(item(Text::Total, format!("{}/{}", n(t.total), n(t.max))));
    items.push(item(Text::Index, format!("{}% {band}", n(t.index_percent))));
    items.push(item(
        Text::Progress,
        format!("{}/{}", t.progress.0, t.progress.1),
    ));
    let missing_style = if t.missing_evidence > 0 {
        view.theme.warn()
    } else {
        view.theme.base()
    };
    let missing = format!("! {} {}", Text::MissingShort.get(l), t.missing_evidence);
    items.push(vec![Span::styled(missing, missing_style)]);
    if t.conflicts > 0 {
        let conflicts = format!("≠ {} {}", Text::ConflictsShort.get(l), t.conflicts);
        items.push(vec![Span::styled(conflicts, view.theme.error())]);
    }
    if let Some(others) = others_here(app, walk) {
        items.push(vec![Span::styled(others, view.theme.warn())]);
    }
    // Review mode changes nothing, so it says nothing about saving.
    if !app.read_only {
        let in_conflict = matches!(walk.mode, crate::app::Mode::Conflict(_));
        items.push(vec![save_state(&app.save, in_conflict, l, view)]);
    }
    flow(items, width, view)
}

/// `Cũng đang sửa: tuan (5 phút trước), lan (vừa xong)`: officers who changed this assessment
/// lately, at most two by name.
fn others_here(app: &App, walk: &Walk) -> Option<String> {
    let now = app.now.as_deref()?;
    let others = crate::app::presence::others_here(&walk.fields, &app.user, now);
    if others.is_empty() {
        return None;
    }
    let mut names: Vec<String> = others
        .iter()
        .take(2)
        .map(|p| {
            format!(
                "{} ({})",
                one_line(&p.author),
                ui::minutes_ago(app.lang, p.minutes_ago)
            )
        })
        .collect();
    if others.len() > 2 {
        names.push(format!("+{}", others.len() - 2));
    }
    Some(format!(
        "{}: {}",
        Text::OthersHere.get(app.lang),
        names.join(", ")
    ))
}

/// Packs items into lines separated by ` │ `, a new line whenever the next item would not fit.
fn flow(items: Vec<Vec<Span<'static>>>, width: usize, view: &ViewState) -> Vec<Line<'static>> {
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let mut used = 0;
    for item in items {
        let w: usize = item
            .iter()
            .map(|s| crate::ui::text::width(&s.content))
            .sum();
        let fits = used + 3 + w <= width;
        if lines.is_empty() || !fits {
            lines.push(vec![Span::raw(" ")]);
            used = 1;
        } else {
            if let Some(line) = lines.last_mut() {
                line.push(Span::styled(" │ ", view.theme.dim()));
            }
            used += 3;
        }
        used += w;
        if let Some(line) = lines.last_mut() {
            line.extend(item);
        }
    }
    lines.into_iter().map(|spans| clip(spans, width)).collect()
}

pub(in crate::ui) fn render(
    frame: &mut Frame,
    lines: Vec<Line<'static>>,
    area: Rect,
    view: &ViewState,
) {
    frame.render_widget(Paragraph::new(lines).style(view.theme.base()), area);
}

pub(in crate::ui) fn band_name(band: &crate::framework::Band, lang: Lang) -> String {
    match (lang, &band.name_en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => band.name.clone(),
    }
}

/// Whether what I did is on disk; behind a conflict dialog, my change is not.
fn save_state(state: &SaveState, in_conflict: bool, l: Lang, view: &ViewState) -> Span<'static> {
    match state {
        _ if in_conflict => Span::styled(format!("✗ {}", Text::NotSaved.get(l)), view.theme.warn()),
        SaveState::Idle | SaveState::Saved => {
            Span::styled(format!("✓ {}", Text::Saved.get(l)), view.theme.ok())
        }
        SaveState::Saving => Span::styled(format!("… {}", Text::Saving.get(l)), view.theme.warn()),
        SaveState::Waiting(n) => Span::styled(
            format!("… {} {n}", Text::WaitingAttempt.get(l)),
            view.theme.warn(),
        ),
        SaveState::Failed(_) => {
            Span::styled(format!("✗ {}", Text::NotSaved.get(l)), view.theme.error())
        }
    }
}

/// Spans cut to the width (the last one with `…`).
fn clip(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = crate::ui::text::width(&span.content);
        if used + w <= width {
            used += w;
            out.push(span);
        } else {
            let cut = fit(&span.content, width.saturating_sub(used));
            out.push(Span::styled(cut, span.style));
            break;
        }
    }
    Line::from(out)
}
