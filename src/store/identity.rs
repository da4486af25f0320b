//! Who is making a change and where: the OS account of the real uid (not `$USER`, which anyone
//! can set) and the host name, plus the UTC clock used to stamp events.

use std::ffi::CStr;
use std::time::{SystemTime, UNIX_EPOCH};

/// The author of events written by this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user: String,
    pub host: String,
}

impl Actor {
    /// The officer running this process, from the real uid's password entry.
    pub fn current() -> Actor {
        Actor {
            user: real_user_name(),
            host: host_name(),
        }
    }
}

fn real_user_name() -> String {
    // SAFETY: getuid never fails; getpwuid_r writes only into the buffers we pass and we read
    // pw_name only when it returned 0 with a non-null result.
    unsafe {
        let uid = libc::getuid();
        let mut pwd: libc::passwd = std::mem::zeroed();
        let mut buf = vec![0 as libc::c_char; 4096];
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        let rc = libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut result);
        if rc == 0 && !result.is_null() && !pwd.pw_name.is_null() {
            return CStr::from_ptr(pwd.pw_name).to_string_lossy().into_owned();
        }
        format!("uid{uid}")
    }
}

fn host_name() -> String {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: gethostname writes at most buf.len() bytes; we terminate defensively.
    unsafe {
        if libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) == 0 {
            buf[buf.len() - 1] = 0;
            return CStr::from_ptr(buf.as_ptr()).to_string_lossy().into_owned();
        }
    }
    "localhost".into()
}

/// Now, in UTC, as `YYYY-MM-DDTHH:MM:SS.mmmZ` (sorts as text in time order).
pub fn now_utc() -> String {
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format_utc(since.as_secs() as i64, since.subsec_millis())
}

/// Today's UTC date, `YYYY-MM-DD`.
pub fn today_utc() -> String {
    now_utc()[..10].to_string()
}

/// Today's date where the officer is (`$TZ`, else the system zone), `YYYY-MM-DD`: deadlines are
/// days of the province's calendar, so one that ends on the 15th still holds at 06:30 on the 15th
/// in Đồng Hới (23:30 UTC on the 14th) and is over at 06:30 on the 16th.
pub fn today_local() -> String {
    crate::local_time::today(&crate::local_time::system_zone())
}

/// An instant as stored (see [`crate::local_time::stored_utc`]).
pub fn format_utc(secs: i64, millis: u32) -> String {
    crate::local_time::stored_utc(secs, millis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_formatting_matches_known_instants() {
        assert_eq!(format_utc(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_utc(1_795_737_600, 5), "2026-11-27T00:00:00.005Z");
        assert_eq!(format_utc(951_782_400, 0), "2000-02-29T00:00:00.000Z");
    }
}
