//! The walkthrough's tree of areas → criteria → sub-criteria as a pure selection model: which
//! nodes are expanded, which one is selected, the visible rows, moving, and finding nodes (next
//! sub-criterion, search by code or diacritic-free text).

use std::collections::BTreeSet;

use crate::framework::{Framework, Source};
use crate::text::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Area,
    Criterion,
    Sub,
}

/// One visible line of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TreeRow {
    pub kind: NodeKind,
    pub code: String,
    pub expanded: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    /// Codes of expanded areas and criteria.
    pub expanded: BTreeSet<String>,
    pub selected: String,
}

impl Tree {
    /// The first sub-criterion of the first area selected, its parents expanded.
    pub fn new(f: &Framework) -> Tree {
        let mut tree = Tree::default();
        match f.subs().next() {
            Some(sub) => tree.select(f, &sub.code),
            None => tree.selected = f.areas.first().map(|a| a.code.clone()).unwrap_or_default(),
        }
        tree
    }

    /// Every visible row, in framework order.
    pub fn rows(&self, f: &Framework) -> Vec<TreeRow> {
        let mut rows = Vec::new();
        for area in &f.areas {
            let open = self.expanded.contains(&area.code);
            rows.push(row(NodeKind::Area, &area.code, open));
            if !open {
                continue;
            }
            for c in &area.criteria {
                let open = self.expanded.contains(&c.code);
                rows.push(row(NodeKind::Criterion, &c.code, open));
                if open {
                    rows.extend(c.subs.iter().map(|s| row(NodeKind::Sub, &s.code, false)));
                }
            }
        }
        rows
    }

    /// Index of the selected row among `rows` (0 when it is hidden).
    pub fn selected_index(&self, rows: &[TreeRow]) -> usize {
        rows.iter()
            .position(|r| r.code == self.selected)
            .unwrap_or(0)
    }

    /// Moves the selection by `delta` visible rows, stopping at the ends.
    pub fn move_by(&mut self, f: &Framework, delta: isize) {
        let rows = self.rows(f);
        if rows.is_empty() {
            return;
        }
        let at = self.selected_index(&rows) as isize + delta;
        let at = at.clamp(0, rows.len() as isize - 1) as usize;
        self.selected = rows[at].code.clone();
    }

    pub fn select_last(&mut self, f: &Framework) {
        if let Some(last) = self.rows(f).last() {
            self.selected = last.code.clone();
        }
    }

    /// Selects any node, expanding its parents so that it is visible.
    pub fn select(&mut self, f: &Framework, code: &str) {
        for parent in parents(f, code) {
            self.expanded.insert(parent);
        }
        self.selected = code.to_string();
    }

    pub fn kind(&self, f: &Framework) -> Option<NodeKind> {
        kind_of(f, &self.selected)
    }

    pub fn is_expanded(&self) -> bool {
        self.expanded.contains(&self.selected)
    }

    pub fn expand(&mut self) {
        self.expanded.insert(self.selected.clone());
    }

    pub fn collapse(&mut self) {
        self.expanded.remove(&self.selected);
    }

    /// Selects the parent of the selected node; false at an area.
    pub fn select_parent(&mut self, f: &Framework) -> bool {
        match parents(f, &self.selected).pop() {
            Some(parent) => {
                self.selected = parent;
                true
            }
            None => false,
        }
    }
}

fn row(kind: NodeKind, code: &str, expanded: bool) -> TreeRow {
    TreeRow {
        kind,
        code: code.to_string(),
        expanded,
    }
}

pub fn kind_of(f: &Framework, code: &str) -> Option<NodeKind> {
    if f.areas.iter().any(|a| a.code == code) {
        Some(NodeKind::Area)
    } else if f.criteria().any(|c| c.code == code) {
        Some(NodeKind::Criterion)
    } else if f.sub(code).is_some() {
        Some(NodeKind::Sub)
    } else {
        None
    }
}

