use super::*;

fn ids(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

struct Ev {
    id: &'static str,
    target: &'static str,
    field: &'static str,
    value: &'static str,
    parents: Vec<String>,
    seen: Vec<String>,
}

fn facts(evs: &[Ev]) -> Vec<Facts<'_>> {
    evs.iter()
        .map(|e| Facts {
            id: e.id,
            target: e.target,
            field: e.field,
            value: e.value,
            parents: &e.parents,
            seen: Some(&e.seen),
        })
        .collect()
}

fn ev(
    id: &'static str,
    target: &'static str,
    field: &'static str,
    value: &'static str,
    parents: &[&str],
    seen: &[&str],
) -> Ev {
    Ev {
        id,
        target,
        field,
        value,
        parents: ids(parents),
        seen: ids(seen),
    }
}

#[test]
fn edits_before_a_submit_stand_and_concurrent_ones_are_late() {
    let evs = [
        ev("a1", "1.1.1", "self", "{}", &[], &[]),
        ev("s1", "status", "status", "\"submitted\"", &[], &["a1"]),
        ev("a2", "1.1.1", "self", "{}", &["a1"], &[]),
        ev("b1", "1.1.1", "appraisal1", "{}", &[], &[]),
    ];
    let late = late(&facts(&evs));
    let ids: Vec<&str> = late.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["a2"], "{late:?}");
}

#[test]
fn reopen_concurrent_with_finalize_is_late_and_edits_after_a_reopen_stand() {
    let evs = [
        ev("s1", "status", "status", "\"submitted\"", &[], &[]),
        ev("f1", "status", "status", "\"final\"", &["s1"], &["s1"]),
        ev("r1", "status", "status", "\"draft\"", &["s1"], &["s1"]),
        ev("r2", "status", "status", "\"appraising\"", &["f1"], &["f1"]),
        ev("x1", "1.1.1", "appraisal1", "{}", &[], &["r2"]),
    ];
    let late = late(&facts(&evs));
    let ids: Vec<&str> = late.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["r1"], "{late:?}");
}

#[test]
fn a_cancel_must_change_what_was_seen_and_find_the_assessment_empty() {
    assert_eq!(check_withdrawal(false, "true", false), Ok(()));
    assert_eq!(check_withdrawal(true, "false", true), Ok(()));
    let refused = |w| Err(Refusal::Withdrawal(w));
    assert_eq!(
        check_withdrawal(true, "true", false),
        refused(Withdrawal::AlreadyCancelled)
    );
    assert_eq!(
        check_withdrawal(false, "false", false),
        refused(Withdrawal::NotCancelled)
    );
    assert_eq!(
        check_withdrawal(false, "true", true),
        refused(Withdrawal::HasContent)
    );
    assert_eq!(
        check_withdrawal(false, "\"yes\"", false),
        refused(Withdrawal::Malformed)
    );
}

#[test]
fn a_cancel_in_force_concurrent_with_a_score_is_late_and_a_restored_one_is_not() {
    let score =
        |id, seen: &[&'static str]| ev(id, "1.1.1", "self", "{\"points\":\"0.5\"}", &[], seen);
    let concurrent = [
        ev("c1", "status", "cancelled", "true", &[], &[]),
        score("a1", &[]),
    ];
    let late_ids =
        |evs: &[Ev]| -> Vec<String> { late(&facts(evs)).into_iter().map(|(id, _)| id).collect() };
    assert_eq!(late_ids(&concurrent), ["c1"]);
    // Cancelled, restored, then scored: the cancel is no longer in force.
    let restored = [
        ev("c1", "status", "cancelled", "true", &[], &[]),
        ev("r1", "status", "cancelled", "false", &["c1"], &["c1"]),
        score("a1", &[]),
    ];
    assert!(late_ids(&restored).is_empty());
    // A score cleared before the cancel is in the cancel's past.
    let cleared = [
        score("a1", &[]),
        ev("a2", "1.1.1", "self", "null", &["a1"], &[]),
        ev("c1", "status", "cancelled", "true", &[], &["a2"]),
    ];
    assert!(late_ids(&cleared).is_empty());
}

#[test]
fn a_transition_must_start_from_the_status_seen() {
    assert_eq!(
        check_status(Status::Draft, "\"submitted\""),
        Ok(Status::Submitted)
    );
    assert!(check_status(Status::Draft, "\"final\"").is_err());
    assert!(check_status(Status::Final, "\"nonsense\"").is_err());
}

#[test]
fn a_merged_bonus_or_penalty_figure_without_its_reason_is_refused_as_a_value() {
    let f = crate::scoring::fixture::rule_kinds();
    assert_eq!(
        check_reason(&f, &Target::item("D1"), "self", None),
        Err(Refusal::Value {
            target: "D1".into(),
            field: "self".into(),
            error: ValueError::ReasonRequired {
                target: "D1".into()
            },
        })
    );
    assert_eq!(
        check_reason(&f, &Target::item("D1"), "self", Some("Bị phê bình")),
        Ok(())
    );
    assert_eq!(
        check_reason(&f, &Target::item("1.1.5"), "self", None),
        Ok(())
    );
}

#[test]
fn a_merged_value_off_its_field_is_refused_with_the_target_the_field_and_why() {
    let f = crate::scoring::fixture::rule_kinds();
    assert_eq!(
        check_value(&f, &Target::item("1.1.1"), "made_up", "\"bịa\""),
        Err(Refusal::Value {
            target: "1.1.1".into(),
            field: "made_up".into(),
            error: ValueError::NoSuchField {
                target: "1.1.1".into(),
                field: "made_up".into()
            },
        })
    );
    assert_eq!(
        check_value(&f, &Target::item("1.1.1"), "explanation", "\"Có\""),
        Ok(())
    );
}
