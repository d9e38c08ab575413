//! OCR clean-up with an offset map back to the original text.
//!
//! Newspaper pages arrive as OCR text: lines broken at the column width, blank lines inside
//! sentences, spaces inside words ("严 格 落 实"), full-width digits, photo captions dropped in the
//! middle of a paragraph and page furniture ("（下转第4版）"). [`normalize`] turns such a page into
//! paragraphs of running text and keeps, for every character it emits, the index of the character of
//! the ORIGINAL input it came from, so every later span can be reported against the original.

use super::chars::{is_cjk, is_cjk_punct, is_terminal};

/// Text after clean-up. `text` holds one paragraph per line (`\n` separated); `origin[i]` is the
/// character index, in the original input, of the i-th character of `text`.
#[derive(Debug, Clone)]
pub struct CleanText {
    pub text: String,
    pub chars: Vec<char>,
    pub origin: Vec<usize>,
    /// Number of characters of the original input (so an end offset can map to "end of input").
    pub original_len: usize,
    /// Paragraph kinds, one per line of `text`, in order.
    pub paragraphs: Vec<Paragraph>,
    /// The page's own date line ("2025年3月5日 星期三"), if it has one.
    pub date_line: Option<(i32, u32, u32)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    Body,
    /// A short line without end punctuation standing on its own (headlines come before or after
    /// their article on these pages).
    Headline,
    /// A photo caption ending in 摄.
    Caption,
    /// A line that is only a byline ("本报记者 郭娟", "记者 闫淑娟").
    Byline,
}

#[derive(Debug, Clone, Copy)]
pub struct Paragraph {
    /// Character range in `CleanText::chars`.
    pub start: usize,
    pub end: usize,
    pub kind: ParagraphKind,
    /// True when an article boundary is known to follow (page furniture such as "（下转第4版）").
    pub break_after: bool,
}

impl CleanText {
    /// Original character span of a clean span `[start, end)`.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.origin.len() {
            let at = self.origin.get(start).copied().unwrap_or(self.original_len);
            return (at, at);
        }
        let first = self.origin[start];
        let last = self.origin[(end - 1).min(self.origin.len() - 1)];
        (first, last + 1)
    }

    pub fn slice(&self, start: usize, end: usize) -> String {
        self.chars[start..end].iter().collect()
    }
}

/// One physical line of the input, with its characters already mapped (full-width folded).
#[derive(Debug, Clone)]
struct Line {
    chars: Vec<(char, usize)>,
    heading: bool,
    /// Blank lines between this line and the previous non-blank one.
    gap: usize,
    furniture_after: bool,
}

impl Line {
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn last(&self) -> Option<char> {
        self.chars.last().map(|c| c.0)
    }
    fn starts_with(&self, s: &str) -> bool {
        let mut it = self.chars.iter().map(|c| c.0);
        s.chars().all(|c| it.next() == Some(c))
    }
    fn text(&self) -> String {
        self.chars.iter().map(|c| c.0).collect()
    }
}

/// Folds full-width ASCII (digits, letters, most punctuation used inside numbers) to half-width and
/// the ideographic space to a plain space. Chinese punctuation （，。、）stays as it is.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' | '\t' | '\u{a0}' => ' ',
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '．' | '％' | '／' | '＋' | '－' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// Pages taken from the web often write Chinese punctuation with ASCII marks ("5月6日,某县…",
/// "(记者 某某)"). Next to a Chinese character they are the full-width marks the rules read;
/// between digits or Latin letters ("1,000", "A,B") they stay as they are. Brackets stay too: the
/// rules read a full-width one after a name as a note on that person ("（左二）"), which an ASCII
/// bracket after a place or a thing ("某河(某国)") is not.
fn widen_chinese_punctuation(line: &mut [(char, usize)]) {
    let is_han = |c: char| crate::text::chars::is_cjk(c) || matches!(c, '“' | '”' | '、' | '。' | '《' | '》');
    for k in 0..line.len() {
        let wide = match line[k].0 {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '!' => '！',
            '?' => '？',
            _ => continue,
        };
        let before = line[..k].iter().rev().map(|c| c.0).find(|c| *c != ' ');
        let after = line[k + 1..].iter().map(|c| c.0).find(|c| *c != ' ');
        let han_side = before.is_some_and(is_han) || (before.is_none_or(|c| !c.is_ascii_alphanumeric()) && after.is_some_and(is_han));
        if han_side {
            line[k].0 = wide;
        }
    }
}

