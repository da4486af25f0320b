//! What the detail pane adds for the appraisal cycle: the council's view of a sub-criterion
//! (self score against the appraisal of the round, the gap, the final score) and, for every
//! officer, which of the fields of their seat they may change here, or why not.

use ratatui::text::{Line, Span};
use rust_decimal::Decimal;

use crate::app::{App, Seat, Walk};
use crate::fields::Field;
use crate::framework::{Source, SubCriterion};
use crate::i18n::ui::Text;
use crate::i18n::{Lang, number};
use crate::scoring::{self, Stage};

use crate::ui::Theme;
use crate::ui::detail::labeled;
use crate::ui::text::wrap;

/// `Tự chấm 1 → Thẩm định 0,5 · Chênh !0,5 · Điểm chốt 0,5`.
pub(in crate::ui) fn comparison_lines(
    walk: &Walk,
    sub: &SubCriterion,
    l: Lang,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let code = &sub.code;
    let own = walk.points(code, Stage::SelfAssessment);
    let show = |p: Option<Decimal>| p.map_or_else(|| "—".to_string(), |p| number(p, l));
    let mut text = format!(
        "{} {} → {} {}",
        Stage::SelfAssessment.label(l),
        show(own),
        walk.appraisal_stage().label(l),
        show(walk.points(code, walk.appraisal_stage()))
    );
    let mut alarm = false;
    let (first, second) = (
        walk.points(code, Stage::Appraisal1),
        walk.points(code, Stage::Appraisal2),
    );
    if let Some(gap) = scoring::council_gap(own, first, second) {
        alarm = gap != Decimal::ZERO;
        let mark = if alarm { "!" } else { "" };
        text.push_str(&format!(
            " · {} {mark}{}",
            Text::GapShort.get(l),
            number(gap, l)
        ));
    }
    let final_points = walk.totals.sub(code).map(|t| t.effective);
    text.push_str(&format!(
        " · {} {}",
        Text::FinalScore.get(l),
        show(final_points)
    ));
    let mut lines = labeled(Text::AppraisalTitle.get(l), &text, cols, theme);
    if alarm {
        for line in &mut lines {
            for span in &mut line.spans {
                span.style = span.style.patch(theme.warn());
            }
        }
    }
    lines
}

/// `✎ Tự chấm: được sửa` or `🔒 Thẩm định lần 1: chỉ xem — <why>` for the seat's score field
/// (and the unit's evidence when self-assessing).
pub(in crate::ui) fn editable_lines(
    app: &App,
    walk: &Walk,
    sub: &SubCriterion,
    cols: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    if sub.source == Source::Survey {
        return Vec::new();
    }
    let l = app.lang;
    let fields: Vec<(String, Field)> = match walk.seat {
        Seat::Unit => vec![
            (
                Stage::SelfAssessment.label(l).to_string(),
                Field::Stage(Stage::SelfAssessment),
            ),
            (Text::FieldEvidence.get(l).to_string(), Field::EvidenceList),
        ],
        Seat::Council => {
            let stage = walk.appraisal_stage();
            vec![(stage.label(l).to_string(), Field::Stage(stage))]
        }
    };
    let mut open = Vec::new();
    let mut out = Vec::new();
    for (label, field) in fields {
        match walk.lock_reason(&field, l, app.read_only) {
            None => open.push(label),
            Some(why) => out.extend(
                wrap(
                    &format!("× {label}: {} — {why}", Text::ReadOnlyMark.get(l)),
                    cols,
                )
                .into_iter()
                .map(|s| Line::from(Span::styled(s, theme.dim()))),
            ),
        }
    }
    if !open.is_empty() {
        let text = format!("✎ {}: {}", Text::Editable.get(l), open.join(", "));
        let lines = wrap(&text, cols)
            .into_iter()
            .map(|s| Line::from(Span::styled(s, theme.ok())));
        out.splice(0..0, lines);
    }
    out
}
