//! The words of `--help`: a Vietnamese description of every subcommand and argument, and an
//! English one for the arguments whose clap definition has no doc comment (the doc comments stay
//! the English text). Keyed by the subcommand path (`score set`) and the argument id; `*` is any
//! subcommand. A new option needs one line here; a test lists what is missing.

use crate::i18n::Lang;

/// Vietnamese descriptions of subcommands, by path (English is the doc comment).
#[rustfmt::skip]
const ABOUT_VI: &[(&str, &str)] = &[
    ("", "Chấm điểm Chỉ số cải cách hành chính (CCHC) của sở, xã và (đến năm 2024) huyện"),
    ("framework", "Bộ tiêu chí: xem danh sách, xem chi tiết, kiểm tra và nhập"),
    ("framework list", "Liệt kê các bộ tiêu chí trong cơ sở dữ liệu (có sẵn và đã nhập)"),
    ("framework show", "Xem cây tiêu chí của một bộ, với điểm tối đa và cách chấm"),
    ("framework check", "Kiểm tra tệp bộ tiêu chí; có lỗi thì liệt kê hết và thoát với mã 2"),
    ("framework import", "Kiểm tra một tệp bộ tiêu chí rồi thêm vào cơ sở dữ liệu"),
    ("unit", "Đơn vị: xem danh sách và nhập sở, xã và (đến năm 2024) huyện"),
    ("unit list", "Liệt kê đơn vị, có thể theo một cấp (so, huyen, xa)"),
    ("unit import", "Thêm hoặc đổi tên đơn vị từ tệp CSV (code,name,level,parent) hoặc TOML ([[unit]])"),
    ("unit history", "Năm tồn tại của một đơn vị, các đơn vị hình thành nên nó và các đơn vị hình thành từ nó"),
    ("score", "Điểm của một tiêu chí thành phần: chấm, xem, lịch sử"),
    ("score set", "Lưu điểm (số điểm, số liệu kê khai hoặc không áp dụng) của một tiêu chí thành phần"),
    ("score get", "Xem giá trị hiện tại của một tiêu chí thành phần ở mọi vòng"),
    ("score history", "Xem mọi thay đổi của một tiêu chí thành phần: ai, khi nào, cũ → mới"),
    ("score respond", "Ghi giải trình của đơn vị trả lời ý kiến Hội đồng ở một tiêu chí thành phần (vòng giải trình)"),
    ("evidence", "Tài liệu kiểm chứng của một tiêu chí thành phần"),
    ("evidence add", "Thêm một tài liệu kiểm chứng (số, ngày, trích yếu, trang)"),
    ("evidence remove", "Bỏ (các) tài liệu kiểm chứng có số này khỏi một tiêu chí thành phần"),
    ("evidence library", "Kho tài liệu kiểm chứng của bộ kết quả: nhập một lần, dẫn ở nhiều tiêu chí"),
    ("evidence library add", "Thêm một văn bản vào kho tài liệu (số, ngày, trích yếu, cơ quan ban hành, đường dẫn hoặc tệp)"),
    ("evidence library list", "Liệt kê các văn bản của kho tài liệu cùng mọi nơi dẫn"),
    ("evidence cite", "Dẫn một văn bản của kho tài liệu ở một hay nhiều tiêu chí thành phần, mỗi nơi kèm trang hoặc mục"),
    ("evidence open", "Ghi tệp của một văn bản ra một tệp tạm riêng tư rồi in đường dẫn (hoặc in liên kết của văn bản)"),
    ("score import", "Nhập phiếu tự đánh giá đã điền của đơn vị (CSV hoặc XLSX): nhận tất cả các dòng hoặc không dòng nào"),
    ("score template", "Ghi phiếu tự đánh giá trống của một đơn vị (cây tiêu chí, điểm tối đa, cách chấm, tài liệu kiểm chứng yêu cầu)"),
    ("totals", "Tổng điểm của một bản đánh giá ở mọi vòng, chỉ số và xếp loại"),
    ("demo", "Thêm dữ liệu mẫu vào cơ sở dữ liệu để xem thử"),
    ("assess", "Chuyển bản đánh giá qua các bước: nộp, trả lại, chốt, mở lại"),
    ("assess submit", "Nộp bản tự đánh giá (khóa tự chấm); sau vòng giải trình, nộp phần trả lời cho thẩm định lần 2"),
    ("assess return", "Trả lại đơn vị để giải trình"),
    ("assess finalize", "Chốt kết quả: khóa toàn bộ"),
    ("assess cancel", "Rút một bản đánh giá tạo nhầm (chưa có điểm nào); bản đó rời màn hình chính và bảng xếp hạng"),
    ("assess restore", "Khôi phục một bản đánh giá đã rút"),
    ("assess choose-framework", "Chọn khung chỉ số được giữ cho một đơn vị và năm mà hai bản sao đã chấm theo hai khung khác nhau; thay đổi theo khung kia vẫn ở nhật ký, bị giữ lại"),
    ("assess reopen", "Mở lại bản đã chốt để thẩm định, hoặc bản đã nộp để tự đánh giá"),
    ("init", "Tạo cơ sở dữ liệu mới; với --shared, cho cả một nhóm Unix trên máy chủ của tỉnh"),
    ("officer", "Cán bộ và vai trò: thêm, xóa, xem, giao, thu hồi"),
    ("officer add", "Thêm một cán bộ (tên tài khoản hệ điều hành) với vai trò"),
    ("officer remove", "Xóa một cán bộ cùng mọi vai trò của họ"),
    ("officer list", "Liệt kê cán bộ và vai trò"),
    ("officer grant", "Giao vai trò cho cán bộ (cho mọi đơn vị, hoặc --units)"),
    ("officer revoke", "Thu hồi một vai trò của cán bộ"),
    ("year", "Thiết lập theo năm: hạn tự chấm điểm"),
    ("year set-deadline", "Đặt hạn tự chấm điểm của một năm (DD/MM/YYYY hoặc YYYY-MM-DD); quá hạn thì điểm tự chấm bị khóa"),
    ("report", "Biểu kết quả Chỉ số CCHC của một cấp trong một năm, báo cáo tự đánh giá của một đơn vị, hoặc thống kê: table, csv, json, md, xlsx, docx"),
    ("survey", "Điểm điều tra xã hội học"),
    ("survey import", "Nhập kết quả điều tra: CSV `unit,sub,points` hoặc câu trả lời `unit,sub,respondent,answer`"),
    ("snapshot", "Ghi ra OUT một bản sao nhất quán, đã kiểm tra, của cơ sở dữ liệu đang dùng"),
    ("sync", "Gộp một bản sao khác của cơ sở dữ liệu vào bản này"),
    ("conflicts", "Liệt kê các mục xung đột sau khi gộp, hoặc giải quyết một mục"),
    ("conflicts resolve", "Giải quyết một xung đột bằng cách chọn một trong các giá trị"),
    ("conflicts accept", "Chấp nhận một sự kiện bị từ chối khi gộp: thay đổi đó được ghi lại ngay, dưới tên bạn (Hội đồng hoặc quản trị)"),
    ("conflicts dismiss", "Bác bỏ một sự kiện bị từ chối khi gộp: vẫn giữ trong nhật ký, không còn trong danh sách"),
    ("key", "Khóa ký của bạn: xuất ra để mang sang máy xách tay, nhập vào ở đó"),
    ("key export", "In khóa ký của bạn (tạo khi dùng lần đầu) để mang sang máy xách tay; giữ bí mật"),
    ("key import", "Dùng khóa trong tệp FILE từ nay và đăng ký khóa đó vào cơ sở dữ liệu"),
    ("completions", "In kịch bản gợi ý lệnh cho shell (bash, zsh, fish, elvish, powershell)"),
    ("check", "Kiểm tra cơ sở dữ liệu: toàn vẹn, nhật ký sự kiện và bảng hiện trạng, tổng điểm trong giới hạn"),
    ("doctor", "Kiểm tra máy chủ: đường dẫn, chủ sở hữu, nhóm và quyền của tệp, hệ thống tệp, dung lượng trống, bản sao lưu, múi giờ, vai trò"),
    ("tui", "Giao diện tương tác (cũng là thứ `parindex` mở khi không có lệnh)"),
    ("review", "Giao diện chỉ xem: các bản đánh giá của một năm hoặc bảng xếp hạng một cấp, không thay đổi gì"),
];