pub fn normalize(input: &str) -> CleanText {
    let original: Vec<char> = input.chars().collect();
    let (lines, date_line) = read_lines(&original);
    let mut out = Builder::default();
    let mut i = 0;
    let mut pending_captions: Vec<Vec<(char, usize)>> = Vec::new();
    while i < lines.len() {
        // Gather one paragraph: line i plus every following line that continues it.
        let mut para: Vec<(char, usize)> = lines[i].chars.clone();
        let heading = lines[i].heading;
        let mut last = i;
        let mut j = i + 1;
        while j < lines.len() && !heading && !lines[last].furniture_after {
            if is_caption(&lines[j]) && lines[j].gap > 0 && !is_terminated(&lines[last]) && j + 1 < lines.len() {
                // A photo caption dropped in the middle of a sentence: set it aside, keep joining.
                pending_captions.push(lines[j].chars.clone());
                j += 1;
                continue;
            }
            // After a caption that interrupted an open sentence, the next line carries it on.
            let interrupted = !pending_captions.is_empty() && !is_terminated(&lines[last]) && !starts_new_paragraph(&lines[j]);
            if !interrupted && !continues(&lines, last, j) {
                break;
            }
            para.extend(lines[j].chars.iter().copied());
            last = j;
            j += 1;
        }
        let break_after = lines[last].furniture_after;
        let collapsed = collapse_spaces(&para);
        out.push_paragraph(&collapsed, heading, break_after);
        for cap in pending_captions.drain(..) {
            out.push_paragraph(&collapse_spaces(&cap), false, false);
        }
        i = j;
    }
    out.finish(original.len(), date_line)
}

#[derive(Default)]
struct Builder {
    chars: Vec<char>,
    origin: Vec<usize>,
    paragraphs: Vec<Paragraph>,
}

impl Builder {
    fn push_paragraph(&mut self, para: &[(char, usize)], heading: bool, break_after: bool) {
        if para.is_empty() {
            if break_after {
                if let Some(p) = self.paragraphs.last_mut() {
                    p.break_after = true;
                }
            }
            return;
        }
        if !self.chars.is_empty() {
            let nl_origin = self.origin.last().map(|o| o + 1).unwrap_or(0);
            self.chars.push('\n');
            self.origin.push(nl_origin);
        }
        let start = self.chars.len();
        for &(c, o) in para {
            self.chars.push(c);
            self.origin.push(o);
        }
        let end = self.chars.len();
        let kind = classify(&self.chars[start..end], heading);
        self.paragraphs.push(Paragraph { start, end, kind, break_after });
    }

    fn finish(self, original_len: usize, date_line: Option<(i32, u32, u32)>) -> CleanText {
        CleanText {
            text: self.chars.iter().collect(),
            chars: self.chars,
            origin: self.origin,
            original_len,
            paragraphs: self.paragraphs,
            date_line,
        }
    }
}

fn classify(p: &[char], heading: bool) -> ParagraphKind {
    let text: String = p.iter().collect();
    let trimmed = text.trim_end();
    if trimmed.ends_with('摄') || trimmed.ends_with("摄）") {
        return ParagraphKind::Caption;
    }
    if is_byline_only(trimmed) {
        return ParagraphKind::Byline;
    }
    let n = p.len();
    let terminated = p.iter().rev().find(|c| !c.is_whitespace()).is_some_and(|&c| is_terminal(c));
    let has_comma = p.iter().any(|&c| c == '，' || c == '。');
    if heading || (n <= 60 && !terminated && !has_comma) || (n <= 60 && !terminated && text.contains("——")) {
        return ParagraphKind::Headline;
    }
    ParagraphKind::Body
}

