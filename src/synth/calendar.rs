//! Calendar arithmetic for the page dates: days since 1970-01-01 to a civil date and back, and the
//! weekday that the date line prints ("2025年3月5日 星期三").

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

const WEEKDAYS: [&str; 7] = ["星期四", "星期五", "星期六", "星期日", "星期一", "星期二", "星期三"];

impl Date {
    /// The civil date `days` after 1970-01-01 (H. Hinnant's algorithm).
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// `n` days earlier, but never before 1 January of the same year: an article dated in the
    /// previous year would take the page's year in the extractor and be misdated.
    pub fn days_before_in_year(self, n: u32) -> Date {
        let earlier = Date::from_days(self.to_days() - i64::from(n));
        if earlier.year == self.year {
            earlier
        } else {
            Date { year: self.year, month: 1, day: 1 }
        }
    }

    pub fn weekday(self) -> &'static str {
        WEEKDAYS[self.to_days().rem_euclid(7) as usize]
    }

    /// "2025年3月5日 星期三", the line under a page's masthead.
    pub fn date_line(self) -> String {
        format!("{}年{}月{}日 {}", self.year, self.month, self.day, self.weekday())
    }

    /// "3月4日", as an article names the day of its event.
    pub fn month_day(self) -> String {
        format!("{}月{}日", self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_knows_the_weekday() {
        let d = Date { year: 2025, month: 3, day: 5 };
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), "星期三");
        assert_eq!(Date::from_days(0), Date { year: 1970, month: 1, day: 1 });
        assert_eq!(Date { year: 2024, month: 2, day: 29 }.weekday(), "星期四");
        assert_eq!(d.date_line(), "2025年3月5日 星期三");
        assert_eq!(crate::text::normalize::parse_date_line(&d.date_line()), Some((2025, 3, 5)));
    }

    #[test]
    fn stays_in_the_year() {
        let d = Date { year: 2025, month: 1, day: 2 };
        assert_eq!(d.days_before_in_year(1), Date { year: 2025, month: 1, day: 1 });
        assert_eq!(d.days_before_in_year(3), Date { year: 2025, month: 1, day: 1 });
        assert_eq!(Date { year: 2025, month: 3, day: 1 }.days_before_in_year(1), Date { year: 2025, month: 2, day: 28 });
    }
}
