//! Dates: "2月13日", "4月19日至20日", "3 月 19 日至 21 日", "2024年1月5日", and the page's year.

use crate::model::DateValue;
use crate::text::chars::ends_with_at;
use crate::text::normalize::PUBLICATION_LABELS;

/// A date or date range found in clean text (character span).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: DateValue,
    pub end_date: Option<DateValue>,
}

impl crate::extract::spans::Spanned for DateMention {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

fn number(chars: &[char], at: usize) -> Option<(u32, usize)> {
    let mut k = at;
    let mut v: u32 = 0;
    while k < chars.len() && chars[k].is_ascii_digit() && k - at < 4 {
        v = v * 10 + chars[k].to_digit(10)?;
        k += 1;
    }
    (k > at).then_some((v, k))
}

/// Every "[YYYY年]M月[D日][至[M月]D日]" in the text. `year` fills in dates without one.
pub fn find_dates(chars: &[char], year: Option<i32>) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match date_at(chars, i, year) {
            Some(d) if after_publication_label(chars, d.start) => i = d.end,
            Some(d) => {
                i = d.end;
                out.push(d);
            }
            None => i += 1,
        }
    }
    out
}

/// "发表时间:05月31日": the page's own date, written in its header, dates no event.
fn after_publication_label(chars: &[char], start: usize) -> bool {
    let mut k = start;
    while k > 0 && matches!(chars[k - 1], ':' | '：' | ' ') {
        k -= 1;
    }
    PUBLICATION_LABELS.iter().any(|l| ends_with_at(chars, k, l))
}

fn date_at(chars: &[char], start: usize, year: Option<i32>) -> Option<DateMention> {
    if start > 0 && chars[start - 1].is_ascii_digit() {
        return None;
    }
    let (first, mut k) = number(chars, start)?;
    let mut y = None;
    let mut month = first;
    if chars.get(k) == Some(&'年') && (1900..2200).contains(&first) {
        y = Some(first as i32);
        let (m, k2) = number(chars, k + 1)?;
        month = m;
        k = k2;
    }
    if chars.get(k) != Some(&'月') || !(1..=12).contains(&month) {
        return None;
    }
    k += 1;
    let mut day = None;
    // "5月27—28日": a range of days whose first day has no 日 of its own.
    let mut shared_day_range = None;
    if let Some((d, k2)) = number(chars, k) {
        if chars.get(k2) == Some(&'日') && (1..=31).contains(&d) {
            day = Some(d);
            k = k2 + 1;
        } else if let Some((d2, k3)) = chars.get(k2).filter(|&&c| is_range_separator(c)).and_then(|_| number(chars, k2 + 1)) {
            if chars.get(k3) == Some(&'日') && (1..=31).contains(&d) && (d..=31).contains(&d2) {
                day = Some(d);
                shared_day_range = Some(d2);
                k = k3 + 1;
            }
        }
    }
    let date = DateValue { year: y.or(year), month, day };
    let mut mention = DateMention { start, end: k, date, end_date: shared_day_range.map(|d2| DateValue { day: Some(d2), ..date }) };
    if let Some((end_date, end)) = range_end(chars, k, date) {
        mention.end_date = Some(end_date);
        mention.end = end;
    }
    Some(mention)
}

/// What joins the two ends of a range ("至", "到", "-", "—", "~"; a full-width dash is folded to "-").
fn is_range_separator(c: char) -> bool {
    matches!(c, '至' | '到' | '-' | '—' | '~' | '～')
}

/// "至20日", "至5月2日", "-21日" after a date.
fn range_end(chars: &[char], at: usize, from: DateValue) -> Option<(DateValue, usize)> {
    let sep = *chars.get(at)?;
    if !is_range_separator(sep) || from.day.is_none() {
        return None;
    }
    let (n, k) = number(chars, at + 1)?;
    match chars.get(k) {
        Some('日') if (1..=31).contains(&n) => Some((DateValue { day: Some(n), ..from }, k + 1)),
        Some('月') if (1..=12).contains(&n) => {
            let (d, k2) = number(chars, k + 1)?;
            (chars.get(k2) == Some(&'日') && (1..=31).contains(&d)).then_some((DateValue { month: n, day: Some(d), ..from }, k2 + 1))
        }
        _ => None,
    }
}

/// The year an article's "2月13日" belongs to: the page's own date line when it has one, else the
/// year the text itself mentions most (later years win ties; target years after 到/至 don't count).
pub fn context_year(chars: &[char], date_line: Option<i32>) -> Option<i32> {
    if date_line.is_some() {
        return date_line;
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for i in 0..chars.len() {
        if i > 0 && (chars[i - 1].is_ascii_digit() || matches!(chars[i - 1], '到' | '至')) {
            continue;
        }
        let Some((y, k)) = number(chars, i) else { continue };
        if k - i != 4 || chars.get(k) != Some(&'年') || !(1990..2100).contains(&y) {
            continue;
        }
        match counts.iter_mut().find(|(yy, _)| *yy == y as i32) {
            Some(c) => c.1 += 1,
            None => counts.push((y as i32, 1)),
        }
    }
    counts.into_iter().max_by_key(|&(y, n)| (n, y)).map(|(y, _)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str, year: Option<i32>) -> Vec<(String, Option<String>)> {
        let chars: Vec<char> = s.chars().collect();
        find_dates(&chars, year).into_iter().map(|d| (d.date.iso(), d.end_date.map(|e| e.iso()))).collect()
    }

    #[test]
    fn reads_dates_and_ranges() {
        assert_eq!(dates("2月13日，在", Some(2024)), vec![("2024-02-13".into(), None)]);
        assert_eq!(dates("4月19日至20日，", Some(2024)), vec![("2024-04-19".into(), Some("2024-04-20".into()))]);
        assert_eq!(dates("5月27—28日，", Some(2020)), vec![("2020-05-27".into(), Some("2020-05-28".into()))]);
        assert_eq!(dates("5月8-9日", None), vec![("--05-08".into(), Some("--05-09".into()))]);
        assert_eq!(dates("1月30日至2月2日", Some(2025)), vec![("2025-01-30".into(), Some("2025-02-02".into()))]);
        assert_eq!(dates("2023年12月", None), vec![("2023-12".into(), None)]);
    }

    #[test]
    fn a_date_without_a_year_stays_without_one() {
        assert_eq!(dates("6月5日", None), vec![("--06-05".into(), None)]);
    }

    #[test]
    fn a_publication_label_dates_the_page_not_an_event() {
        assert_eq!(dates("发表时间:05月31日 5月29日，", None), vec![("--05-29".into(), None)]);
        assert_eq!(dates("发布时间：6月2日", None), vec![]);
    }

    #[test]
    fn not_dates() {
        assert!(dates("13个月", None).is_empty());
        assert!(dates("第12届", None).is_empty());
    }

    #[test]
    fn year_from_context() {
        let c: Vec<char> = "2023年成绩显著。2024年要做到，2024年工作，到2035年基本实现".chars().collect();
        assert_eq!(context_year(&c, None), Some(2024));
        assert_eq!(context_year(&c, Some(2025)), Some(2025));
    }
}
