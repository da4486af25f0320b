//! Times as a person reads them: in the local zone (`$TZ`, else the system's), `dd/mm/yyyy HH:MM`
//! in Vietnamese and `YYYY-MM-DD HH:MM` in English. The database and every JSON output keep UTC
//! RFC 3339; only what is shown to people is converted, here.

use jiff::Timestamp;
pub use jiff::tz::TimeZone;

use crate::i18n::Lang;

/// The zone of the person at the terminal: `$TZ` (an IANA name, a zoneinfo path or a POSIX
/// rule), else `/etc/localtime`; an unknown `$TZ` reads as UTC, as `date` does.
pub fn system_zone() -> TimeZone {
    TimeZone::system()
}

/// The zone's name for people: `Asia/Ho_Chi_Minh`, else its offset now (`UTC+07:00`).
pub fn zone_name(zone: &TimeZone) -> String {
    match zone.iana_name() {
        Some(name) => name.to_string(),
        None => format!("UTC{}", zone.to_offset(Timestamp::now())),
    }
}

/// A stored UTC time (`2025-11-20T23:30:00.000Z`) in `zone`: `21/11/2025 06:30` in Vietnamese,
/// `2025-11-21 06:30` in English. Text that is not a time is shown as it is, on one line.
pub fn when(at: &str, zone: &TimeZone, lang: Lang) -> String {
    let Ok(ts) = at.trim().parse::<Timestamp>() else {
        return crate::text::one_line(at.trim());
    };
    let t = zone.to_datetime(ts);
    let day = crate::i18n::calendar_date(t.year(), t.month(), t.day(), lang);
    format!("{day} {:02}:{:02}", t.hour(), t.minute())
}

/// A calendar date stored as `YYYY-MM-DD` (a deadline): `15/12/2025` in Vietnamese, unchanged in
/// English.
pub fn date(iso: &str, lang: Lang) -> String {
    match iso.trim().parse::<jiff::civil::Date>() {
        Ok(d) => crate::i18n::calendar_date(d.year(), d.month(), d.day(), lang),
        Err(_) => crate::text::one_line(iso),
    }
}

/// A day of the calendar given as numbers (`29/02/2025` is none), as `YYYY-MM-DD`.
pub fn calendar_day(year: u32, month: u32, day: u32) -> Option<String> {
    let (y, m, d) = (
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    );
    jiff::civil::Date::new(y, m, d).ok().map(|d| d.to_string())
}

/// An instant in seconds and milliseconds since 1970 as stored, in UTC:
/// `YYYY-MM-DDTHH:MM:SS.mmmZ` (sorts as text in time order).
pub fn stored_utc(secs: i64, millis: u32) -> String {
    let t = Timestamp::new(secs, 0)
        .map(|ts| TimeZone::UTC.to_datetime(ts))
        .unwrap_or_default();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Today's date in `zone`, `YYYY-MM-DD`: the day a deadline is compared with.
pub fn today(zone: &TimeZone) -> String {
    day_at(zone, Timestamp::now())
}

/// The calendar day of an instant in `zone`, `YYYY-MM-DD`.
pub fn day_at(zone: &TimeZone, at: Timestamp) -> String {
    zone.to_datetime(at).date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(name: &str) -> TimeZone {
        TimeZone::get(name).expect("bundled or system tzdb knows the zone")
    }

    #[test]
    fn when_is_the_next_morning_in_dong_hoi_when_it_is_late_evening_utc() {
        let hcm = zone("Asia/Ho_Chi_Minh");
        assert_eq!(
            when("2025-11-20T23:30:00.000Z", &hcm, Lang::Vi),
            "21/11/2025 06:30"
        );
        assert_eq!(
            when("2025-11-20T23:30:00.000Z", &hcm, Lang::En),
            "2025-11-21 06:30"
        );
        assert_eq!(
            when("2025-11-20T23:30:00.000Z", &TimeZone::UTC, Lang::Vi),
            "20/11/2025 23:30"
        );
    }

    #[test]
    fn when_keeps_text_that_is_not_a_time_on_one_line() {
        assert_eq!(when("hôm qua\n", &TimeZone::UTC, Lang::Vi), "hôm qua");
    }

    #[test]
    fn date_reads_day_first_in_vietnamese() {
        assert_eq!(date("2025-12-15", Lang::Vi), "15/12/2025");
        assert_eq!(date("2025-12-15", Lang::En), "2025-12-15");
    }

    #[test]
    fn zone_name_is_the_iana_name_when_known() {
        assert_eq!(zone_name(&zone("Asia/Ho_Chi_Minh")), "Asia/Ho_Chi_Minh");
        assert!(zone_name(&TimeZone::fixed(jiff::tz::offset(7))).starts_with("UTC+07"));
    }
}
