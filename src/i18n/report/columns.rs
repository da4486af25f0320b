//! The column headings (and row labels) several reports share, worded once.

words! {
    /// The column of a table's row numbers.
    row_number => "STT", "No.";
    unit => "Đơn vị", "Unit";
    code => "Mã", "Code";
    item => "Nội dung", "Item";
    max => "Điểm tối đa", "Max";
    band => "Xếp loại", "Band";
    status => "Trạng thái", "Status";
    area => "Lĩnh vực", "Area";
    index_percent => "Chỉ số %", "Index %";
    mean => "Bình quân", "Mean";
}
