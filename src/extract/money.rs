//! Amounts of money: "30.06亿元", "1.58万亿元", "5000万元", "百亿元", "7.5亿" → exact yuan.

/// A money amount found in text: clean-text character span and the value in yuan as an exact
/// decimal string (no float rounding: "30.06亿元" is "3006000000").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub start: usize,
    pub end: usize,
    pub yuan: String,
}

impl crate::extract::spans::Spanned for Money {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

/// Scale words, longest first, as powers of ten.
const UNITS: [(&str, u32); 5] = [("万亿", 12), ("亿", 8), ("千万", 7), ("万", 4), ("千", 3)];

/// Finds every amount followed by 元 (or by a scale word and 元).
pub fn find_money(chars: &[char]) -> Vec<Money> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some(m) = money_at(chars, i) {
            i = m.end;
            out.push(m);
        } else {
            i += 1;
        }
    }
    out
}

/// An amount starting exactly at `start`.
pub fn money_at(chars: &[char], start: usize) -> Option<Money> {
    if start > 0 && (chars[start - 1].is_ascii_digit() || chars[start - 1] == '.') {
        return None;
    }
    let (number, after_number) = read_number(chars, start)?;
    let mut k = after_number;
    let mut exponent = 0;
    for (unit, e) in UNITS {
        if starts_with(chars, k, unit) {
            exponent = e;
            k += unit.chars().count();
            break;
        }
    }
    if !starts_with(chars, k, "元") {
        return None;
    }
    let yuan = scale(&number, exponent)?;
    Some(Money { start, end: k + 1, yuan })
}

fn starts_with(chars: &[char], at: usize, s: &str) -> bool {
    s.chars().enumerate().all(|(i, c)| chars.get(at + i) == Some(&c))
}

/// Arabic digits with an optional decimal part, or the Chinese numerals 十/百/千 alone ("百亿元").
fn read_number(chars: &[char], start: usize) -> Option<(String, usize)> {
    let mut k = start;
    let mut s = String::new();
    while k < chars.len() && (chars[k].is_ascii_digit() || chars[k] == '.' || chars[k] == ',') {
        if chars[k] != ',' {
            s.push(chars[k]);
        }
        k += 1;
    }
    if !s.is_empty() {
        return (s.chars().filter(|&c| c == '.').count() <= 1 && !s.starts_with('.') && !s.ends_with('.')).then_some((s, k));
    }
    match (chars.get(start), chars.get(start + 1)) {
        (Some(&c), Some(&'十')) if chinese_digit(c).is_some() => Some((format!("{}0", chinese_digit(c)?), start + 2)),
        (Some(&c), Some(&'百')) if chinese_digit(c).is_some() => Some((format!("{}00", chinese_digit(c)?), start + 2)),
        (Some(&'十'), _) => Some(("10".into(), start + 1)),
        (Some(&'百'), _) => Some(("100".into(), start + 1)),
        (Some(&'千'), _) => Some(("1000".into(), start + 1)),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u32> {
    match c {
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// "30.06" × 10^8 as an exact integer string; fractions of a yuan are kept after a point.
pub fn scale(number: &str, exponent: u32) -> Option<String> {
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let mut digits: String = format!("{int}{frac}");
    let point = int.len() + exponent as usize;
    while digits.len() < point {
        digits.push('0');
    }
    let (whole, fraction) = digits.split_at(point);
    let whole = whole.trim_start_matches('0');
    let fraction = fraction.trim_end_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    Some(if fraction.is_empty() { whole.to_string() } else { format!("{whole}.{fraction}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        find_money(&chars).into_iter().map(|m| m.yuan).collect()
    }

    #[test]
    fn reads_amounts_exactly() {
        assert_eq!(yuan("总投资30.06亿元"), vec!["3006000000"]);
        assert_eq!(yuan("签约金额达1.58万亿元"), vec!["1580000000000"]);
        assert_eq!(yuan("投资5000万元，另投资800元"), vec!["50000000", "800"]);
        assert_eq!(yuan("投资百亿元的基地"), vec!["10000000000"]);
        assert_eq!(yuan("拟投资7.5亿元"), vec!["750000000"]);
        assert_eq!(yuan("三十亿元"), vec!["3000000000"]);
    }

    #[test]
    fn ignores_numbers_that_are_not_money() {
        assert!(yuan("项目194个，占比43.8%").is_empty());
        assert!(yuan("年产10万吨").is_empty());
    }
}
