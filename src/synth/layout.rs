//! A page as OCR hands it over: masthead and date line, articles set in a narrow column (lines
//! broken mid-sentence at 20–40 characters), headlines standing apart, bylines, photo captions,
//! jump lines to and from other pages, and the noise `text::normalize` is written to undo: spaces
//! inside words, full-width digits, blank lines inside a paragraph.

use super::article::Article;
use super::calendar::Date;
use super::rng::Rng;
use super::templates::Slots;
use super::world::World;
use crate::text::chars::is_cjk;

/// Where a page stands in its day's issue.
#[derive(Debug, Clone)]
pub struct PageSpec {
    /// Page number within the issue (第N版).
    pub number: usize,
    pub date: Date,
    pub section: String,
    /// The page opens with the end of an article from the page before ("（上接第N版）").
    pub continued_from: bool,
    /// The last article breaks off and goes on on the next page ("（下转第N版）").
    pub continues: bool,
}

const NARROWEST_COLUMN: usize = 18;
const WIDEST_COLUMN: usize = 38;
/// Chances of each kind of noise.
const FULL_WIDTH_NUMBER: f64 = 0.08;
const SPACED_NUMBER: f64 = 0.08;
const SPACE_AFTER_COMMA: f64 = 0.02;
const BLANK_IN_PARAGRAPH: f64 = 0.06;
const CAPTION: f64 = 0.25;

pub fn compose(world: &World, spec: &PageSpec, articles: &[Article], rng: &mut Rng) -> String {
    let width = rng.between(NARROWEST_COLUMN, WIDEST_COLUMN);
    let mut page = PageBuilder { lines: Vec::new(), width, headlines_after: rng.chance(0.5), rng };
    page.header(world, spec);
    if spec.continued_from {
        page.continuation(world, spec.number);
    }
    for (i, article) in articles.iter().enumerate() {
        let jump_to = (spec.continues && i + 1 == articles.len()).then_some(spec.number + 1);
        page.article(world, article, jump_to);
    }
    page.finish()
}

struct PageBuilder<'r> {
    lines: Vec<String>,
    width: usize,
    /// Headlines after their article (as on some of the sample pages) or before it.
    headlines_after: bool,
    rng: &'r mut Rng,
}

