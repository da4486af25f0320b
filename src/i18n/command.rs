//! The words the command layer's refusals share (`CommandError`, a refused accept).

words! {
    /// What a refused change wrote: nothing.
    nothing_written => "không ghi gì", "nothing written";
    /// A field that holds no event yet.
    no_value => "chưa có giá trị", "no value";
}
