//! The words of the results annex of a level and year: the ranking table and its averages, the
//! count of units per band, each unit's component index per area.

use crate::i18n::Lang;

words! {
    unit_code => "Mã đơn vị", "Unit code";
    rank => "Xếp hạng", "Rank";
    index_change => "Tăng/giảm chỉ số", "Index change";
    rank_change => "Tăng/giảm hạng", "Rank change";
    /// A merged unit's year before: its predecessors' index, which has no rank.
    former_units_reference => "tham chiếu (đơn vị cũ)", "reference (former units)";

    bands_caption => "Số đơn vị theo xếp loại", "Units per band";
    units => "Số đơn vị", "Units";
    share_percent => "Tỷ lệ %", "Share %";
    /// The footer of the count of units per band.
    all_units => "Tổng số", "All";

    areas_caption => "Chỉ số thành phần theo lĩnh vực", "Component index per area";
}

/// The column of the year before's index: "Chỉ số % năm 2024".
pub fn index_in(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Chỉ số % năm {year}"),
        Lang::En => format!("Index % in {year}"),
    }
}

/// The column of the year before's rank: "Xếp hạng năm 2024".
pub fn rank_in(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Xếp hạng năm {year}"),
        Lang::En => format!("Rank in {year}"),
    }
}

/// The column of an area's component index: "Lĩnh vực 2 (%)".
pub fn area_column(lang: Lang, code: &str) -> String {
    match lang {
        Lang::Vi => format!("Lĩnh vực {code} (%)"),
        Lang::En => format!("Area {code} (%)"),
    }
}

/// What an area code of the table stands for, under the annex: "Lĩnh vực 2: …".
pub fn area_note(lang: Lang, code: &str, name: &str) -> String {
    match lang {
        Lang::Vi => format!("Lĩnh vực {code}: {name}"),
        Lang::En => format!("Area {code}: {name}"),
    }
}

/// Under the annex, when some units are not final.
pub fn not_final(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Vi => {
            format!("{count} đơn vị chưa chốt kết quả: số liệu tạm tính, có thể còn thay đổi.")
        }
        Lang::En => format!("{count} units not final: provisional figures that may change."),
    }
}

/// The annex's name (a sheet's, a section's): "Kết quả cấp xã 2025" (`level` as written).
pub fn annex_name(lang: Lang, level: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Kết quả {level} {year}"),
        Lang::En => format!("Results {level} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_before_and_area_columns_name_their_year_and_area() {
        assert_eq!(index_in(Lang::Vi, 2024), "Chỉ số % năm 2024");
        assert_eq!(index_in(Lang::En, 2024), "Index % in 2024");
        assert_eq!(rank_in(Lang::Vi, 2024), "Xếp hạng năm 2024");
        assert_eq!(rank_in(Lang::En, 2024), "Rank in 2024");
        assert_eq!(area_column(Lang::Vi, "2"), "Lĩnh vực 2 (%)");
        assert_eq!(area_column(Lang::En, "2"), "Area 2 (%)");
    }

    #[test]
    fn notes_under_the_annex_count_units_not_final_and_name_areas() {
        assert_eq!(
            not_final(Lang::Vi, 3),
            "3 đơn vị chưa chốt kết quả: số liệu tạm tính, có thể còn thay đổi."
        );
        assert_eq!(
            not_final(Lang::En, 3),
            "3 units not final: provisional figures that may change."
        );
        assert_eq!(
            area_note(Lang::Vi, "1", "Công tác chỉ đạo"),
            "Lĩnh vực 1: Công tác chỉ đạo"
        );
        assert_eq!(
            annex_name(Lang::En, "communes", 2025),
            "Results communes 2025"
        );
    }
}
