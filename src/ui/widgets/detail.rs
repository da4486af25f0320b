//! The right pane of the walkthrough: the selected node in full. For a sub-criterion: its text,
//! the rule in words (cách tính điểm), what it declares, the points at each stage, the evidence
//! required and given, the explanation, its flags, and who changed it last. Areas and criteria
//! are drawn by `node`; long text scrolls with PgUp / PgDn, and the last row says there is more.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::tree::{NodeKind, kind_of};
use crate::app::walk::marks::Mark;
use crate::app::{App, Seat, Walk};
use crate::fields::Field;
use crate::framework::{Source, SubCriterion};
use crate::i18n::ui::values;
use crate::i18n::ui::{self, Text};
use crate::i18n::{Lang, number};
use crate::scoring::Stage;

use crate::ui::text::{width, wrap};
use crate::ui::{Theme, ViewState};

pub(in crate::ui) fn render(
    frame: &mut Frame,
    app: &App,
    walk: &Walk,
    area: Rect,
    view: &ViewState,
) {
    let cols = area.width.saturating_sub(1) as usize;
    let code = &walk.tree.selected;
    let lines = match kind_of(&walk.framework, code) {
        Some(NodeKind::Sub) => walk
            .framework
            .sub(code)
            .map(|s| sub_lines(app, walk, s, cols, &view.theme))
            .unwrap_or_default(),
        Some(kind) => crate::ui::node::lines(app, walk, code, kind, cols, &view.theme),
        None => Vec::new(),
    };
    let total = lines.len();
    let height = area.height as usize;
    let overflow = total > height;
    // When the text is longer than the pane, the last row tells so instead of cutting a line.
    let shown = if overflow {
        height.saturating_sub(1)
    } else {
        height
    };
    let max_scroll = total.saturating_sub(shown) as u16;
    let scroll = walk.detail_scroll.min(max_scroll);
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        height: shown as u16,
        ..area
    };
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    if overflow && area.height > 0 {
        let more = if scroll < max_scroll {
            Text::MoreBelow
        } else {
            Text::MoreAbove
        };
        more_marker(
            frame,
            app,
            Rect {
                height: area.height,
                ..inner
            },
            more,
            view,
        );
    }
}

/// A marker on the last row: the text goes on below (PgDn) or above (PgUp).
fn more_marker(frame: &mut Frame, app: &App, area: Rect, more: Text, view: &ViewState) {
    let arrow = if more == Text::MoreBelow {
        "▼"
    } else {
        "▲"
    };
    let text = format!(" {arrow} {} ", more.get(app.lang));
    let w = (width(&text) as u16).min(area.width);
    let spot = Rect {
        x: area.right() - w,
        y: area.bottom() - 1,
        width: w,
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Span::styled(text, view.theme.selected())),
        spot,
    );
}

/// `label: text`, wrapped, the label in bold.
pub(in crate::ui) fn labeled(
    label: &str,
    text: &str,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let head = format!("{label}: ");
    let wrapped = wrap(&format!("{head}{text}"), cols);
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 && line.starts_with(&head) {
                let rest = line[head.len()..].to_string();
                Line::from(vec![
                    Span::styled(head.clone(), theme.label()),
                    Span::raw(rest),
                ])
            } else {
                Line::from(line)
            }
        })
        .collect()
}

pub(in crate::ui) fn styled(text: &str, cols: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, cols)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, style)))
        .collect()
}

fn sub_lines(
    app: &App,
    walk: &Walk,
    sub: &SubCriterion,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let l = app.lang;
    let mut out = heading_lines(sub, l, cols, theme);
    out.extend(labeled(
        Text::Rule.get(l),
        &sub.describe_rule(l),
        cols,
        theme,
    ));
    out.extend(requirement_lines(walk, sub, l, cols, theme));
    out.extend(declared_lines(walk, sub, l, cols, theme));
    out.extend(labeled(
        Text::Points.get(l),
        &stage_points(walk, sub, l),
        cols,
        theme,
    ));
    if walk.seat == Seat::Council && sub.source == Source::SelfAssessed {
        out.extend(crate::ui::council::comparison_lines(
            walk, sub, l, cols, theme,
        ));
    }
    out.extend(crate::ui::council::editable_lines(
        app, walk, sub, cols, theme,
    ));
    if let Some(required) = &sub.evidence {
        out.extend(labeled(
            Text::EvidenceRequired.get(l),
            required,
            cols,
            theme,
        ));
    }
    out.extend(evidence_lines(walk, &sub.code, l, cols, theme));
    out.extend(note_lines(walk, &sub.code, l, cols, theme));
    out.extend(flag_lines(walk, &sub.code, l, cols, theme));
    if let Some(last) = walk.last_change(&sub.code) {
        let who = format!(
            "{} · {}",
            last.author,
            crate::local_time::when(&last.at, &app.zone, app.lang)
        );
        out.extend(labeled(Text::LastChange.get(l), &who, cols, theme));
    }
    out
}