impl PageBuilder<'_> {
    fn header(&mut self, world: &World, spec: &PageSpec) {
        let masthead = format!("{} {} 第{}版", world.masthead, spec.section, spec.number);
        let date = spec.date.date_line();
        if self.rng.chance(0.5) {
            self.lines.extend([masthead, date]);
        } else {
            self.lines.extend([date, masthead]);
        }
    }

    fn continuation(&mut self, world: &World, number: usize) {
        self.blank();
        self.lines.push(format!("（上接第{}版）", number - 1));
        let text = world.templates.pick("continuation", &world.place_slots(), self.rng);
        self.paragraph(&text, self.width);
    }

    fn article(&mut self, world: &World, a: &Article, jump_to: Option<usize>) {
        let width = (self.width + self.rng.below(5)).saturating_sub(2).max(NARROWEST_COLUMN - 2);
        if !self.headlines_after {
            self.headline(world, a);
        }
        self.blank();
        let (paragraphs, closing) = self.byline(world, &a.paragraphs);
        let Some((last, body)) = paragraphs.split_last() else { return };
        for p in body {
            let noisy = noise(p, self.rng);
            self.paragraph(&noisy, width);
        }
        let noisy = noise(last, self.rng);
        match jump_to {
            Some(next_page) => self.broken_off(&noisy, width, next_page),
            None => self.last_paragraph(world, a, &noisy, width, closing.as_deref()),
        }
        if self.headlines_after {
            self.headline(world, a);
        }
    }

    /// The article's last paragraph, its closing byline and perhaps a photo caption: after the
    /// article, or dropped between two lines of the paragraph.
    fn last_paragraph(&mut self, world: &World, a: &Article, text: &str, width: usize, closing: Option<&str>) {
        match self.caption(world, a) {
            Some(c) if self.rng.chance(0.4) => {
                self.paragraph_around(text, width, &c);
                self.closing(closing);
            }
            Some(c) => {
                self.paragraph(text, width);
                self.closing(closing);
                self.blank();
                self.lines.push(c);
            }
            None => {
                self.paragraph(text, width);
                self.closing(closing);
            }
        }
    }

    /// The headline on its own line, sometimes with a slogan set in spaced characters.
    fn headline(&mut self, world: &World, a: &Article) {
        self.blank();
        if self.rng.chance(0.15) {
            let slogan = world.templates.pick("slogan", &Slots::new(), self.rng);
            self.lines.push(spaced(&slogan));
            self.blank();
        }
        self.lines.push(a.headline.clone());
        self.blank();
    }

    /// Puts the byline before the paragraphs: on a line of its own, or opening the first
    /// paragraph, or as a bare 本报讯 with the reporter's name closing the article. Returns the
    /// paragraphs (the first possibly prefixed) and that closing line.
    fn byline(&mut self, world: &World, paragraphs: &[String]) -> (Vec<String>, Option<String>) {
        let mut out = paragraphs.to_vec();
        let first = self.rng.pick(&world.reporters).cloned().unwrap_or_default();
        let second = self.rng.pick(&world.reporters).cloned().filter(|r| *r != first && self.rng.chance(0.4));
        let credit = match &second {
            Some(s) if self.rng.chance(0.5) => format!("记者{first} 通讯员 {s}"),
            Some(s) => format!("记者{first} {s}"),
            None => format!("记者{first}"),
        };
        match self.rng.below(3) {
            0 => {
                let lead = if self.rng.chance(0.5) { " " } else { "" };
                self.lines.push(format!("{lead}本报讯 （{credit}）"));
                (out, None)
            }
            1 => {
                if let Some(p) = out.first_mut() {
                    p.insert_str(0, &format!("本报讯（{credit}）"));
                }
                (out, None)
            }
            _ => {
                self.lines.push(" 本报讯 ".to_string());
                (out, Some(format!("（{first}）")))
            }
        }
    }

    fn closing(&mut self, closing: Option<&str>) {
        if let Some(c) = closing {
            self.lines.push(c.to_string());
        }
    }

    fn caption(&mut self, world: &World, a: &Article) -> Option<String> {
        let text = a.caption.as_ref().filter(|_| self.rng.chance(CAPTION))?;
        let photographer = self.rng.pick(&world.reporters).cloned().unwrap_or_default();
        Some(format!("{text} 本报记者 {photographer} 摄"))
    }

    /// A paragraph set in lines of about `width`, now and then with a blank line after a full
    /// line (the layout's, not the text's, break).
    fn paragraph(&mut self, text: &str, width: usize) {
        let lines = column_lines(text, width, self.rng);
        let blank_after = (lines.len() >= 3 && self.rng.chance(BLANK_IN_PARAGRAPH)).then(|| self.rng.below(lines.len() - 1));
        for (i, line) in lines.into_iter().enumerate() {
            let breakable = is_open_line(&line, width);
            self.lines.push(line);
            if blank_after == Some(i) && breakable {
                self.lines.push(String::new());
            }
        }
    }

    /// The last paragraph with a photo caption dropped between two of its lines.
    fn paragraph_around(&mut self, text: &str, width: usize, caption: &str) {
        let lines = column_lines(text, width, self.rng);
        let at = (1..lines.len()).find(|&i| is_open_line(&lines[i - 1], width));
        for (i, line) in lines.into_iter().enumerate() {
            if Some(i) == at {
                self.lines.extend([String::new(), caption.to_string(), String::new()]);
            }
            self.lines.push(line);
        }
        if at.is_none() {
            self.lines.extend([String::new(), caption.to_string()]);
        }
    }

    /// The first part of a paragraph, cut off mid-sentence by "（下转第N版）".
    fn broken_off(&mut self, text: &str, width: usize, next_page: usize) {
        let mut lines = column_lines(text, width, self.rng);
        let keep = (lines.len() / 2).max(1);
        lines.truncate(keep);
        if let Some(last) = lines.last_mut() {
            last.push_str(&format!("（下转第{next_page}版）"));
        }
        self.lines.extend(lines);
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.is_empty()) {
            self.lines.push(String::new());
        }
    }

    fn finish(mut self) -> String {
        while self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// Does this full-width line end inside a word, so that a blank line after it still joins?
fn is_open_line(line: &str, width: usize) -> bool {
    let n = line.chars().count();
    n + 1 >= width && n <= width + 1 && line.chars().last().is_some_and(is_cjk)
}

/// "严 格 落 实": a headline set with a space between characters.
fn spaced(text: &str) -> String {
    text.chars().map(String::from).collect::<Vec<_>>().join(" ")
}

/// Cuts a paragraph into lines of `width` ± 1 characters. Punctuation never opens a line (it
/// stays at the end of the one before), and a line does not end on a closing quote or bracket
/// when the sentence goes on, as the column of a typeset page would have it.
pub fn column_lines(text: &str, width: usize, rng: &mut Rng) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let width = width.max(4);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut end = (start + rng.between(width - 1, width + 1)).min(chars.len());
        while end < chars.len() && (opens_no_line(chars[end]) || closes_a_sentence_part(chars[end - 1])) {
            end += 1;
        }
        lines.push(chars[start..end].iter().collect::<String>().trim_end().to_string());
        start = end;
    }
    lines.retain(|l| !l.trim().is_empty());
    lines
}

