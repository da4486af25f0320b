//! The words of a unit's level.

use crate::i18n::Lang;
use crate::level::Level;

impl Level {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::So, Lang::Vi) => "Cấp sở",
            (Level::Huyen, Lang::Vi) => "Cấp huyện",
            (Level::Xa, Lang::Vi) => "Cấp xã",
            (Level::So, Lang::En) => "Departments",
            (Level::Huyen, Lang::En) => "Districts",
            (Level::Xa, Lang::En) => "Communes",
        }
    }
}
