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

pub fn format_utc(secs: i64, millis: u32) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Days since 1970-01-01 to a (year, month, day) civil date (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
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

    #[test]
    fn actor_ignores_a_spoofed_user_variable() {
        let before = Actor::current().user;
        // SAFETY: single-threaded at this point of the test; the variable is restored.
        unsafe { std::env::set_var("USER", "spoofed-officer") };
        assert_eq!(Actor::current().user, before);
        assert_ne!(before, "spoofed-officer");
    }
}
