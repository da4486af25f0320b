//! Deterministic states for the appraisal cycle, the ranking and the conflicts screen.

use parindex::app::{Action, App};
use parindex::cycle::{FieldGroup, Status};
use parindex::fields;
use parindex::i18n::Lang;
use parindex::level::Level;
use parindex::report::{Ranking, RankingRow, rank};
use parindex::scoring;
use parindex::store::{Conflict, Event, FieldState, inputs_from};

use super::*;

/// Xã Bảo Ninh submitted: self scores with evidence; the council appraised 1.1.2 lower with a
/// note and 1.2.1 equal.
pub fn appraisal_fields() -> Vec<FieldState> {
    let mut out = walk_fields();
    out.retain(|s| !s.conflict);
    out.push(state(
        "1.1.2",
        "appraisal1",
        r#"{"points":"0.5"}"#,
        OTHER,
        LATER,
    ));
    out.push(state(
        "1.1.2",
        fields::APPRAISAL_NOTE,
        &fields::encode_text("Tỷ lệ 92% chưa có văn bản chứng minh; chỉ tính 0,5"),
        OTHER,
        LATER,
    ));
    out.push(state(
        "1.2.1",
        "appraisal1",
        r#"{"points":"1.5"}"#,
        OTHER,
        LATER,
    ));
    out
}

/// The walkthrough of a submitted assessment, as an officer with `refusals` opens it.
pub fn cycle_app(status: Status, refusals: Vec<(FieldGroup, String)>, lang: Lang) -> App {
    let mut app = App::new(lang, USER);
    let mut o = opened(XA, "dong-hoi-bao-ninh", "Xã Bảo Ninh", appraisal_fields());
    o.status = status;
    o.refusals = refusals;
    app.update(Action::Opened(Box::new(o)));
    app
}

pub fn select(app: &mut App, code: &str) {
    if let parindex::app::Screen::Walk(w) = &mut app.screen {
        let f = w.framework.clone();
        w.tree.select(&f, code);
    }
}

fn ranking_row(
    code: &str,
    name: &str,
    status: Status,
    scores: &[(&str, &str, Option<&str>)],
) -> RankingRow {
    let f = framework(XA);
    let mut states = Vec::new();
    for (sub, own, appraised) in scores {
        states.push(points(sub, own));
        if let Some(a) = appraised {
            states.push(state(
                sub,
                "appraisal1",
                &format!(r#"{{"points":"{a}"}}"#),
                OTHER,
                LATER,
            ));
        }
    }
    let totals = scoring::totals(&f, &inputs_from(&states));
    RankingRow {
        rank: 0,
        unit: code.into(),
        unit_name: name.into(),
        status,
        totals,
        previous: None,
    }
}

/// Four communes: one inflated its self-score, one was appraised as scored, one has little.
pub fn ranking() -> Ranking {
    let f = framework(XA);
    let full: Vec<(String, String)> = f
        .subs()
        .filter(|s| s.source == parindex::framework::Source::SelfAssessed)
        .map(|s| (s.code.clone(), parindex::scoring::canonical(s.max)))
        .collect();
    let all = |share: usize, cut: bool| -> Vec<(String, String, Option<String>)> {
        full.iter()
            .enumerate()
            .filter(|(i, _)| i % 10 < share)
            .map(|(i, (c, m))| {
                let appraised = (cut && i % 3 == 0).then(|| "0".to_string());
                (c.clone(), m.clone(), appraised)
            })
            .collect()
    };
    let make = |code: &str, name: &str, status, v: Vec<(String, String, Option<String>)>| {
        let refs: Vec<(&str, &str, Option<&str>)> = v
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_deref()))
            .collect();
        ranking_row(code, name, status, &refs)
    };
    let rows = vec![
        make(
            "dong-hoi-bao-ninh",
            "Xã Bảo Ninh",
            Status::Final,
            all(10, false),
        ),
        make(
            "dong-hoi-duc-ninh",
            "Phường Đức Ninh Đông",
            Status::Appraising,
            all(9, true),
        ),
        make(
            "bo-trach-ly-trach",
            "Xã Lý Trạch",
            Status::Submitted,
            all(7, false),
        ),
        make(
            "minh-hoa-dan-hoa",
            "Xã Dân Hóa",
            Status::Draft,
            all(3, true),
        ),
    ];
    let mut ranking = Ranking {
        bands: framework(XA).bands.clone(),
        year: 2025,
        level: Level::Xa,
        decimals: f.decimals,
        index_decimals: f.index_decimals,
        areas: f
            .areas
            .iter()
            .map(|a| (a.code.clone(), a.name.clone()))
            .collect(),
        rows: Vec::new(),
        modelled: false,
        final_only: false,
        framework_name: f.name.clone(),
        decision: f.decision.clone(),
        sub_names: f.subs().map(|s| (s.code.clone(), s.name.clone())).collect(),
        lost: Default::default(),
    };
    // As the store gathers it: each row's losses go to the tally.
    for row in rows {
        ranking.push(row);
    }
    ranking.rows = rank(std::mem::take(&mut ranking.rows));
    ranking
}

pub fn event(id: &str, field: &str, value: &str, author: &str, host: &str, at: &str) -> Event {
    Event {
        id: id.into(),
        key: key(XA, "dong-hoi-bao-ninh"),
        target: "1.3.1".into(),
        field: field.into(),
        value: value.into(),
        parents: vec!["root".into()],
        author: author.into(),
        host: host.into(),
        at: at.into(),
        reason: None,
    }
}

/// The names of the units of [`conflicts`], as the shell loads them.
pub fn conflict_units() -> Vec<(String, String)> {
    vec![("dong-hoi-bao-ninh".into(), "Xã Bảo Ninh".into())]
}

/// Two conflicts after merging a laptop copy: a score and an explanation.
pub fn conflicts() -> Vec<Conflict> {
    let score = |id, p, author, host, at| {
        event(
            id,
            "self",
            &format!(r#"{{"points":"{p}"}}"#),
            author,
            host,
            at,
        )
    };
    let text = |id, t: &str, author, host, at| {
        let mut e = event(
            id,
            fields::EXPLANATION,
            &fields::encode_text(t),
            author,
            host,
            at,
        );
        e.target = "1.1.1".into();
        e
    };
    let conflict = |heads: Vec<Event>| {
        let first = heads[0].clone();
        Conflict {
            key: first.key.clone(),
            state: FieldState {
                target: first.target.clone(),
                field: first.field.clone(),
                value: first.value.clone(),
                heads: heads.iter().map(|e| e.id.clone()).collect(),
                conflict: true,
                author: first.author.clone(),
                at: first.at.clone(),
            },
            heads,
        }
    };
    vec![
        conflict(vec![
            text(
                "ev-b",
                "Kế hoạch ban hành đúng hạn (bản trên máy xách tay)",
                OTHER,
                "laptop-minh",
                LATER,
            ),
            text(
                "ev-a",
                "Kế hoạch ban hành ngày 15/01",
                USER,
                "may-chu-snv",
                AT,
            ),
        ]),
        conflict(vec![
            score("ev-d", "1", OTHER, "laptop-minh", LATER),
            score("ev-c", "0.5", USER, "may-chu-snv", AT),
        ]),
    ]
}