/// "本报记者 郭娟", "记者 闫淑娟", "本报通讯员 张三": a line that only names the author.
fn is_byline_only(t: &str) -> bool {
    let t = t.trim();
    let rest = ["本报记者", "本刊记者", "记者", "本报通讯员", "通讯员"].iter().find_map(|p| t.strip_prefix(p));
    match rest {
        Some(r) => {
            let names: Vec<&str> = r.split([' ', '、']).filter(|s| !s.is_empty()).collect();
            !names.is_empty() && names.iter().all(|n| (2..=4).contains(&n.chars().count()) && n.chars().all(is_cjk))
        }
        None => false,
    }
}

/// Splits the input into lines, folding characters, dropping page furniture and reading the date
/// line. Blank lines are counted into the next line's `gap`.
fn read_lines(original: &[char]) -> (Vec<Line>, Option<(i32, u32, u32)>) {
    let mut lines: Vec<Line> = Vec::new();
    let mut date_line = None;
    let mut gap = 0;
    let mut start = 0;
    for end in 0..=original.len() {
        if end < original.len() && original[end] != '\n' {
            continue;
        }
        let mut raw: Vec<(char, usize)> = (start..end).filter(|&k| original[k] != '\r').map(|k| (fold_char(original[k]), k)).collect();
        widen_chinese_punctuation(&mut raw);
        start = end + 1;
        let mut chars = trim(&raw);
        let marks = chars.iter().take_while(|c| c.0 == '#').count();
        let heading = marks > 0;
        chars.drain(..marks);
        if heading {
            chars = trim(&chars);
        }
        let (chars, furniture) = strip_furniture(&chars);
        let text: String = chars.iter().map(|c| c.0).collect();
        // The page's date, and whether the line holds nothing else. A web publication line with
        // more on it ("来源：某报 发布时间：2024-05-06 10:20") stays: it may name the reporter.
        let page_date = parse_date_line(&text).map(|d| (d, true)).or_else(|| parse_web_date_line(&text));
        if let Some((d, _)) = page_date {
            date_line.get_or_insert(d);
        }
        if page_date.is_some_and(|(_, only)| only) {
            if let Some(l) = lines.last_mut() {
                l.furniture_after = true;
            }
            gap += 1;
            continue;
        }
        if chars.is_empty() {
            if furniture {
                if let Some(l) = lines.last_mut() {
                    l.furniture_after = true;
                }
            }
            gap += 1;
            continue;
        }
        lines.push(Line { chars, heading, gap, furniture_after: furniture });
        gap = 0;
    }
    (lines, date_line)
}

fn trim(chars: &[(char, usize)]) -> Vec<(char, usize)> {
    let s = chars.iter().position(|c| !c.0.is_whitespace()).unwrap_or(chars.len());
    let e = chars.iter().rposition(|c| !c.0.is_whitespace()).map_or(s, |e| e + 1);
    chars[s..e].to_vec()
}

