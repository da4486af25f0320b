//! The totals bar, always visible under the walkthrough: self / appraised / final points against
//! their caps, survey points, total / 100, index % and band, progress, missing evidence,
//! conflicts, and whether the last change is on disk.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{App, SaveState, Walk};
use crate::i18n::ui::Text;
use crate::i18n::{Lang, number};
use crate::scoring::Part;

use super::ViewState;
use super::text::fit;

pub(super) fn render(frame: &mut Frame, app: &App, walk: &Walk, area: Rect, view: &ViewState) {
    let l = app.lang;
    let t = &walk.totals;
    let n = |d| number(d, l);
    let part = |p: &Part| format!("{}/{}", n(p.points), n(p.max));
    let sep = Span::styled(" │ ", view.theme.dim());
    let item = |label: Text, value: String| {
        vec![
            Span::styled(format!("{} ", label.get(l)), view.theme.label()),
            Span::raw(value),
        ]
    };
    let mut first = vec![Span::raw(" ")];
    for (i, (label, p)) in [
        (Text::SelfShort, &t.self_part),
        (Text::AppraisedShort, &t.appraised),
        (Text::FinalShort, &t.final_part),
        (Text::SurveyShort, &t.survey),
    ]
    .into_iter()
    .enumerate()
    {
        if i > 0 {
            first.push(sep.clone());
        }
        first.extend(item(label, part(p)));
    }
    let band = walk
        .framework
        .band_for(t.index_percent)
        .map(|b| band_name(b, l))
        .unwrap_or_default();
    let mut second = vec![Span::raw(" ")];
    second.extend(item(Text::Total, format!("{}/{}", n(t.total), n(t.max))));
    second.push(sep.clone());
    second.extend(item(Text::Index, format!("{}% {band}", n(t.index_percent))));
    second.push(sep.clone());
    second.extend(item(
        Text::Progress,
        format!("{}/{}", t.progress.0, t.progress.1),
    ));
    second.push(sep.clone());
    let missing_style = if t.missing_evidence > 0 {
        view.theme.warn()
    } else {
        view.theme.base()
    };
    second.push(Span::styled(
        format!("! {} {}", Text::MissingShort.get(l), t.missing_evidence),
        missing_style,
    ));
    if t.conflicts > 0 {
        second.push(sep.clone());
        second.push(Span::styled(
            format!("≠ {} {}", Text::ConflictsShort.get(l), t.conflicts),
            view.theme.error(),
        ));
    }
    second.push(sep);
    second.push(save_state(&app.save, l, view));
    let width = area.width as usize;
    let lines = vec![clip(first, width), clip(second, width)];
    frame.render_widget(Paragraph::new(lines).style(view.theme.base()), area);
}

pub(super) fn band_name(band: &crate::framework::Band, lang: Lang) -> String {
    match (lang, &band.name_en) {
        (Lang::En, Some(en)) => en.clone(),
        _ => band.name.clone(),
    }
}

fn save_state(state: &SaveState, l: Lang, view: &ViewState) -> Span<'static> {
    match state {
        SaveState::Idle | SaveState::Saved => {
            Span::styled(format!("✓ {}", Text::Saved.get(l)), view.theme.ok())
        }
        SaveState::Saving => Span::styled(format!("… {}", Text::Saving.get(l)), view.theme.warn()),
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
        let w = super::text::width(&span.content);
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