/// Argument words: (path or `*`, id, Vietnamese, English when the definition has none).
#[rustfmt::skip]
const ARGS: &[(&str, &str, &str, &str)] = &[
    ("*", "db", "Tệp cơ sở dữ liệu (nếu không có: $PARINDEX_DB, rồi $XDG_DATA_HOME/parindex/parindex.db)", ""),
    ("*", "lang", "Ngôn ngữ: vi (mặc định) hoặc en (nếu không có: $PARINDEX_LANG)", ""),
    ("*", "create", "Tạo cơ sở dữ liệu --db hoặc $PARINDEX_DB nếu chưa có", ""),
    ("*", "help", "In trợ giúp", "Print help"),
    ("*", "version", "In phiên bản", "Print version"),
    ("*", "json", "In kết quả dạng JSON", "Print the result as JSON"),
    ("*", "unit", "Mã đơn vị, ví dụ dong-hoi-bao-ninh (xem parindex unit list)", "Unit code, e.g. dong-hoi-bao-ninh (see parindex unit list)"),
    ("*", "year", "Năm đánh giá, ví dụ 2025", "Assessment year, e.g. 2025"),
    ("*", "sub", "Mã tiêu chí thành phần, ví dụ 1.1.1", "Sub-criterion code, e.g. 1.1.1"),
    ("*", "level", "Cấp: so (sở), huyen (huyện, đến năm 2024) hoặc xa (xã)", "Level: so, huyen (districts, until 2024) or xa"),
    ("*", "reason", "Lý do (lưu kèm sự kiện)", "Why (kept with the event)"),
    ("*", "subcommand", "Lệnh cần xem trợ giúp", "The subcommand whose help to print"),
    ("framework show", "id", "Mã bộ tiêu chí (xem parindex framework list)", "Framework id (see parindex framework list)"),
    ("framework check", "files", "Các tệp bộ tiêu chí TOML cần kiểm tra", "Framework TOML files to check"),
    ("framework import", "file", "Tệp bộ tiêu chí TOML", "Framework TOML file"),
    ("unit import", "file", "Tệp CSV hoặc TOML các đơn vị", "CSV or TOML file of units"),
    ("unit history", "code", "Mã đơn vị, ví dụ phuong-dong-hoi", "Unit code, e.g. phuong-dong-hoi"),
    ("score set", "value", "Số điểm (0,5 hoặc 0.5)", ""),
    ("score set", "declared", "Số liệu kê khai: có/không, tỷ lệ phần trăm, số lượng, tên mức, hai số lượng đạt/tổng số (45/50) hoặc số lỗi theo loại (cham=2,thieu=1)", ""),
    ("score set", "na", "Không áp dụng", ""),
    ("score set", "stage", "Vòng: self (tự đánh giá, mặc định), appraisal1 (thẩm định lần 1), appraisal2 (thẩm định lần 2) hoặc survey (điều tra xã hội học)", ""),
    ("score set", "evidence", "Tài liệu kiểm chứng (số, ký hiệu), có thể lặp lại", ""),
    ("score set", "note", "Giải trình (vòng tự đánh giá) hoặc ghi chú của Hội đồng (vòng thẩm định)", ""),
    ("score set", "if_unchanged", "Chỉ lưu nếu sự kiện hiện tại của trường là EVENT_ID (nếu không: thoát với mã 2, không ghi gì)", ""),
    ("score set", "framework", "Mã bộ tiêu chí, khi cấp của đơn vị có nhiều bộ", ""),
    ("score respond", "text", "Nội dung giải trình trả lời ý kiến của Hội đồng", ""),
    ("score respond", "evidence", "Tài liệu kiểm chứng bổ sung kèm giải trình (số, ký hiệu), có thể lặp lại", ""),
    ("evidence add", "number", "Số, ký hiệu văn bản, ví dụ 125/KH-UBND", ""),
    ("evidence add", "date", "Ngày ban hành văn bản, ví dụ 15/01/2025", "Date of the document, e.g. 15/01/2025"),
    ("evidence add", "title", "Trích yếu nội dung văn bản", "What the document is about (trích yếu)"),
    ("evidence add", "page", "Trang hoặc mục", ""),
    ("evidence remove", "number", "Số, ký hiệu của tài liệu cần bỏ", ""),
    ("evidence library add", "number", "Số, ký hiệu văn bản, ví dụ 125/KH-UBND", ""),
    ("evidence library add", "date", "Ngày ban hành văn bản, ví dụ 15/01/2025", "Date of the document, e.g. 15/01/2025"),
    ("evidence library add", "title", "Trích yếu nội dung văn bản", "What the document is about (trích yếu)"),
    ("evidence library add", "issuer", "Cơ quan ban hành", ""),
    ("evidence library add", "url", "Đường dẫn tới văn bản trên hệ thống quản lý văn bản của tỉnh (http:// hoặc https://)", ""),
    ("evidence library add", "file", "Tệp lưu vào cơ sở dữ liệu cùng văn bản (tối đa 20 MiB)", ""),
    ("evidence library list", "search", "Chỉ các văn bản có số, trích yếu hoặc cơ quan ban hành chứa các từ này (gõ có dấu hay không dấu đều được)", ""),
    ("evidence cite", "document", "Văn bản trong kho: mã (doc/…) hoặc số, ký hiệu", ""),
    ("evidence cite", "sub", "Tiêu chí thành phần dẫn văn bản, có thể lặp lại; MÃ:TRANG ghi kèm trang hoặc mục", ""),
    ("evidence cite", "page", "Trang hoặc mục cho mọi --sub không ghi trang riêng", ""),
    ("evidence open", "document", "Văn bản trong kho: mã (doc/…) hoặc số, ký hiệu", ""),
    ("score import", "file", "Phiếu đã điền: .xlsx, hoặc .csv (phân cách bằng dấu phẩy hoặc chấm phẩy, UTF-8)", ""),
    ("score import", "stage", "Vòng: self (tự đánh giá, mặc định), appraisal1 hoặc appraisal2", ""),
    ("score import", "unit", "Đơn vị của mọi dòng, khi tệp không có cột mã đơn vị", ""),
    ("score import", "column", "Vị trí một cột khi tiêu đề khác phiếu mẫu: TÊN=CHỮ CỘT hoặc TÊN=TIÊU ĐỀ (TÊN: unit, code, declared, points, evidence, note), có thể lặp lại", ""),
    ("score template", "format", "Định dạng: xlsx (mặc định) hoặc csv", ""),
    ("score template", "out", "Tệp cần ghi (mặc định: phieu-tu-danh-gia-ĐƠNVỊ-NĂM.xlsx ở thư mục hiện tại)", ""),
    ("score template", "framework", "Mã bộ tiêu chí, khi cấp của đơn vị có nhiều bộ", ""),
    ("demo", "scale", "Quy mô: small (mười đơn vị của ba cấp, một năm), province (mọi đơn vị của Quảng Bình, năm năm, mọi bước, vài xung đột) hoặc national (10.000 xã, một năm)", "Scale: small (ten units, one year), province (every Quảng Bình unit, five years) or national (10,000 communes)"),
    ("demo", "seed", "Hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)", "Random seed (the same seed gives the same data)"),
    ("demo", "year", "Năm cuối cùng được điền", ""),
    ("demo", "years", "Số năm (mặc định 1; 5 với province)", ""),
    ("init", "shared", "Nhóm Unix của các cán bộ dùng chung cơ sở dữ liệu", ""),
    ("init", "path", "Tệp cơ sở dữ liệu cần tạo (với --shared, thư mục được đặt setgid và cho nhóm ghi)", ""),
    ("*", "user", "Tên tài khoản hệ điều hành của cán bộ", "The officer's OS account name"),
    ("*", "role", "Vai trò: admin (quản trị), appraiser (thẩm định), unit (đơn vị) hoặc viewer (chỉ xem)", "Role: admin, appraiser, unit or viewer"),
    ("*", "units", "Mã các đơn vị mà vai trò giới hạn trong đó (cách nhau bằng dấu phẩy); bắt buộc với vai trò unit", ""),
    ("*", "areas", "Mã các lĩnh vực mà vai trò appraiser giới hạn trong đó (cách nhau bằng dấu phẩy), ví dụ 2,6", ""),
    ("year set-deadline", "year", "Năm đánh giá", "Assessment year"),
    ("year set-deadline", "stage", "Giai đoạn: self (tự chấm, mặc định), explanation (giải trình), appraisal1 (thẩm định lần 1) hoặc appraisal2 (thẩm định lần 2)", ""),
    ("year set-deadline", "date", "Ngày hết hạn: DD/MM/YYYY hoặc YYYY-MM-DD", "The deadline: DD/MM/YYYY or YYYY-MM-DD"),
    ("report", "format", "Định dạng: table (bảng), csv, json, md (Markdown), xlsx (Excel) hoặc docx (Word)", "Output format: table, csv, json, md, xlsx or docx"),
    ("report", "out", "Ghi vào tệp FILE thay vì ra màn hình (bắt buộc với xlsx và docx)", ""),
    ("report", "unit", "Báo cáo tự đánh giá của một đơn vị thay vì biểu kết quả", ""),
    ("report", "stats", "Thống kê: điểm bình quân, số đơn vị theo xếp loại, chỉ số bình quân theo lĩnh vực và các tiêu chí bị mất nhiều điểm nhất", ""),
    ("report", "decimal_comma", "CSV dùng dấu phẩy thập phân và dấu chấm phẩy giữa các ô, như Excel tiếng Việt", ""),
    ("report", "date", "Ngày lập báo cáo, ghi ở tiêu đề và phần ký (mặc định: hôm nay); YYYY-MM-DD hoặc DD/MM/YYYY", ""),
    ("report", "json", "Như --format json", ""),
    ("assess choose-framework", "framework", "Khung chỉ số được giữ (một trong hai khung; xem parindex conflicts)", ""),
    ("assess submit", "incomplete", "Vẫn nộp khi còn thiếu (tiêu chí chưa chấm, thiếu tài liệu kiểm chứng, ý kiến chưa giải trình); điều còn thiếu được ghi cùng sự kiện", ""),
    ("assess finalize", "incomplete", "Vẫn chốt khi còn thiếu (điểm điều tra XHH, xung đột, thay đổi bị giữ lại, ý kiến chưa giải trình); điều còn thiếu được ghi cùng sự kiện", ""),
    ("report", "final_only", "Chỉ công bố các đơn vị đã chốt (xếp hạng với nhau); đơn vị khác là kết quả tạm tính", ""),
    ("survey import", "file", "Tệp CSV kết quả điều tra", "Survey results CSV file"),
    ("snapshot", "out", "Tệp bản sao cần ghi; một thư mục thì nhận một tệp ghi ngày giờ (TÊN-YYYYMMDD-HHMMSS.db)", "The copy to write"),
    ("snapshot", "force", "Ghi đè OUT nếu đã có (không bao giờ ghi đè một cơ sở dữ liệu đang được dùng)", ""),
    ("snapshot", "keep", "Với một thư mục: chỉ giữ N bản sao ghi ngày giờ mới nhất ở đó (cho lịch sao lưu hằng đêm)", ""),
    ("sync", "file", "Bản sao cần gộp (ví dụ từ máy xách tay)", "The copy to merge (e.g. from a laptop)"),
    ("sync", "dry_run", "Chỉ cho biết sẽ gộp những gì, không ghi gì", ""),
    ("conflicts resolve", "sub", "Mã tiêu chí thành phần (hoặc status, bonus, penalty)", ""),
    ("conflicts resolve", "field", "Trường đang xung đột (self, appraisal1, evidence, ...)", ""),
    ("conflicts resolve", "take", "Mã (id) của giá trị được giữ", ""),
    ("conflicts accept", "id", "Mã (id) của sự kiện bị từ chối (xem: parindex conflicts)", ""),
    ("conflicts dismiss", "id", "Mã (id) của sự kiện bị từ chối (xem: parindex conflicts)", "The refused event's id (see: parindex conflicts)"),
    ("conflicts dismiss", "reason", "Lý do (lưu cùng quyết định)", ""),
    ("key export", "public", "Chỉ khóa công khai", ""),
    ("key export", "out", "Ghi vào tệp FILE (quyền 0600) thay vì in ra", ""),
    ("key import", "file", "Tệp khóa (từ parindex key export)", "The key file (from parindex key export)"),
    ("key import", "force", "Thay một khóa khác đã có trong thư mục nhà của bạn", ""),
    ("completions", "shell", "Shell: bash, zsh, fish, elvish hoặc powershell", "Shell: bash, zsh, fish, elvish or powershell"),
    ("doctor", "backups", "Thư mục chứa các bản sao lưu hằng đêm (nếu không có: $PARINDEX_BACKUPS, rồi /var/backups/parindex)", ""),
    ("doctor", "max_age", "Bản sao lưu mới nhất cũ hơn số giờ này là có vấn đề", ""),
    ("tui", "unit", "Mã đơn vị: mở phần chấm điểm của đơn vị đó", ""),
    ("tui", "year", "Năm của bản đánh giá cần mở", ""),
    ("review", "year", "Năm cần xem (mặc định: năm mới nhất có dữ liệu)", ""),
    ("review", "level", "Cấp: so, huyen hoặc xa; mở bảng xếp hạng của cấp đó", ""),
];