/// The area and criterion above a node, outermost first.
pub fn parents(f: &Framework, code: &str) -> Vec<String> {
    for area in &f.areas {
        for c in &area.criteria {
            if c.code == code {
                return vec![area.code.clone()];
            }
            if c.subs.iter().any(|s| s.code == code) {
                return vec![area.code.clone(), c.code.clone()];
            }
        }
    }
    Vec::new()
}

/// The sub-criterion after `code` that the unit scores itself (the guided walk skips survey
/// sub-criteria); none after the last one.
pub fn next_self_sub(f: &Framework, code: &str) -> Option<String> {
    f.subs()
        .skip_while(|s| s.code != code)
        .skip(1)
        .find(|s| s.source == Source::SelfAssessed)
        .map(|s| s.code.clone())
}

/// The first sub-criterion after `code` (wrapping around) for which `wanted` holds.
pub fn next_sub_where(f: &Framework, code: &str, wanted: impl Fn(&str) -> bool) -> Option<String> {
    let subs: Vec<&str> = f.subs().map(|s| s.code.as_str()).collect();
    let start = subs.iter().position(|s| *s == code).map_or(0, |i| i + 1);
    (0..subs.len())
        .map(|i| subs[(start + i) % subs.len()])
        .find(|s| wanted(s))
        .map(str::to_string)
}

/// Every node whose code starts with `query` or whose name contains it, diacritics and case
/// ignored (`chi dao` finds `chỉ đạo`), in tree order.
pub fn search(f: &Framework, query: &str) -> Vec<String> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let hit = |code: &str, name: &str, en: &Option<String>| {
        code.starts_with(query.trim())
            || fold(name).contains(&q)
            || en.as_deref().is_some_and(|e| fold(e).contains(&q))
    };
    let mut out = Vec::new();
    for a in &f.areas {
        if hit(&a.code, &a.name, &a.name_en) {
            out.push(a.code.clone());
        }
        for c in &a.criteria {
            if hit(&c.code, &c.name, &c.name_en) {
                out.push(c.code.clone());
            }
            for s in &c.subs {
                if hit(&s.code, &s.name, &s.name_en) {
                    out.push(s.code.clone());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::bundled_by_id;

    fn xa() -> Framework {
        bundled_by_id("quang-binh-2021-xa").expect("bundled")
    }

    #[test]
    fn new_tree_selects_first_sub_with_its_parents_open() {
        let f = xa();
        let tree = Tree::new(&f);
        assert_eq!(tree.selected, "1.1.1");
        let rows = tree.rows(&f);
        assert_eq!(rows[tree.selected_index(&rows)].kind, NodeKind::Sub);
        assert!(tree.expanded.contains("1") && tree.expanded.contains("1.1"));
    }

    #[test]
    fn search_folds_diacritics_and_matches_code_prefixes() {
        let f = xa();
        let hits = search(&f, "chi dao");
        assert!(!hits.is_empty());
        assert!(hits.iter().all(|c| kind_of(&f, c).is_some()));
        assert_eq!(search(&f, "3.2.1"), ["3.2.1"]);
        assert!(search(&f, "   ").is_empty());
    }

    #[test]
    fn guided_walk_skips_survey_subs_and_stops_after_the_last() {
        let f = xa();
        let subs: Vec<&crate::framework::SubCriterion> = f.subs().collect();
        for pair in subs.windows(2) {
            if let Some(next) = next_self_sub(&f, &pair[0].code) {
                let sub = f.sub(&next).unwrap();
                assert_eq!(sub.source, Source::SelfAssessed);
            }
        }
        let last = subs.last().unwrap();
        assert_eq!(next_self_sub(&f, &last.code), None);
    }

    #[test]
    fn move_by_stops_at_both_ends_when_pushed_past_them() {
        let f = xa();
        let mut tree = Tree::new(&f);
        tree.move_by(&f, -100);
        assert_eq!(tree.selected, "1");
        tree.move_by(&f, 1000);
        assert_eq!(tree.selected, f.areas.last().unwrap().code);
    }
}
