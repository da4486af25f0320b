//! The Bình Dương 2017 district table (DOMAIN.md) re-entered through a framework file: nine
//! districts scored, appraised and finalized as published, and the report arguments of its
//! annex.

use super::Scratch;

pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// (unit, appraisal /65, survey /35, published total) in the published order.
pub const BINH_DUONG_2017: [(&str, &str, &str, &str); 9] = [
    ("bd-thu-dau-mot", "51.75", "32.83", "84.58"),
    ("bd-tan-uyen", "48.75", "33.25", "82"),
    ("bd-bau-bang", "47.45", "32.82", "80.27"),
    ("bd-thuan-an", "46.80", "32.24", "79.04"),
    ("bd-di-an", "46.50", "31.56", "78.06"),
    ("bd-ben-cat", "45.75", "32.08", "77.83"),
    ("bd-dau-tieng", "44.00", "32.22", "76.22"),
    ("bd-phu-giao", "46.00", "30.03", "76.03"),
    ("bd-bac-tan-uyen", "40.45", "31.01", "71.46"),
];

/// The nine districts scored, appraised and finalized as published.
pub fn binh_duong() -> Scratch {
    let s = Scratch::new();
    s.ok(&[
        "framework",
        "import",
        &format!("{FIXTURES}/binh-duong-2017-huyen.toml"),
    ]);
    s.ok(&[
        "unit",
        "import",
        &format!("{FIXTURES}/binh-duong-units.csv"),
    ]);
    for (unit, appraisal, survey, _) in BINH_DUONG_2017 {
        let set = |sub: &str, value: &str, stage: &str| {
            s.ok(&[
                "score",
                "set",
                "--unit",
                unit,
                "--year",
                "2017",
                "--sub",
                sub,
                "--value",
                value,
                "--stage",
                stage,
                "--note",
                "Báo cáo CCHC năm 2017",
            ]);
        };
        s.ok(&[
            "evidence",
            "add",
            "--unit",
            unit,
            "--year",
            "2017",
            "--sub",
            "1.1.1",
            "--number",
            "25/BB-HĐTĐ",
            "--date",
            "20/02/2018",
            "--title",
            "Biên bản thẩm định Chỉ số CCHC",
            "--page",
            "tr. 4",
        ]);
        set("1.1.1", appraisal, "self");
        set("2.1.1", survey, "survey");
        for step in ["submit", "finalize"] {
            s.ok(&[
                "assess",
                step,
                "--unit",
                unit,
                "--year",
                "2017",
                "--incomplete",
            ]);
        }
    }
    s
}

pub const ANNEX: [&str; 7] = [
    "report",
    "--year",
    "2017",
    "--level",
    "huyen",
    "--date",
    "2018-03-15",
];

pub fn annex<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut all = ANNEX.to_vec();
    all.extend_from_slice(extra);
    all
}