fn opens_no_line(c: char) -> bool {
    matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！' | '”' | '’' | '）' | ')' | ' ')
}

/// A line ending on one of these would end the paragraph for the OCR clean-up.
fn closes_a_sentence_part(c: char) -> bool {
    matches!(c, '”' | '’' | '）' | ')')
}

/// OCR noise in a paragraph: some numbers in full-width digits or with spaces around them, and
/// now and then a space after the first character of a clause.
pub fn noise(text: &str, rng: &mut Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let end = i + chars[i..].iter().take_while(|c| c.is_ascii_digit() || **c == '.').count();
            out.push_str(&noisy_number(&chars, i, end, rng));
            i = end;
            continue;
        }
        out.push(c);
        let clause_opens = c == '，' && chars.get(i + 1).is_some_and(|&c| is_cjk(c)) && chars.get(i + 2).is_some_and(|&c| is_cjk(c));
        if clause_opens && rng.chance(SPACE_AFTER_COMMA) {
            out.push(chars[i + 1]);
            out.push(' ');
            i += 1;
        }
        i += 1;
    }
    out
}

/// The number `chars[start..end]`, perhaps in full-width digits, perhaps with a space on each side
/// that touches a Chinese character (both undone by the clean-up).
fn noisy_number(chars: &[char], start: usize, end: usize, rng: &mut Rng) -> String {
    let mut number: String = chars[start..end].iter().collect();
    if rng.chance(FULL_WIDTH_NUMBER) {
        number = number.chars().map(full_width).collect();
    }
    if rng.chance(SPACED_NUMBER) {
        if start > 0 && is_cjk(chars[start - 1]) {
            number.insert(0, ' ');
        }
        if chars.get(end).is_some_and(|&c| is_cjk(c)) {
            number.push(' ');
        }
    }
    number
}

fn full_width(c: char) -> char {
    match c {
        '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
        '.' => '．',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    #[test]
    fn lines_keep_the_text_and_the_clean_up_joins_them_back() {
        let text = "会议强调，要把“项目为王”的导向树得更牢，把服务企业当作分内之事（不是额外负担），让签约项目早落地、早见效。";
        let lines = column_lines(text, 12, &mut Rng::new(5));
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| !l.starts_with(opens_no_line)));
        assert!(lines.iter().take(lines.len() - 1).all(|l| !l.ends_with(closes_a_sentence_part)), "{lines:?}");
        assert_eq!(normalize(&lines.join("\n")).text, text);
    }

    #[test]
    fn noise_is_undone_by_the_clean_up() {
        let text = "5月8日，全市签约项目14个，总投资96.4亿元，其中工业项目占比较高，各县区积极参与。";
        let mut rng = Rng::new(11);
        let mut changed = 0;
        for _ in 0..200 {
            let noisy = noise(text, &mut rng);
            changed += usize::from(noisy != text);
            assert_eq!(normalize(&noisy).text, text, "{noisy}");
        }
        assert!(changed > 10, "noise should show up now and then ({changed})");
        assert_eq!(normalize(&spaced("严格落实")).text, "严格落实");
    }
}
