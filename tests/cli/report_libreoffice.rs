//! The annex an office signs opens in an office suite (issue 17): the Bình Dương 2017 results
//! annex and its statistics, as xlsx and docx, are converted to PDF by LibreOffice headless and
//! the PDF's text carries the title, the units and the published average. Where LibreOffice is
//! not installed the test says "skipped" and why (CI installs it: .ci/run).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::binh_duong::{annex, binh_duong};

/// LibreOffice's command, if installed.
fn soffice() -> Option<PathBuf> {
    ["soffice", "libreoffice"].iter().find_map(|name| {
        let ok = Command::new(name)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
        ok.then(|| PathBuf::from(name))
    })
}

/// Converts `file` to PDF in `out` with a profile of its own (so that concurrent runs and an
/// officer's open LibreOffice do not share one), and returns the PDF's path.
fn to_pdf(soffice: &Path, file: &Path, out: &Path) -> PathBuf {
    let profile = out.join("profile");
    let result = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out)
        .arg(file)
        .output()
        .expect("run soffice");
    let stem = file.file_stem().expect("stem").to_string_lossy();
    let pdf = out.join(format!("{stem}.pdf"));
    assert!(
        result.status.success() && pdf.exists(),
        "LibreOffice could not open {}: {}{}",
        file.display(),
        String::from_utf8_lossy(&result.stdout),
        String::from_utf8_lossy(&result.stderr)
    );
    let bytes = std::fs::read(&pdf).expect("read pdf");
    assert!(bytes.starts_with(b"%PDF-"), "{}", pdf.display());
    pdf
}

/// The PDF's text, where poppler's pdftotext is installed.
fn pdf_text(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn xlsx_and_docx_annexes_open_in_libreoffice_and_convert_to_pdf() {
    let Some(soffice) = soffice() else {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let s = binh_duong();
    let out = s.path("pdf");
    std::fs::create_dir(&out).expect("pdf dir");
    for (format, extra) in [
        ("xlsx", &[][..]),
        ("docx", &[][..]),
        ("docx", &["--stats"][..]),
    ] {
        let name = format!("phu-luc-{}.{format}", extra.len());
        let file = s.path(&name);
        let path = file.to_string_lossy().into_owned();
        let mut args = vec!["--format", format, "--out", path.as_str()];
        args.extend_from_slice(extra);
        s.ok_in("vi", &annex(&args));
        let pdf = to_pdf(&soffice, &file, &out);
        let Some(text) = pdf_text(&pdf) else {
            println!("{name}: converted; text not checked (pdftotext is not installed)");
            continue;
        };
        let squeezed: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for expected in ["CẢI CÁCH HÀNH CHÍNH NĂM 2017", "78,39"] {
            assert!(
                squeezed.contains(expected),
                "{name}: {expected}: {squeezed}"
            );
        }
        if extra.is_empty() {
            for expected in ["TP Thủ Dầu Một", "H. Bắc Tân Uyên", "NGƯỜI LẬP BIỂU"]
            {
                assert!(
                    squeezed.contains(expected),
                    "{name}: {expected}: {squeezed}"
                );
            }
        }
        println!("{name}: opened in LibreOffice, converted to PDF, its text checked");
    }
}
