//! Every word the terminal UI shows, in Vietnamese (default) and English: one entry per string,
//! and one function per message that carries values.

mod cycle;
mod messages;
mod quarantine;
pub mod values;

pub use cycle::*;
pub use messages::*;
pub use quarantine::*;

use super::Lang;

macro_rules! texts {
    ($($name:ident => $vi:literal, $en:literal;)*) => {
        /// A fixed string of the UI.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Text { $($name),* }

        impl Text {
            pub fn get(self, lang: Lang) -> &'static str {
                match self { $(Text::$name => lang.pick($vi, $en)),* }
            }
        }
    };
}

texts! {
    // Values and fields
    NotApplicable => "không áp dụng", "not applicable";
    Applicable => "áp dụng", "applicable";
    FieldNa => "Không áp dụng", "Not applicable";
    FieldEvidence => "Tài liệu kiểm chứng", "Evidence";
    FieldExplanation => "Giải trình", "Explanation";
    FieldAppraisalNote => "Ý kiến thẩm định", "Appraisal note";
    FieldAppraisal2Note => "Ý kiến thẩm định lần 2", "Second appraisal note";
    FieldResponse => "Giải trình bổ sung", "Response";

    // The command line
    NeedsTerminal => "giao diện tương tác cần một terminal; hãy dùng các lệnh con (parindex --help)", "the interactive UI needs a terminal; use the subcommands (parindex --help)";

    // Words on screens
    Year => "năm", "year";
    SearchPrompt => "Tìm (mã hoặc nội dung):", "Search (code or text):";
    FilterPrompt => "Lọc đơn vị:", "Filter units:";

    MarkScored => "đã chấm", "scored";
    MarkUnscored => "chưa chấm (hoặc chưa có điểm điều tra)", "not scored (or no survey points yet)";
    MarkNotApplicable => "không áp dụng", "not applicable";
    MarkMissingEvidence => "thiếu tài liệu kiểm chứng", "missing evidence";
    MarkExplanationOnly => "thiếu TLKC: chỉ có giải trình", "no evidence: explanation only";
    MarkConflict => "xung đột: hai cán bộ cùng sửa", "conflict: two officers changed it";
    MarkOverCap => "vượt điểm tối đa", "over the maximum";
    MarkOffRule => "điểm ngoài cách tính (Hội đồng có ý kiến)", "points off the rule (with the council's note)";

    SourceSelf => "tự đánh giá", "self-assessed";
    SourceSurvey => "điều tra xã hội học", "sociological survey";
    Rule => "Cách tính điểm", "How points are computed";
    Condition => "Điều kiện", "Condition";
    Declared => "Số liệu kê khai", "Declared";
    Points => "Điểm", "Points";
    EvidenceRequired => "Tài liệu kiểm chứng cần có", "Evidence required";
    None => "chưa có", "none";
    LastChange => "Sửa lần cuối", "Last changed";
    Flags => "Cờ", "Flags";
    Area => "Lĩnh vực", "Area";
    Criterion => "Tiêu chí", "Criterion";
    SelfShort => "Tự chấm", "Self";
    Appraisal1Short => "TĐ lần 1", "Appr. 1";
    Appraisal2Short => "TĐ lần 2", "Appr. 2";
    FinalShort => "Chốt", "Final";
    SurveyShort => "Điều tra XHH", "Survey";
    ChildrenOverCap => "Tổng điểm các mục con vượt điểm tối đa; chỉ tính đến mức tối đa", "The children add up to more than the cap; only the cap counts";

    Total => "Tổng", "Total";
    Index => "Chỉ số", "Index";
    Progress => "Đã chấm", "Scored";
    MissingShort => "Thiếu TLKC", "No evidence";
    ConflictsShort => "Xung đột", "Conflicts";
    Saved => "Đã lưu", "Saved";
    Saving => "Đang lưu…", "Saving…";
    WaitingAttempt => "đang chờ… lần", "waiting… attempt";
    NotSaved => "Chưa lưu", "Not saved";

    Choose => "Chọn (↑↓):", "Choose (↑↓):";
    RatioMet => "Số đạt", "Met";
    RatioTotal => "Tổng số", "Total";
    Percent => "Tỷ lệ %:", "Percent:";
    Count => "Số lượng:", "Count:";
    OrPoints => "Hoặc nhập điểm:", "Or points:";
    ScoreHelp => "Enter: lưu và sang tiêu chí tiếp theo · Esc: hủy", "Enter: save and go to the next · Esc: cancel";
    Stale => "Cán bộ khác vừa lưu tiêu chí này; khi lưu bạn sẽ được hỏi giữ giá trị nào", "Another officer just saved this sub-criterion; saving will ask which value to keep";

    EvidenceTitle => "Tài liệu kiểm chứng và giải trình", "Evidence and explanation";
    EvidenceHelp => "a thêm · d xóa · Tab sang ô khác · Enter (hoặc Ctrl-S trong giải trình) lưu · Esc hủy", "a add · d remove · Tab next field · Enter (or Ctrl-S in the explanation) saves · Esc cancels";
    NewItem => "(tài liệu mới)", "(new reference)";
    LibraryOffers => "Văn bản trong kho tài liệu (↓ chọn · Enter dùng văn bản này)", "Library documents (↓ choose · Enter uses it)";
    EvNumber => "Số, ký hiệu", "Number";
    EvDate => "Ngày ban hành", "Date";
    EvTitle => "Trích yếu", "Title";
    EvPage => "Trang, mục", "Page/section";

    HistoryTitle => "Lịch sử thay đổi", "History of changes";
    Loading => "Đang tải…", "Loading…";
    NoHistory => "Chưa có thay đổi nào", "No changes yet";
    When => "Thời gian", "When";
    Who => "Người sửa", "Who";
    Field => "Mục", "Field";
    OldNew => "Cũ → Mới", "Old → New";
    FieldStatus => "Trạng thái", "Status";
    HistoryOld => "Cũ", "Old";
    HistoryNew => "Mới", "New";
    HistoryReason => "Lý do", "Reason";
    HelpExpandValue => "Xem đầy đủ thay đổi đang chọn (giá trị dài được xuống dòng, cuộn được)", "Show the selected change whole (long values wrapped, scrollable)";
    HintExpandValue => "xem đầy đủ", "show whole";
    HelpCloseValue => "Đóng, quay lại danh sách thay đổi", "Close, back to the list of changes";
    HintCloseValue => "danh sách", "list";
    ConflictTitle => "Xung đột: cán bộ khác đã lưu trước", "Conflict: another officer saved first";
    ConflictExplain => "Giá trị của bạn chưa được lưu. Esc quay lại sửa tiếp; hoặc chọn giữ của bạn (lưu đè, lịch sử vẫn giữ cả hai) hay lấy của họ, rồi xác nhận.", "Your value was not saved. Esc goes back to your edit; or choose to keep yours (saved over theirs; the history keeps both) or take theirs, then confirm.";
    KeepBoth => "b  Giữ cả hai", "b  Keep both";
    MergedList => "Danh sách gộp", "Merged list";
    ConfirmKeepMine => "Lưu giá trị của bạn đè lên giá trị của họ?", "Save yours over theirs?";
    ConfirmTakeTheirs => "Bỏ giá trị bạn vừa nhập và lấy giá trị của họ?", "Drop what you entered and take theirs?";
    ConfirmKeepBoth => "Lưu danh sách gộp cả hai?", "Save the merged list?";
    KeepMine => "m  Giữ của tôi", "m  Keep mine";
    TakeTheirs => "t  Lấy của họ", "t  Take theirs";
    HelpTitle => "Trợ giúp — các phím", "Help — keys";
    HelpClose => "Esc đóng · ↑↓ PgUp PgDn cuộn", "Esc closes · ↑↓ PgUp PgDn scroll";
    Legend => "Ký hiệu trên cây tiêu chí:", "Marks in the tree:";

    ColumnsTop => "Đơn vị|Trạng thái|Đã|Tự|TĐ|Chốt|Chỉ số|Xếp loại|Thiếu", "Unit|Status|Done|Self|Appr.|Final|Index|Band|No";
    ColumnsBottom => "||chấm|chấm|lần 1||||TLKC", "||||1||||evid.";
    StatusDraftShort => "Tự chấm", "Drafting";
    StatusSubmittedShort => "Đã nộp", "Submitted";
    StatusAppraisingShort => "Thẩm định", "Appraising";
    StatusReturnedShort => "Giải trình", "Explaining";
    StatusFinalShort => "Đã chốt", "Final";
    NoUnitsToStart => "Không có đơn vị nào khớp (hoặc mọi đơn vị đã có kết quả năm này)", "No matching unit (or every unit already has an assessment this year)";

    MoreBelow => "PgDn xem tiếp", "PgDn for more";
    MoreAbove => "PgUp xem phần trên", "PgUp for the start";
    UndoReason => "hoàn tác", "undo";

    // Notices
    NothingToUndo => "Không có thay đổi nào của bạn trong phiên này để hoàn tác", "Nothing of yours in this session to undo";
    Wrapped => "Đã hết danh sách, quay lại từ đầu", "Reached the end, continued from the top";
    NothingToRedo => "Không có gì để làm lại", "Nothing to redo";
    RedoReason => "làm lại", "redo";
    LastSub => "Đây là tiêu chí thành phần cuối cùng", "That was the last sub-criterion";
    AllScored => "Đã chấm hết các tiêu chí thành phần", "Every sub-criterion is scored";
    NoFlags => "Không còn tiêu chí nào có cờ", "No flagged sub-criterion left";
    NoCouncilNotes => "Hội đồng chưa có ý kiến hay thay đổi điểm nào", "The council has neither commented on nor changed any score";
    HelpNextCouncilNote => "Tiêu chí tiếp theo Hội đồng có ý kiến hoặc thay đổi điểm (vòng giải trình)", "Next sub-criterion the council commented on or changed (explanation round)";
    SurveySub => "Tiêu chí này lấy điểm từ điều tra xã hội học; đơn vị không tự chấm", "This sub-criterion's points come from the sociological survey; units do not score it";
    ReadOnly => "Chế độ chỉ xem: không sửa được", "Read-only: nothing can be changed";
    DraftRestored => "Đã khôi phục bản nháp chưa lưu", "Unsaved draft restored";
    PickSub => "Hãy chọn một tiêu chí thành phần", "Select a sub-criterion first";
    NoChanges => "Không có thay đổi", "No changes";

    // Help: what each key does
    HelpUp => "Lên", "Move up";
    HelpDown => "Xuống", "Move down";
    HelpPageUp => "Lên một trang", "Page up";
    HelpPageDown => "Xuống một trang", "Page down";
    HelpTop => "Về dòng đầu", "First line";
    HelpBottom => "Đến dòng cuối", "Last line";
    HelpHelp => "Trợ giúp (bảng phím này)", "Help (this list of keys)";
    HelpForceQuit => "Thoát ngay, ở bất kỳ màn hình nào (mọi thay đổi đã lưu đều đã ghi đĩa)", "Quit from anywhere (all saved work is already on disk)";
    HelpCancel => "Hủy, không lưu", "Cancel without saving";
    HelpNextField => "Sang ô tiếp theo", "Next field";
    HelpPrevField => "Về ô trước", "Previous field";
    HelpSaveForm => "Lưu tài liệu kiểm chứng và giải trình", "Save the evidence and the explanation";
    HelpOpenAssessment => "Mở bộ chấm điểm của đơn vị", "Open the unit's assessment";
    HelpFilter => "Lọc theo tên hoặc mã đơn vị (không cần gõ dấu)", "Filter by unit name or code (diacritics optional)";
    HelpStart => "Bắt đầu chấm điểm cho một đơn vị chưa có kết quả năm này", "Start an assessment for a unit that has none this year";
    HelpYear => "Năm trước / năm sau", "Previous / next year";
    HelpClearFilter => "Bỏ lọc", "Clear the filter";
    HelpQuitHome => "Thoát parindex", "Quit parindex";
    HelpKeepFilter => "Giữ bộ lọc, trở lại danh sách", "Keep the filter, back to the list";
    HelpPickUnit => "Bắt đầu chấm điểm cho đơn vị đã chọn", "Start the assessment of the chosen unit";
    HelpOpen => "Mở, mở rộng; ở tiêu chí thành phần: chấm điểm", "Open, expand; on a sub-criterion: edit its score";
    HelpBack => "Quay lại, thu gọn", "Go back, collapse";
    HelpEvidence => "Tài liệu kiểm chứng và giải trình", "Evidence and explanation";
    HelpNextUnscored => "Tiêu chí thành phần chưa chấm tiếp theo", "Next unscored sub-criterion";
    HelpNextFlagged => "Tiêu chí có cờ tiếp theo (thiếu tài liệu, xung đột, vượt điểm tối đa)", "Next flagged sub-criterion (missing evidence, conflict, over the max)";
    HelpSearch => "Tìm theo mã hoặc nội dung (không cần gõ dấu: chi dao tìm được chỉ đạo)", "Search by code or text (diacritics optional: chi dao finds chỉ đạo)";
    HelpPalette => "Bảng lệnh: mọi thao tác của màn hình này, tìm theo tên", "Command palette: every action of this screen, by name";
    HelpPaletteRun => "Thực hiện thao tác đã chọn", "Do the chosen action";
    PaletteTitle => "Bảng lệnh", "Commands";
    PalettePrompt => "Lệnh:", "Command:";
    PaletteEmpty => "Không có lệnh nào khớp", "No action matches";
    HelpRedraw => "Vẽ lại toàn bộ màn hình", "Redraw the whole screen";
    HelpUndo => "Hoàn tác thay đổi gần nhất của tôi trong phiên này (nhiều bước)", "Undo my last change in this session (many steps)";
    HelpToggleNa => "Đánh dấu / bỏ đánh dấu “không áp dụng”", "Mark / unmark “not applicable”";
    HelpRedo => "Làm lại thay đổi vừa hoàn tác", "Redo what I undid";
    HelpHistory => "Lịch sử thay đổi: ai, khi nào, cũ → mới", "History of changes: who, when, old → new";
    HelpScrollUp => "Cuộn nội dung chi tiết lên", "Scroll the details up";
    HelpScrollDown => "Cuộn nội dung chi tiết xuống", "Scroll the details down";
    HelpBackHome => "Về màn hình chính", "Back to the home screen";
    HelpKeepMatch => "Chọn kết quả tìm thấy", "Keep the match";
    HelpNextMatch => "Kết quả tiếp theo", "Next match";
    HelpPrevMatch => "Kết quả trước", "Previous match";
    HelpCancelSearch => "Hủy tìm kiếm, trở về chỗ cũ", "Cancel the search, back where you were";
    HelpSubmitScore => "Kiểm tra và lưu, rồi sang tiêu chí thành phần tiếp theo", "Validate and save, then go to the next sub-criterion";
    HelpChoose => "Chọn phương án (gõ số để nhập điểm trực tiếp)", "Choose an option (type a number to enter points directly)";
    HelpAddItem => "Thêm tài liệu kiểm chứng", "Add an evidence reference";
    HelpEditItem => "Sửa tài liệu đang chọn", "Edit the selected reference";
    HelpRemoveItem => "Xóa tài liệu đang chọn", "Remove the selected reference";
    HelpKeepMine => "Giữ giá trị của tôi (ghi đè lên giá trị mới)", "Keep mine (save it over the newer value)";
    HelpTakeTheirs => "Lấy giá trị của cán bộ kia", "Take theirs";
    HelpToggleChoice => "Đổi lựa chọn", "Switch the choice";
    HelpConfirmChoice => "Chọn (rồi xác nhận)", "Choose (then confirm)";
    HelpKeepBoth => "Giữ cả hai danh sách tài liệu (không xóa tài liệu nào)", "Keep both evidence lists (no document is removed)";
    HelpBackToEdit => "Quay lại sửa tiếp, không mất gì đã gõ", "Back to my edit, nothing typed is lost";
    HelpBackToChoice => "Quay lại chọn", "Back to the choice";
    HelpCloseHelp => "Đóng trợ giúp", "Close the help";

    // The appraisal cycle, the ranking, conflicts, review
    SeatUnit => "Tự đánh giá", "Self-assessment";
    SeatCouncil => "Thẩm định lần 1", "Appraisal, round 1";
    AppraisingRound1 => "Đang thẩm định lần 1", "Appraising, round 1";
    AppraisingRound2 => "Đang thẩm định lần 2", "Appraising, round 2";
    SeatCouncil2 => "Thẩm định lần 2", "Appraisal, round 2";
    SeatOnlyOne => "Vai trò của bạn chỉ cho phép một chế độ", "Your role allows only one mode";
    ReviewMode => "Chế độ xem lại: không sửa được gì", "Review mode: nothing can be changed";
    ReadOnlyMark => "chỉ xem", "read-only";
    Editable => "được sửa", "editable";
    AppraisalTitle => "Thẩm định", "Appraisal";
    Gap => "Chênh lệch tự chấm − chốt", "Self − final gap";
    GapShort => "Chênh", "Gap";
    CouncilNote => "Ý kiến Hội đồng", "Council's note";
    AppraisalPoints => "Điểm thẩm định:", "Appraisal points:";
    NotePrompt => "Ý kiến:", "Note:";
    AppraisalHelp => "Enter: lưu và sang tiêu chí tiếp theo · Tab: sang ô ý kiến · Esc: hủy", "Enter: save and go to the next · Tab: to the note · Esc: cancel";
    FinalScore => "Điểm chốt", "Final score";

    // Bonus and penalty items (điểm thưởng, điểm trừ)
    BonusItem => "Điểm thưởng", "Bonus";
    PenaltyItem => "Điểm trừ", "Penalty";
    ItemsTitle => "Điểm thưởng, điểm trừ", "Bonus and penalty points";
    ItemsNone => "Khung này không quy định điểm thưởng, điểm trừ", "This framework defines no bonus or penalty points";
    ItemCap => "tối đa", "cap";
    ItemCapShort => "Tối đa", "Cap";
    ItemCode => "Mã", "Code";
    ItemKind => "Loại", "Kind";
    ItemName => "Nội dung", "Item";
    BonusShort => "Thưởng", "Bonus";
    PenaltyShort => "Trừ", "Penalty";
    ItemOnIndex => "trên tổng điểm", "on the total";
    ItemOnNode => "trừ vào", "taken from";
    ItemReason => "Lý do", "Reason";
    ItemCounted => "Được tính", "Counted";
    ItemPoints => "Điểm:", "Points:";
    ItemReasonPrompt => "Lý do:", "Reason:";
    ItemsHelp => "Enter: nhập điểm và lý do · Esc/q: quay lại", "Enter: enter points and reason · Esc/q: back";
    ItemFormHelp => "Enter: lưu · Tab: sang ô lý do · Esc: hủy", "Enter: save · Tab: to the reason · Esc: cancel";
    HelpItems => "Điểm thưởng, điểm trừ (nhập điểm và lý do)", "Bonus and penalty points (points and reason)";
    HelpItemForm => "Nhập điểm và lý do của mục", "Enter the item's points and reason";
    HelpSubmitItem => "Lưu điểm và lý do", "Save the points and the reason";
    NotSurveyAppraised => "Tiêu chí điều tra xã hội học không thẩm định", "Survey sub-criteria are not appraised";
    StatusTitle => "Chuyển trạng thái hồ sơ", "Change the assessment's status";
    StatusNow => "Trạng thái hiện tại", "Current status";
    NotFromHere => "(không áp dụng từ trạng thái này)", "(not from this status)";
    Rank => "Hạng", "Rank";
    StatusCol => "Kết quả", "Result";
    Unit => "Đơn vị", "Unit";
    SurveyCol => "Điều tra", "Survey";
    Band => "Xếp loại", "Band";
    SortedBy => "Sắp xếp", "Sorted by";
    SortIndex => "chỉ số", "index";
    SortGap => "chênh lệch", "gap";
    SortName => "tên", "name";
    StatsSummary => "Tổng hợp", "Summary";
    StatsUnits => "Chỉ số theo đơn vị", "Index per unit";
    StatsLost => "Tiêu chí bị mất điểm", "Points lost";
    StatsBands => "Số đơn vị theo xếp loại", "Units per band";
    StatsAreas => "Chỉ số bình quân theo lĩnh vực (%)", "Mean index per area (%)";
    StatsNothingLost => "Không đơn vị nào bị mất điểm", "No unit lost any points";
    StatsLostColumns => "Mất (tối đa − chốt) · HĐ không công nhận (tự chấm − chốt) · số đơn vị", "Lost (max − final) · not accepted (self − final) · units";
    PerAreaTitle => "Chỉ số thành phần theo lĩnh vực (%)", "Component index per area (%)";
    HeatLegend => "░ <50  ▒ 50–<70  ▓ 70–<90  █ ≥90", "░ <50  ▒ 50–<70  ▓ 70–<90  █ ≥90";
    PreviousReference => "tham chiếu (đơn vị cũ)", "reference (former units)";
    ModelledShort => "⚠ mô phỏng", "⚠ modelled";
    NoRanking => "Chưa có đơn vị nào của cấp này được chấm trong năm", "No unit of this level was assessed this year";
    NoConflicts => "Không có xung đột nào", "No conflicts";
    ConflictHeads => "Các giá trị đang tranh chấp (Enter chọn giá trị này):", "Competing values (Enter takes this one):";
    NewValuePrompt => "Giá trị mới:", "New value:";
    ReasonPrompt => "Lý do xử lý (kết quả đã khóa):", "Reason (the assessment is locked):";
    NewValueNotHere => "Trường này chỉ giải quyết bằng cách chọn một giá trị", "This field is resolved by choosing one of the values";
    TotalsInConflict => "≠ Tổng điểm đang có xung đột", "≠ Totals in conflict";
    NoQuarantined => "Không có thay đổi nào bị giữ lại chờ xử lý", "No refused change awaits a decision";
    DismissReasonPrompt => "Lý do bác bỏ:", "Reason to dismiss:";
    QuarantineValue => "Giá trị", "Value";
    QuarantineBy => "Người sửa", "Changed by";
    QuarantineWhy => "Lý do bị giữ lại", "Why it was refused";

    HelpChangeStatus => "Chuyển trạng thái: nộp, trả lại để giải trình, chốt, mở lại", "Change the status: submit, return, finalize, reopen";
    HelpSwitchSeat => "Đổi chế độ: tự đánh giá ↔ thẩm định (khi vai trò cho phép cả hai)", "Switch mode: self-assessment ↔ appraisal (when your role allows both)";
    HelpConflictsHere => "Các trường đang xung đột của đơn vị này", "Fields in conflict in this assessment";
    HelpConflictsAll => "Danh sách xung đột cần giải quyết", "The conflicts to resolve";
    HelpRanking => "Xếp hạng các đơn vị cùng cấp", "Ranking of the level";
    HelpSort => "Đổi cách sắp xếp: chỉ số, chênh lệch, tên", "Sort by index, gap, name";
    HelpPerArea => "Xem tổng hợp hoặc chỉ số theo từng lĩnh vực", "Overall or per-area view";
    HelpStats => "Thống kê: điểm bình quân, số đơn vị theo xếp loại, chỉ số theo lĩnh vực và theo đơn vị, tiêu chí bị mất nhiều điểm nhất", "Statistics: means, units per band, index per area and per unit, the sub-criteria where most points were lost";
    HelpStatsPanel => "Phần thống kê tiếp theo (tổng hợp, theo đơn vị, mất điểm)", "Next part of the statistics (summary, per unit, points lost)";
    HelpStatsPanelBack => "Phần thống kê trước", "Previous part of the statistics";
    HelpBackRanking => "Quay lại bảng xếp hạng", "Back to the ranking";
    HelpFinalOnly => "Chỉ các đơn vị đã chốt (để công bố) hoặc tất cả (có kết quả tạm tính)", "Final units only (to publish) or all (with provisional results)";
    HelpNextLevel => "Cấp tiếp theo (sở, xã; huyện đến năm 2024)", "Next level (departments, communes; districts until 2024)";
    HelpOpenUnit => "Mở bộ chấm điểm của đơn vị đang chọn", "Open the selected unit's assessment";
    HelpResolveHead => "Chọn giá trị này để giải quyết xung đột", "Take this value to resolve the conflict";
    HelpNewValue => "Nhập giá trị mới để giải quyết xung đột", "Enter a new value to resolve the conflict";
    HelpNextConflict => "Xung đột tiếp theo / trước", "Next / previous conflict";
    HelpConfirm => "Xác nhận", "Confirm";
    HelpWithdraw => "Hủy bộ kết quả đang chọn (chỉ khi chưa chấm gì; hỏi lại trước)", "Cancel the selected assessment (only one with nothing scored; asks first)";
    HelpRestoreWithdrawn => "Khôi phục bộ kết quả vừa hủy", "Restore the assessment just cancelled";
    HelpKeepAssessment => "Không hủy", "Keep it";
    Kept => "Không hủy: bộ kết quả giữ nguyên", "Not cancelled: the assessment stays";
    OthersHere => "Cũng đang sửa", "Also editing";
    HelpQuarantine => "Các thay đổi bị giữ lại khi hợp nhất (Hội đồng, quản trị viên chấp nhận hoặc bác bỏ)", "Changes a merge refused (the council or an administrator accepts or dismisses them)";
    HelpAcceptQuarantined => "Chấp nhận thay đổi đang chọn: ghi lại như một thay đổi mới của bạn (hỏi lại trước)", "Accept the selected change: made again now, as your change (asks first)";
    HelpDismissQuarantined => "Bác bỏ thay đổi đang chọn (cần ghi lý do); nó vẫn còn trong nhật ký", "Dismiss the selected change (a reason is needed); it stays in the log";
    HelpKeepQuarantined => "Chưa chấp nhận, quay lại danh sách", "Not now, back to the list";
    HelpDismissWithReason => "Bác bỏ với lý do đã gõ", "Dismiss with the reason typed";
    HelpConfirmWord => "Xác nhận sau khi gõ đúng từ (chốt / trả lại)", "Confirm once the word is typed (finalize / return)";

    HintChangeStatus => "trạng thái", "status";
    HintSwitchSeat => "chế độ", "mode";
    HintConflicts => "xung đột", "conflicts";
    HintQuarantine => "bị giữ lại", "held back";
    HintAcceptQuarantined => "chấp nhận", "accept";
    HintDismissQuarantined => "bác bỏ", "dismiss";
    HintDismissWithReason => "bác bỏ", "dismiss";
    HintRanking => "xếp hạng", "ranking";
    HintSort => "sắp xếp", "sort";
    HintPerArea => "theo lĩnh vực", "per area";
    HintStats => "thống kê", "statistics";
    HintStatsPanel => "phần khác", "next part";
    HintFinalOnly => "đã chốt", "final";
    FinalOnlyMark => "chỉ đơn vị đã chốt", "final units only";
    ProvisionalShort => "Tạm tính", "Provis.";
    ProvisionalMeaning => "chưa chốt, còn thay đổi", "not final, may change";
    HintNextLevel => "cấp khác", "level";
    HintResolve => "chọn", "take";
    HintNewValue => "giá trị mới", "new value";
    HintNote => "ý kiến", "note";

    // The hint bar: a word or two after the keys the keymap names
    HintHelp => "trợ giúp", "help";
    HintHelpF1 => "trợ giúp", "help";
    HintCancel => "hủy", "cancel";
    HintNextField => "ô sau", "next field";
    HintSaveForm => "lưu", "save";
    HintOpen => "mở", "open";
    HintFilter => "lọc", "filter";
    HintStart => "chấm đơn vị mới", "start";
    HintYear => "năm", "year";
    HintQuit => "thoát", "quit";
    HintKeepFilter => "giữ lọc", "keep";
    HintClearFilter => "bỏ lọc", "clear";
    HintPickUnit => "bắt đầu", "start";
    HintScore => "chấm", "score";
    HintEvidence => "tài liệu", "evidence";
    HintNextUnscored => "chưa chấm", "unscored";
    HintNextFlagged => "có cờ", "flagged";
    HintSearch => "tìm", "search";
    HintUndo => "hoàn tác", "undo";
    HintRedo => "làm lại", "redo";
    HintToggleNa => "không áp dụng", "not applicable";
    HintPalette => "lệnh", "commands";
    HintPaletteCtrl => "lệnh", "commands";
    HintPaletteRun => "thực hiện", "run";
    HintHistory => "lịch sử", "history";
    HintBack => "quay lại", "back";
    HintKeepMatch => "chọn", "keep";
    HintNextMatch => "kết quả sau", "next match";
    HintSubmit => "lưu và sang tiếp", "save and next";
    HintChoose => "chọn", "choose";
    HintAddItem => "thêm", "add";
    HintEditItem => "sửa", "edit";
    HintRemoveItem => "xóa", "remove";
    HintSubmitForm => "lưu", "save";
    HintKeepMine => "giữ của tôi", "keep mine";
    HintTakeTheirs => "lấy của họ", "take theirs";
    HintKeepBoth => "giữ cả hai", "keep both";
    HintChooseConflict => "chọn", "choose";
    HintBackToEdit => "sửa tiếp", "back to my edit";
    HintBackToChoice => "chọn lại", "back";
    HintConfirm => "xác nhận", "confirm";
    HintCloseHelp => "đóng", "close";
}
