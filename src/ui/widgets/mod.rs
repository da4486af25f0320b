//! Pieces several screens draw: the title, notice and hint bars (chrome), the totals bar, the
//! framework tree and its nodes, the detail and council panes, text fitting and the theme.

pub(super) mod chrome;
pub(super) mod council;
pub(super) mod detail;
pub(super) mod node;
pub mod text;
pub mod theme;
pub(super) mod totals;
pub(super) mod tree;