/// Removes jump lines such as "（下转第4版）", "(上接第1版)", "（下转 D2版）". Returns the rest of the
/// line and whether furniture was found (it ends the article on this page).
fn strip_furniture(chars: &[(char, usize)]) -> (Vec<(char, usize)>, bool) {
    let text: Vec<char> = chars.iter().map(|c| c.0).collect();
    let closes = next_closing_brackets(&text);
    // visible[k]: characters other than whitespace in text[..k] (a jump line has at most 10).
    let mut visible = vec![0usize; text.len() + 1];
    for (k, c) in text.iter().enumerate() {
        visible[k + 1] = visible[k] + usize::from(!c.is_whitespace());
    }
    let mut keep = vec![true; text.len()];
    let mut found = false;
    let mut i = 0;
    while i < text.len() {
        if text[i] == '（' || text[i] == '(' {
            if let Some(close) = closes[i].map(|c| c - i) {
                let short = visible[i + close] - visible[i + 1] <= JUMP_LINE_MAX;
                let inner: String =
                    if short { text[i + 1..i + close].iter().filter(|c| !c.is_whitespace()).collect() } else { String::new() };
                if short && is_jump_line(&inner) {
                    for k in keep.iter_mut().skip(i).take(close + 1) {
                        *k = false;
                    }
                    found = true;
                    i += close + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    let rest: Vec<(char, usize)> = chars.iter().zip(keep).filter(|(_, k)| *k).map(|(c, _)| *c).collect();
    (trim(&rest), found)
}

/// For each position, the first closing bracket at or after it (one pass from the right, so that
/// a line of many opening brackets is not searched again from each).
fn next_closing_brackets(text: &[char]) -> Vec<Option<usize>> {
    let mut next = vec![None; text.len()];
    let mut close = None;
    for k in (0..text.len()).rev() {
        if matches!(text[k], '）' | ')') {
            close = Some(k);
        }
        next[k] = close;
    }
    next
}

/// The most characters the words of a jump line ("下转第4版") have.
const JUMP_LINE_MAX: usize = 10;

fn is_jump_line(inner: &str) -> bool {
    (inner.starts_with("下转") || inner.starts_with("上接") || inner.starts_with("转第") || inner.starts_with("接第"))
        && inner.ends_with('版')
        && inner.chars().count() <= JUMP_LINE_MAX
}

/// "2025年3月5日 星期三" (optionally with 农历 and more) standing alone on a line.
pub fn parse_date_line(text: &str) -> Option<(i32, u32, u32)> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !t.contains("星期") || t.chars().count() > 40 {
        return None;
    }
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once('日')?;
    if !rest.starts_with("星期") {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    ((1900..2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// The publication line of a page taken from the web: a short line with a date written
/// 2024-05-06, 2024/5/6 or 2024年5月6日 and either the words of a publication line (发布时间,
/// 来源, 日期…) or nothing but the date and a time. Gives the date, and whether the line holds
/// nothing else.
/// Labels of a page's publication date ("发布时间：05月31日"): a date after one is not an event's.
pub const PUBLICATION_LABELS: [&str; 6] = ["发布时间", "发布日期", "发表时间", "发稿时间", "更新时间", "发布于"];

pub fn parse_web_date_line(text: &str) -> Option<((i32, u32, u32), bool)> {
    const MARKERS: [&str; 8] = ["发布时间", "发布日期", "发表时间", "来源：", "来源:", "日期：", "时间：", "时间:"];
    let t: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    if t.len() > 80 {
        return None;
    }
    let (at, len, date) = (0..t.len()).find_map(|k| numeric_date_at(&t, k).map(|(len, d)| (k, len, d)))?;
    let rest: String = t[..at].iter().chain(&t[at + len..]).collect();
    let only = rest.chars().all(|c| c.is_ascii_digit() || c == ':');
    (only || MARKERS.iter().any(|m| rest.contains(m))).then_some((date, only))
}

/// "2024-05-06", "2024/5/6", "2024年5月6日" at `k`: its length and the date.
fn numeric_date_at(t: &[char], k: usize) -> Option<(usize, (i32, u32, u32))> {
    let digits = |from: usize, max: usize| {
        let n = t[from.min(t.len())..].iter().take(max).take_while(|c| c.is_ascii_digit()).count();
        (n > 0).then(|| (t[from..from + n].iter().collect::<String>().parse::<u32>().unwrap_or(0), from + n))
    };
    if k > 0 && t[k - 1].is_ascii_digit() {
        return None;
    }
    let (y, e) = digits(k, 4).filter(|(_, e)| e - k == 4)?;
    let sep = *t.get(e)?;
    let (second, third) = match sep {
        '-' => ('-', None),
        '/' => ('/', None),
        '年' => ('月', Some('日')),
        _ => return None,
    };
    let (m, e) = digits(e + 1, 2)?;
    if t.get(e) != Some(&second) {
        return None;
    }
    let (d, mut e) = digits(e + 1, 2)?;
    if let Some(close) = third {
        if t.get(e) != Some(&close) {
            return None;
        }
        e += 1;
    }
    let valid = (1900..2200).contains(&(y as i32)) && (1..=12).contains(&m) && (1..=31).contains(&d);
    valid.then_some((e - k, (y as i32, m, d)))
}

/// Does the line end a sentence? A closing bracket does only when it closes a byline, not a
/// declaration such as "（以下简称某某）" that the sentence goes on after.
fn is_terminated(line: &Line) -> bool {
    match line.last() {
        Some('）' | ')') => {
            let text = line.text();
            let inner = text.rsplit(['（', '(']).next().unwrap_or("");
            !(inner.contains("简称") || inner.contains("下称"))
        }
        Some(c) => is_terminal(c),
        None => false,
    }
}

fn is_caption(line: &Line) -> bool {
    let t = line.text();
    (t.ends_with(" 摄") || t.ends_with("摄）") || t.ends_with("　摄")) && t.chars().count() < 120
}

fn starts_new_paragraph(line: &Line) -> bool {
    line.heading
        || ["本报讯", "本刊讯", "新华社", "——", "本报记者", "本刊记者"].iter().any(|p| line.starts_with(p))
        || is_byline_only(&line.text())
}

/// Does line `b` continue the sentence that line `a` left open?
fn continues(lines: &[Line], a: usize, b: usize) -> bool {
    let (la, lb) = (&lines[a], &lines[b]);
    if la.heading || lb.heading || is_terminated(la) || starts_new_paragraph(lb) || is_caption(la) {
        return false;
    }
    if lb.gap == 0 {
        return true;
    }
    // Across blank lines: join when `a` runs to the full column width (the sentence was cut by the
    // layout, not ended) or when the page is set in long lines.
    if la.len() >= 40 && lb.len() >= 10 {
        return true;
    }
    let width = column_width(lines, a, b);
    width >= 8 && la.len() + 3 >= width && la.len() <= width + 2
}

/// The typical (median) line length among `a`'s block (lines up to `a` without a blank line) and
/// `b`'s block, leaving `a` itself out: the column width the page was set in.
fn column_width(lines: &[Line], a: usize, b: usize) -> usize {
    let mut lengths = Vec::new();
    let mut k = a;
    while k > 0 && lines[k].gap == 0 && !lines[k - 1].furniture_after {
        k -= 1;
        lengths.push(lines[k].len());
    }
    let mut k = b;
    loop {
        lengths.push(lines[k].len());
        k += 1;
        if k >= lines.len() || lines[k].gap > 0 {
            break;
        }
    }
    lengths.sort_unstable();
    lengths[lengths.len() / 2]
}

/// Drops OCR spaces inside Chinese text, keeping a single space where it separates two words of two
/// characters or more ("王文安 冯静宁" stays two names, "严 格 落 实" becomes "严格落实").
fn collapse_spaces(para: &[(char, usize)]) -> Vec<(char, usize)> {
    let mut out: Vec<(char, usize)> = Vec::with_capacity(para.len());
    let mut i = 0;
    while i < para.len() {
        if !para[i].0.is_whitespace() {
            out.push(para[i]);
            i += 1;
            continue;
        }
        let run_start = i;
        while i < para.len() && para[i].0.is_whitespace() {
            i += 1;
        }
        let (Some(&(l, _)), Some(&(r, _))) = (out.last(), para.get(i)) else { continue };
        if keep_space(para, run_start, i, l, r) {
            out.push((' ', para[run_start].1));
        }
    }
    out
}

fn keep_space(para: &[(char, usize)], run_start: usize, run_end: usize, l: char, r: char) -> bool {
    let cjkish = |c: char| is_cjk(c) || is_cjk_punct(c) || c.is_ascii_digit();
    if !cjkish(l) || !cjkish(r) {
        // Latin words, or a space next to ASCII punctuation: keep one space unless next to CJK punctuation.
        return !(is_cjk_punct(l) || is_cjk_punct(r));
    }
    if l.is_ascii_digit() && r.is_ascii_digit() {
        return true;
    }
    if !(is_cjk(l) && is_cjk(r)) {
        return false;
    }
    let left_word = para[..run_start].iter().rev().take_while(|c| is_cjk(c.0)).count();
    let right_word = para[run_end..].iter().take_while(|c| is_cjk(c.0)).count();
    left_word >= 2 && right_word >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        normalize(s).text
    }

    #[test]
    fn a_web_page_publication_line_gives_the_year() {
        let page = "江城举行项目推介会\n来源：江城日报 发布时间：2023-11-24 09:30\n11月22日，江城项目推介会举行。\n";
        let c = normalize(page);
        assert_eq!(c.date_line, Some((2023, 11, 24)));
        assert!(c.text.contains("发布时间"), "the line stays: {}", c.text);
        let bare = normalize("江城举行项目推介会\n2023/11/24 09:30\n11月22日，江城项目推介会举行。\n");
        assert_eq!(bare.date_line, Some((2023, 11, 24)));
        assert!(!bare.text.contains("2023"), "a line of only the date goes: {}", bare.text);
        // A date inside a sentence is no publication line.
        assert_eq!(normalize("2023年11月22日，江城项目推介会在江城举行。\n").date_line, None);
        assert_eq!(parse_web_date_line("投资12,000万元"), None);
    }

    #[test]
    fn ascii_marks_next_to_chinese_are_chinese_punctuation() {
        let t = "5月6日,县长周明远在县城调研;他说:要抓项目!投资1,200万元,规模A,B两级。\n";
        assert_eq!(clean(t), "5月6日，县长周明远在县城调研；他说：要抓项目！投资1,200万元，规模A,B两级。");
    }

    #[test]
    fn joins_lines_broken_mid_sentence() {
        let t = "本报讯 （记者周一鸣）近日，某某新材料有限公\n司在县城开工建设一条生产\n线。\n";
        assert_eq!(clean(t), "本报讯（记者周一鸣）近日，某某新材料有限公司在县城开工建设一条生产线。");
    }

    #[test]
    fn drops_spaces_inside_words_but_keeps_name_separators() {
        assert_eq!(clean("严 格 落 实 安 全 责 任"), "严格落实安全责任");
        assert_eq!(clean("（记者周一鸣 吴小燕）"), "（记者周一鸣 吴小燕）");
        assert_eq!(clean("总投资 1.3 亿元，于 2020年 12月 建成。"), "总投资1.3亿元，于2020年12月建成。");
    }

    #[test]
    fn folds_full_width_digits() {
        assert_eq!(clean("投资３０亿元。"), "投资30亿元。");
    }

    #[test]
    fn keeps_offsets_into_the_original() {
        let input = "市委副\n书记 李 明出席。";
        let c = normalize(input);
        assert_eq!(c.text, "市委副书记李明出席。");
        let pos = c.text.chars().position(|ch| ch == '李').unwrap();
        let (s, e) = c.original_span(pos, pos + 2);
        let orig: Vec<char> = input.chars().collect();
        assert_eq!(orig[s..e].iter().collect::<String>(), "李 明");
    }

    #[test]
    fn headline_after_article_stays_separate() {
        let input = "这是一篇文章的最后一句话，写得比较长一\n些，一直写到这一行的结尾处为止。\n\n某县召开项目推进会\n\n6月3日，另一篇文章开始了，也写得比较长。\n";
        let c = normalize(input);
        let kinds: Vec<_> = c.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, vec![ParagraphKind::Body, ParagraphKind::Headline, ParagraphKind::Body]);
    }

    #[test]
    fn joins_across_blank_line_at_column_width() {
        let input = "一二三四五六七八九十一二三四\n五六七八九十一二三四五六七八\n\n九十。\n";
        assert_eq!(clean(input), "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。");
    }

    #[test]
    fn removes_jump_lines_and_reads_date_line() {
        let c = normalize("2025年3月5日 星期三\n正文第一段到此结束了。 （下转第4版）\n下一篇文章的标题\n");
        assert_eq!(c.date_line, Some((2025, 3, 5)));
        assert!(!c.text.contains("下转"));
        assert!(c.paragraphs[0].break_after);
    }

    #[test]
    fn caption_inside_a_sentence_is_set_aside() {
        let input = "这一段文字很长很长，讲的是项目建设情况，一直写到这里还没有结束，后面还有“投\n\n现场照片说明文字。 张小红 摄\n\n产一批”项目的情况，然后句子才结束。\n";
        let c = normalize(input);
        assert!(c.text.starts_with("这一段文字很长很长，讲的是项目建设情况，一直写到这里还没有结束，后面还有“投产一批”"), "{}", c.text);
        assert_eq!(c.paragraphs[1].kind, ParagraphKind::Caption);
    }
}
