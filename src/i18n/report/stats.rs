//! The words of `report --stats`: the averages, the area averages and the sub-criteria where
//! units lost most points.

use crate::i18n::Lang;

words! {
    /// The column of the figures averaged.
    column => "Cột", "Column";
    area_means_caption => "Chỉ số bình quân theo lĩnh vực", "Mean index per area";
    area_name => "Tên lĩnh vực", "Name";
    mean_index_percent => "Chỉ số bình quân %", "Mean index %";
    most_lost_caption => "Tiêu chí thành phần bị mất nhiều điểm nhất", "Sub-criteria where most points were lost";
    sub_criterion => "Tiêu chí thành phần", "Sub-criterion";
    points_lost => "Điểm bị mất (tối đa − chốt)", "Points lost (max − final)";
    not_accepted => "Hội đồng không công nhận (tự chấm − chốt)", "Not accepted (self − final)";
    units_losing => "Số đơn vị bị mất điểm", "Units losing points";
}

/// The caption of the averages: "Điểm bình quân (9 đơn vị)".
pub fn means_caption(lang: Lang, units: usize) -> String {
    match lang {
        Lang::Vi => format!("Điểm bình quân ({units} đơn vị)"),
        Lang::En => format!("Means ({units} units)"),
    }
}

/// The title of the statistics before it is put in capitals, over the annex's title `of`
/// (in lower case).
pub fn title(lang: Lang, of: &str) -> String {
    match lang {
        Lang::Vi => format!("Thống kê {of}"),
        Lang::En => format!("Statistics: {of}"),
    }
}

/// The statistics' name (a sheet's, a section's): "Thống kê cấp xã 2025" (`level` as written).
pub fn name(lang: Lang, level: &str, year: i32) -> String {
    match lang {
        Lang::Vi => format!("Thống kê {level} {year}"),
        Lang::En => format!("Statistics {level} {year}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_title_carry_their_counts_and_level() {
        assert_eq!(means_caption(Lang::Vi, 9), "Điểm bình quân (9 đơn vị)");
        assert_eq!(means_caption(Lang::En, 9), "Means (9 units)");
        assert_eq!(
            title(Lang::En, "par index 2025"),
            "Statistics: par index 2025"
        );
        assert_eq!(name(Lang::Vi, "cấp xã", 2025), "Thống kê cấp xã 2025");
    }
}