/// The help subcommand clap adds to every command that has subcommands.
const HELP_ABOUT: (&str, &str) = (
    "In trợ giúp này hoặc trợ giúp của (các) lệnh con",
    "Print this message or the help of the given subcommand(s)",
);

/// A subcommand's description in `lang`, when it is to replace the doc comment.
pub fn about(path: &str, name: &str, lang: Lang) -> Option<&'static str> {
    if name == "help" && path.ends_with("help") {
        return Some(lang.pick(HELP_ABOUT.0, HELP_ABOUT.1));
    }
    match lang {
        Lang::Vi => ABOUT_VI.iter().find(|(p, _)| *p == path).map(|(_, vi)| *vi),
        Lang::En => None,
    }
}

/// An argument's description in `lang`: always in Vietnamese, in English only where the
/// definition has none.
pub fn arg(path: &str, id: &str, lang: Lang, has_help: bool) -> Option<&'static str> {
    let words = ARGS
        .iter()
        .find(|(p, i, ..)| *p == path && *i == id)
        .or_else(|| ARGS.iter().find(|(p, i, ..)| *p == "*" && *i == id))?;
    let text = match lang {
        Lang::Vi => words.2,
        Lang::En if has_help => return None,
        Lang::En => words.3,
    };
    (!text.is_empty()).then_some(text)
}
