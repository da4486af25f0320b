//! The words of the bonus and penalty items (điểm thưởng, điểm trừ) in a unit's report.

words! {
    /// The heading row over the items.
    heading => "Điểm thưởng, điểm trừ", "Bonus and penalty items";
    /// Before the council's reason of the first appraisal round.
    round1 => "Lần 1", "Round 1";
    /// Before the council's reason of the second appraisal round.
    round2 => "Lần 2", "Round 2";
    bonus => "điểm thưởng", "bonus";
    penalty => "điểm trừ", "penalty";
    /// Between a penalty and the area or criterion it takes points from: "điểm trừ vào 1.1".
    taken_from => "vào", "on";
}
