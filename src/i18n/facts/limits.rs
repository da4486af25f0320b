//! The words of the text limits: each field's name and the refusal of a text too long for it.

use crate::i18n::Lang;
use crate::limits::{TextField, TooLong};

impl TextField {
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            TextField::DocumentNumber => lang.pick("số, ký hiệu văn bản", "document number"),
            TextField::DocumentDate => lang.pick("ngày ban hành", "document date"),
            TextField::DocumentTitle => lang.pick("trích yếu", "document title"),
            TextField::DocumentPage => lang.pick("trang, mục", "page"),
            TextField::DocumentIssuer => lang.pick("cơ quan ban hành", "issuing body"),
            TextField::DocumentUrl => lang.pick("đường dẫn văn bản", "document link"),
            TextField::Note => lang.pick("giải trình, ý kiến", "explanation or note"),
        }
    }
}

impl TooLong {
    /// `trích yếu: 612 ký tự, tối đa 500 ký tự`, without the flag (the forms use it too).
    pub fn describe(&self, lang: Lang) -> String {
        let (name, limit, actual) = (self.field.name(lang), self.field.limit(), self.actual);
        match lang {
            Lang::Vi => format!("{name} dài {actual} ký tự, tối đa {limit} ký tự"),
            Lang::En => format!("{name} is {actual} characters long, at most {limit} allowed"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::check;

    #[test]
    fn too_long_names_the_field_and_its_limit_when_described() {
        let at_limit = "ạ".repeat(TextField::DocumentNumber.limit());
        let over = check(TextField::DocumentNumber, &format!("{at_limit}x")).unwrap_err();
        assert_eq!(
            over.describe(Lang::En),
            "document number is 81 characters long, at most 80 allowed"
        );
    }
}