/// Code, max and source; the full name; the English gloss in English.
fn heading_lines(sub: &SubCriterion, l: Lang, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let source = match sub.source {
        Source::SelfAssessed => Text::SourceSelf,
        Source::Survey => Text::SourceSurvey,
    };
    let max = ui::max_points(l, &number(sub.max, l));
    let mut out = styled(
        &format!("{} · {max} · {}", sub.code, source.get(l)),
        cols,
        theme.heading(),
    );
    out.extend(styled(&sub.name, cols, theme.label()));
    if let (Lang::En, Some(en)) = (l, &sub.name_en) {
        out.extend(styled(en, cols, theme.dim()));
    }
    out
}

/// The unit's explanation, and the council's notes and the unit's answer when there are any.
fn note_lines(walk: &Walk, code: &str, l: Lang, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let explanation = walk.explanation(code);
    let explanation = match explanation.trim() {
        "" => Text::None.get(l).to_string(),
        _ => explanation,
    };
    let mut out = labeled(Text::FieldExplanation.get(l), &explanation, cols, theme);
    for note in [Field::AppraisalNote, Field::Appraisal2Note, Field::Response] {
        if let Some(state) = walk.field(code, &note) {
            let name = note.as_str();
            let text = values::display(&name, &state.value, l);
            out.extend(labeled(&values::field_label(&name, l), &text, cols, theme));
        }
    }
    out
}

fn declared_lines(
    walk: &Walk,
    sub: &SubCriterion,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let declared = walk
        .score(&sub.code, Stage::SelfAssessment)
        .and_then(|s| s.declared)
        .map(|d| values::declared(&d, l));
    match (&sub.declared_label, declared) {
        (Some(label), Some(value)) => labeled(
            Text::Declared.get(l),
            &format!("{label}: {value}"),
            cols,
            theme,
        ),
        (Some(label), None) => labeled(Text::Declared.get(l), &format!("{label}: —"), cols, theme),
        (None, Some(value)) => labeled(Text::Declared.get(l), &value, cols, theme),
        (None, None) => Vec::new(),
    }
}

fn stage_points(walk: &Walk, sub: &SubCriterion, l: Lang) -> String {
    let t = walk.totals.sub(&sub.code);
    if t.is_some_and(|t| t.na) {
        return Text::NotApplicable.get(l).to_string();
    }
    let shown = |stage: Stage| {
        walk.points(&sub.code, stage)
            .map_or_else(|| "—".to_string(), |p| number(p, l))
    };
    match sub.source {
        Source::Survey => format!("{} {}", Stage::Survey.label(l), shown(Stage::Survey)),
        Source::SelfAssessed => [Stage::SelfAssessment, Stage::Appraisal1, Stage::Appraisal2]
            .map(|s| format!("{} {}", s.label(l), shown(s)))
            .join(" · "),
    }
}

/// The evidence of a sub-criterion, one numbered line (wrapped) per document or citation.
pub(in crate::ui) fn evidence_lines(
    walk: &Walk,
    code: &str,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let list = walk.evidence(code);
    let label = ui::evidence_given(l, list.len());
    if list.is_empty() {
        return labeled(&label, Text::None.get(l), cols, theme);
    }
    let mut out = vec![Line::from(Span::styled(format!("{label}:"), theme.label()))];
    for (i, e) in list.iter().enumerate() {
        out.extend(
            wrap(
                &format!("{}. {}", i + 1, e.summary()),
                cols.saturating_sub(2),
            )
            .into_iter()
            .map(|s| Line::from(format!("  {s}"))),
        );
    }
    out
}

/// `requires`: the condition, in the warning style with the reason when it took points away.
fn requirement_lines(
    walk: &Walk,
    sub: &SubCriterion,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let Some(code) = &sub.requires else {
        return Vec::new();
    };
    let unmet = walk
        .totals
        .sub(&sub.code)
        .is_some_and(|t| t.flags.requirement_unmet);
    let text = ui::requirement(l, code, unmet);
    let mut lines = labeled(Text::Condition.get(l), &text, cols, theme);
    if unmet {
        for span in lines.iter_mut().flat_map(|line| line.spans.iter_mut()) {
            span.style = span.style.patch(theme.warn());
        }
    }
    lines
}

fn flag_lines(walk: &Walk, code: &str, l: Lang, cols: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(t) = walk.totals.sub(code) else {
        return Vec::new();
    };
    let flags = [
        (
            t.flags.missing_evidence && !t.flags.explanation_only,
            Mark::MissingEvidence,
            Text::MarkMissingEvidence,
        ),
        (
            t.flags.explanation_only,
            Mark::ExplanationOnly,
            Text::MarkExplanationOnly,
        ),
        (t.flags.conflict, Mark::Conflict, Text::MarkConflict),
        (t.flags.over_cap, Mark::OverCap, Text::MarkOverCap),
        (t.flags.off_rule, Mark::OffRule, Text::MarkOffRule),
    ];
    let shown: Vec<String> = flags
        .iter()
        .filter(|(on, _, _)| *on)
        .map(|(_, mark, text)| format!("{} {}", mark.symbol(), text.get(l)))
        .collect();
    if shown.is_empty() {
        return Vec::new();
    }
    let mut lines = labeled(Text::Flags.get(l), &shown.join("; "), cols, theme);
    for line in &mut lines {
        for span in &mut line.spans {
            span.style = span.style.patch(theme.warn());
        }
    }
    lines
}
