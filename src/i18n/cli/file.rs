//! The words every command that reads a file given on its command line says about it.

words! {
    cannot_read => "không đọc được tệp", "cannot read file";
    not_regular => "không phải tệp thường", "not a regular file";
}
