//! Persons: names after a title chain ("市委副书记、市长刘星"), after a collective label
//! ("市领导丁某、刘某参加"), in bylines and captions ("（记者王某 冯某）", "张某 摄"), before a
//! speech verb when jieba tags them as names, and every later bare use of a name already found.

use super::organization::OrgMention;
use super::place::PlaceMention;
use super::spans::{find_all_of, DisjointSpans, SpanIndex, Spanned};
use super::tokens::{Tokens, COMMON_WORD_TAGS, FUNCTION_TAGS};
use crate::lexicon::{collect, Lexicon};
use crate::text::chars::{ends_with_at, is_cjk};
use std::collections::{BTreeSet, HashMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TitleMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The organisation written at the start of the title, if one was recognised there.
    pub org: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub titles: Vec<TitleMention>,
}

/// Characters that never stand in a given name here (they belong to titles, places and function words).
const NOT_IN_GIVEN_NAME: &str = "的了在是与及等于市省县区局委厅处部们这那个年月日到赴出参率主表指说向对为将把被从并";

/// Forms of address written after a surname ("张总", "李姨", "王工").
const ADDRESS_TERMS: &str = "总老哥姐叔姨婶伯爷某工";

/// Polite forms written after a surname ("苗先生", "林女士"): how someone is called, not a name.
const HONORIFICS: [&str; 7] = ["先生", "女士", "小姐", "太太", "夫人", "师傅", "老师"];

/// Verbs after which a jieba-tagged name is taken as a person even without a title.
const SPEECH_VERBS: [&str; 20] = [
    "表示", "说", "指出", "介绍", "认为", "强调", "称", "透露", "告诉", "坦言", "说道", "同志", "先生", "女士", "回忆", "解释", "建议",
    "提出", "坦承", "笑称",
];

/// Written after a photographer's name ("某某摄").
const PHOTO_CREDIT: char = '摄';

/// Titles of a byline or a page's credits, after which the name may follow a space or a mark
/// ("记者 杨洋", "编辑：某某", "记者丨某某").
const BYLINE_TITLES: [&str; 12] =
    ["记者", "通讯员", "摄影", "首席记者", "特约记者", "见习记者", "实习生", "编辑", "责任编辑", "作者", "主编", "摄影记者"];

/// Marks written between a credit and its name ("编辑：某某", "记者丨某某", "记者｜某某").
const CREDIT_MARKS: [char; 6] = ['：', ':', '丨', '｜', '|', '/'];

/// Credits that give no post, before a name: the writer and the photographer ("文/某某", "图/某某").
const UNTITLED_CREDITS: [&str; 4] = ["文/", "图/", "文／", "图／"];

impl Spanned for PersonMention {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

pub struct Context<'a> {
    pub lex: &'a Lexicon,
    pub chars: &'a [char],
    pub tokens: &'a Tokens,
    pub orgs: &'a [OrgMention],
    pub places: &'a [PlaceMention],
    /// Where the organisations and places stand.
    orgs_at: SpanIndex,
    places_at: SpanIndex,
}

impl<'a> Context<'a> {
    pub fn new(lex: &'a Lexicon, chars: &'a [char], tokens: &'a Tokens, orgs: &'a [OrgMention], places: &'a [PlaceMention]) -> Self {
        Context { lex, chars, tokens, orgs, places, orgs_at: SpanIndex::of(orgs), places_at: SpanIndex::of(places) }
    }
}

/// The names the statistical model read, by where they start.
struct ModelNames {
    names: Vec<PersonMention>,
    at: SpanIndex,
}

impl ModelNames {
    /// The end of the first name the model read at `at`.
    fn end_of_name_at(&self, at: usize) -> Option<usize> {
        self.at.first_starting_at(at).map(|i| self.names[i].end)
    }
}

/// The candidates found so far, with their names indexed for "a name known from elsewhere on the
/// page wins" (read_name_by_rules): the text at a position is looked up, not compared with every
/// name found.
#[derive(Default)]
struct Found {
    mentions: Vec<PersonMention>,
    /// Each name written as its span reads → its first mention; and the lengths of those names.
    first: HashMap<String, usize>,
    lengths: BTreeSet<usize>,
}

impl Found {
    fn push(&mut self, m: PersonMention) {
        if m.name.chars().count() == m.end - m.start {
            self.first.entry(m.name.clone()).or_insert(self.mentions.len());
            self.lengths.insert(m.end - m.start);
        }
        self.mentions.push(m);
    }

    /// Where the name found first among those written at `at` ends.
    fn known_name_at(&self, chars: &[char], at: usize) -> Option<usize> {
        self.lengths
            .iter()
            .filter(|&&n| at + n <= chars.len())
            .filter_map(|&n| self.first.get(&collect(&chars[at..at + n])).map(|&i| (i, n)))
            .min()
            .map(|(_, n)| at + n)
    }
}

pub fn find_persons(cx: &Context) -> Vec<PersonMention> {
    let names = from_name_model(cx);
    let model = ModelNames { at: SpanIndex::of(&names), names };
    let mut found = Found::default();
    after_titles(cx, &model, &mut found);
    after_leader_words(cx, &model, &mut found);
    let mut found = found.mentions;
    bylines(cx, &mut found);
    before_speech_verbs(cx, &mut found);
    found.extend(model.names);
    found = resolve_overlaps(found);
    repeated_mentions(cx.chars, &mut found);
    found.sort_by_key(|m| m.start);
    found
}

/// Spans of position titles as a reader names the post: the title word ("副局长" of "公安部某局副局长",
/// whose organisation is a mention of its own) with a rank written before it ("见习律师"), for every
/// title written next to a person and every title word elsewhere ("记者近日…", "业内专家"). Words
/// inside a work's title (《…》) name the work, not a post.
pub fn position_spans(lex: &Lexicon, chars: &[char], tokens: &Tokens, persons: &[PersonMention]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for t in persons.iter().flat_map(|p| &p.titles) {
        if let Some(n) = lex.titles.longest_ending_at(chars, t.end).filter(|&n| t.end - n >= t.start) {
            out.push((t.end - n, t.end));
        }
    }
    for (s, e, _) in &tokens.words {
        let word = collect(&chars[*s..*e]);
        if lex.titles.contains(&word) && !lex.bound_titles.contains(&word) {
            out.push((*s, *e));
        }
    }
    // A surname with a title is how someone is addressed ("王主任", "傅主编"): the title is a post.
    for i in 1..chars.len() {
        let Some(n) = lex.titles.longest_starting_at(chars, i).filter(|&n| n >= 2) else { continue };
        let by_surname = lex.surnames.contains(&chars[i - 1].to_string())
            && (i < 2 || !crate::text::chars::is_cjk(chars[i - 2]) || tokens.starts[i - 1]);
        if by_surname && tokens.ends[i + n] {
            out.push((i, i + n));
        }
    }
    let in_work = crate::text::chars::inside_work_titles(chars);
    let mut out: Vec<(usize, usize)> = out
        .into_iter()
        .filter(|&(s, e)| !in_work[s..e].iter().any(|&x| x))
        .map(|(s, e)| (s - lex.title_prefixes.longest_ending_at(chars, s).unwrap_or(0), e))
        .collect();
    out.sort_unstable();
    out.dedup();
    // Of nested spans ("律师" inside "见习律师"), the longest stands.
    outermost(out)
}

/// The spans that no other span holds, of spans sorted and without repeats.
fn outermost(sorted: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // The furthest end among spans that start before the current start.
    let mut reach_before: Option<usize> = None;
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i].0;
        let group_end = i + sorted[i..].iter().take_while(|s| s.0 == start).count();
        // Within spans of one start, only the longest (the last) may stand.
        let (_, end) = sorted[group_end - 1];
        if reach_before.is_none_or(|r| r < end) {
            out.push((start, end));
        }
        reach_before = Some(reach_before.map_or(end, |r| r.max(end)));
        i = group_end;
    }
    out
}

/// Does a name start at `at`? Returns its end. The rules of [`read_name_by_rules`] decide; where
/// they see no name (jieba cut it into everyday words: "张/新生"), a name the model read there counts.
fn read_name(cx: &Context, at: usize, known: &Found, model: &ModelNames) -> Option<usize> {
    let end = read_name_by_rules(cx, at, known).or_else(|| model.end_of_name_at(at))?;
    Some(across_joiners(cx, (at, end)).1)
}

/// A name at `at` by the lexicon and jieba's words. A two-character name ends early when the third
/// character is one that follows names (刘星赴…); a name known from elsewhere on the page wins.
fn read_name_by_rules(cx: &Context, at: usize, known: &Found) -> Option<usize> {
    let chars = cx.chars;
    let sl = cx.lex.is_surname_start(chars, at)?;
    if let Some(end) = known.known_name_at(chars, at) {
        return Some(end);
    }
    let given_ok = |i: usize| i < chars.len() && is_cjk(chars[i]) && !NOT_IN_GIVEN_NAME.contains(chars[i]);
    if !given_ok(at + sl) {
        return None;
    }
    // "负责人苗先生": a surname with a polite form names nobody in particular.
    let rest = collect(&chars[at + sl..chars.len().min(at + sl + 2)]);
    if HONORIFICS.contains(&rest.as_str()) {
        return None;
    }
    if cx.lex.titles.longest_starting_at(chars, at + sl).is_some_and(|n| n >= 2) {
        return None;
    }
    let third = at + sl + 1;
    // A follower counts unless the given name is a word of its own that holds it ("周/富强").
    let given_is_word = cx.tokens.word_at(at + sl).is_some_and(|(s, e, _)| *s == at + sl && *e == third + 1)
        // or jieba reads the three characters as one name with a word after it ("孙立同/nr 主持",
        // but not the credit "某某摄" at the end of a caption).
        || (cx.tokens.word_at(at).is_some_and(|(s, e, tag)| *s == at && *e == third + 1 && tag == "nr")
            && cx.tokens.word_at(third + 1).is_some_and(|(s, e, _)| *s == third + 1 && e - s >= 2)
            && !is_adverb(cx, third));
    let follower_ends_name = chars.get(third).is_some_and(|c| {
        cx.lex.name_followers.contains(c) && !given_is_word && (!matches!(c, '和' | '与' | '及') || given_name_conjunction(cx, third))
    });
    let long_ok = given_ok(third) && !follower_ends_name && cx.lex.titles.longest_starting_at(chars, third).is_none_or(|n| n < 2);
    // Prefer the length at which jieba also sees a word boundary ("刘明/强调" gives 刘明).
    let ends = &cx.tokens.ends;
    let end = match (long_ok && ends[third + 1], ends[third]) {
        (true, _) => third + 1,
        (false, true) => third,
        (false, false) if long_ok => third + 1,
        _ => third,
    };
    // A name must not cut through a word ("安全/教育", "班子/成员").
    let followed = chars.get(end).is_some_and(|c| cx.lex.name_followers.contains(c));
    if !ends[end] && !followed && cx.tokens.word_at(end - 1).is_some_and(|(_, e, _)| *e > end) {
        return None;
    }
    // A place written here ("栾川县…") is not a name; a place inside a name ("王文安") is jieba's error.
    if cx.places_at.starting_at(at).any(|p| cx.places_at.span(p).1 >= end) {
        return None;
    }
    // An everyday word exactly where the name would be ("安全", "都很忙"…).
    if let Some((s, e, tag)) = cx.tokens.word_at(at) {
        if *s == at && *e == end && COMMON_WORD_TAGS.contains(&tag.as_str()) {
            return None;
        }
    }
    // "包/v 项目/n": jieba reads the surname as another word and the given name as an everyday word.
    let surname_elsewhere = cx
        .tokens
        .word_at(at)
        .is_some_and(|(s, e, tag)| *s == at && e - s == sl && ["v", "p", "d", "c", "r", "u", "m", "q"].contains(&tag.as_str()));
    if surname_elsewhere && holds_common_word(cx, at + sl, end) {
        return None;
    }
    // A single-character function word where the given name starts ("都很忙", "关于").
    if let Some((s, e, tag)) = cx.tokens.word_at(at + sl) {
        if *s == at + sl && *e == at + sl + 1 && ["d", "p", "c", "u", "r", "y", "zg", "uj"].contains(&tag.as_str()) {
            return None;
        }
    }
    if cx.orgs_at.any_covering(at) {
        return None;
    }
    Some(end)
}

/// 和, 与, 及 after two characters of a name join it to something only when another name, title,
/// place or organisation follows ("刘明和李华", "刘明和市长"); else they end the name ("邵景和作…").
fn given_name_conjunction(cx: &Context, at: usize) -> bool {
    let next = at + 1;
    next >= cx.chars.len()
        || !is_cjk(cx.chars[next])
        || cx.lex.is_surname_start(cx.chars, next).is_some()
        || cx.lex.titles.longest_starting_at(cx.chars, next).is_some()
        || cx.places_at.first_starting_at(next).is_some()
        || cx.orgs_at.first_starting_at(next).is_some()
        || matches!(cx.chars[next], '市' | '省' | '县' | '区')
}

fn after_titles(cx: &Context, model: &ModelNames, found: &mut Found) {
    let chars = cx.chars;
    for head_end in 1..chars.len() {
        let Some(head_len) = cx.lex.titles.longest_ending_at(chars, head_end) else { continue };
        let head: String = collect(&chars[head_end - head_len..head_end]);
        let credit = BYLINE_TITLES.contains(&head.as_str());
        let at = if credit { after_credit_mark(chars, head_end) } else { head_end };
        let credited = if credit && at > head_end { credited_name(cx, at) } else { None };
        let Some(end) = credited.or_else(|| name_after_title(cx, at, found, model)) else { continue };
        let titles = title_chain(cx, head_end - head_len, head_end);
        if titles.is_empty() {
            continue;
        }
        found.push(PersonMention { start: at, end, name: collect(&chars[at..end]), titles: titles.clone() });
        // "（记者王某 冯某）": the same title for a list of names.
        let mut next = end;
        while chars.get(next).is_some_and(|c| matches!(c, ' ' | '、')) {
            let at = next + 1 + chars[next + 1..].iter().take_while(|&&c| c == ' ').count();
            let Some(e2) = read_name(cx, at, found, model).or_else(|| slot_name(cx, at, true)) else { break };
            found.push(PersonMention { start: at, end: e2, name: collect(&chars[at..e2]), titles: titles.clone() });
            next = e2;
        }
    }
}

/// The name written right after a title. The lexicon's reading wins, unless the slot between the
/// title and what ends a name holds more of it ("副组长邢立发，": the rules stop before 发, a
/// character that often follows names); where the lexicon sees no name, jieba's or the slot's.
fn name_after_title(cx: &Context, at: usize, found: &Found, model: &ModelNames) -> Option<usize> {
    let slot = slot_name(cx, at, false);
    match read_name(cx, at, found, model).or_else(|| jieba_name_at(cx, at)) {
        Some(end) if slot.is_some_and(|s| s > end) && !ends_name(cx, at, end) => slot,
        Some(end) => Some(end),
        None => slot,
    }
}

/// Word tags of jieba's that end a name when a dictionary word carrying them follows it.
const ENDING_TAGS: [&str; 13] = ["v", "vn", "vd", "p", "d", "t", "c", "u", "uj", "ul", "f", "r", "y"];

/// Below this count in jieba's dictionary a word is too rare to end a name or to be one of its
/// own: "强卫/v" (3) is a name that happens to be listed, "强调/v" (6,318) a verb.
const RARE_WORD: usize = 50;

/// Does what stands at `at`, after a name that started at `name_start`, end the name: a break, a
/// title, an organisation or a place, a word that follows names, or a common verb or function word?
fn ends_name(cx: &Context, name_start: usize, at: usize) -> bool {
    let chars = cx.chars;
    if at >= chars.len() || !is_cjk(chars[at]) {
        return true;
    }
    if cx.lex.titles.longest_starting_at(chars, at).is_some_and(|n| n >= 2)
        || cx.orgs_at.first_starting_at(at).is_some()
        || cx.places_at.first_starting_at(at).is_some()
        || cx.lex.after_name_words.longest_starting_at(chars, at).is_some()
        || starts_role_verb(cx, at)
    {
        return true;
    }
    let Some((s, e, tag)) = cx.tokens.word_at(at).filter(|w| w.0 == at) else { return false };
    let word = collect(&chars[*s..*e]);
    let single_follower = e - s == 1 && cx.lex.name_followers.contains(&chars[at]) && at - name_start >= 2;
    single_follower || (ENDING_TAGS.contains(&tag.as_str()) && cx.lex.word_freq(&word) >= RARE_WORD)
}

/// A verb of taking part in an event starts at `at` ("主持", "出席"), even inside a longer word of
/// jieba's ("主持会议/n").
fn starts_role_verb(cx: &Context, at: usize) -> bool {
    cx.lex.roles.iter().any(|(verb, _)| ends_with_at(cx.chars, at + verb.chars().count(), verb))
}

/// A name read from its slot: the characters between `at` (a title just ended, or a 、 in a list
/// of names) and what ends a name ([`ends_name`]), when they can be one. jieba and the model miss
/// names with a rare surname ("郄/zg 英才"), names jieba reads as a rare word ("强卫/v"), and
/// names of four characters ("斯日古/nr 楞"); the slot holds them whole. In a list (`in_list`)
/// the item's neighbours already say it is a name, so a common word inside it ("张/栋梁") does
/// not refuse it.
fn slot_name(cx: &Context, at: usize, in_list: bool) -> Option<usize> {
    let chars = cx.chars;
    // A surname that jieba reads as a preposition or an adverb on its own ("于/p 某某") still
    // starts a name here; a longer word that ends names does not ("高度/d 重视").
    // Then the given name is one word of two characters that is no function word ("于/p 文统/n",
    // but not "都/d 很/zg 忙").
    let lone_surname = cx.tokens.word_at(at).is_some_and(|w| w.0 == at && w.1 == at + 1)
        && cx.lex.is_surname_start(chars, at) == Some(1)
        && cx.tokens.word_at(at + 1).is_some_and(|w| {
            w.0 == at + 1 && w.1 == at + 3 && !FUNCTION_TAGS.contains(&w.2.as_str()) && !ENDING_TAGS.contains(&w.2.as_str())
        });
    if ends_name(cx, at, at) && !lone_surname {
        return None;
    }
    // A name has two characters at least: what stands right after the surname does not end it
    // ("陈/nr 大为/d").
    let end = (at + 2..=chars.len().min(at + 5)).find(|&p| ends_name(cx, at, p))?;
    // A character that often follows names, inside the slot after two characters, ends the name
    // when more text follows it ("某某某来/湘阴县") or when it would be a fourth character ("某某某称，");
    // as a third character right before a break or a word that follows names it is the name's
    // last ("副组长邢立发，", "某大为等"), except the photo credit ("记者某某摄）").
    let goes_on = |p: usize| chars.get(p).is_some_and(|&c| is_cjk(c)) && cx.lex.after_name_words.longest_starting_at(chars, p).is_none();
    let end = (at + 2..end)
        .find(|&p| cx.lex.name_followers.contains(&chars[p]) && (chars[p] == PHOTO_CREDIT || p == at + 3 || goes_on(p + 1)))
        .unwrap_or(end);
    let n = end - at;
    let starts_with_name_word = cx.tokens.word_at(at).is_some_and(|w| w.0 == at && w.2.starts_with("nr"));
    // Four characters: one name jieba began to read ("斯日古/nr 楞", "白玛/nr 赤林/ns"), not two
    // names written together ("某某/nr 某某/nr").
    let second_name_at_half = cx.tokens.word_at(at + 2).is_some_and(|w| w.0 == at + 2 && w.2.starts_with("nr"))
        && cx.lex.is_surname_start(chars, at + 2).is_some();
    let length_ok = (2..=3).contains(&n) || (n == 4 && starts_with_name_word && !second_name_at_half);
    if !length_ok {
        return None;
    }
    let name = collect(&chars[at..end]);
    // A character jieba knows, alone, only as a rare morpheme, an unknown or a name ("郄", "隽",
    // "雒"): a surname our list lacks.
    let rare_first = cx.lex.jieba.tag(&chars[at].to_string(), false).first().is_some_and(|t| matches!(t.tag, "zg" | "x" | "g" | "nr"));
    let surname_like = cx.lex.is_surname_start(chars, at).is_some() || rare_first;
    let common_word =
        |w: &str| cx.lex.word_freq(w) >= RARE_WORD && !cx.lex.jieba.tag(w, false).first().is_some_and(|t| t.tag.starts_with("nr"));
    // Where jieba reads the surname alone as a name ("洪/nr 建文/nz"), the given name may be a word
    // other than a verb ("王/nr 强调/v" is no name).
    let surname_read_alone =
        cx.tokens.word_at(at).is_some_and(|w| w.0 == at && w.1 == at + 1 && matches!(w.2.as_str(), "nr" | "zg" | "x" | "g"));
    let common_inside = !in_list
        && cx.tokens.words_within(at, end).any(|(s, e, tag)| {
            let given_name_word = surname_read_alone && !tag.starts_with('v');
            e - s >= 2 && !tag.starts_with("nr") && !given_name_word && common_word(&collect(&chars[*s..*e]))
        });
    let covered = (at..end).any(|i| cx.orgs_at.any_covering(i) || cx.places_at.any_covering(i));
    let title_inside = (at + 1..end).any(|i| cx.lex.titles.longest_starting_at(chars, i).is_some_and(|k| k >= 2));
    (surname_like
        // A function character that starts a word of its own ("在/p") is no part of a name; inside a
        // word jieba reads ("斯日古/nr", "大为") it may be.
        && !(at + 1..end).any(|i| NOT_IN_GIVEN_NAME.contains(chars[i]) && cx.tokens.starts[i])
        && !common_word(&name)
        && !common_inside
        && !covered
        && !title_inside
        && looks_like_name_with(cx, &name, false))
    .then_some(end)
}

/// Where the name starts after a credit that ends at `at`: past the spaces and one mark between
/// them ("编辑： 某某", "记者 某某").
fn after_credit_mark(chars: &[char], at: usize) -> usize {
    let skip_spaces = |i: usize| i + chars[i..].iter().take_while(|&&c| c == ' ').count();
    let i = skip_spaces(at);
    match chars.get(i) {
        Some(c) if CREDIT_MARKS.contains(c) => skip_spaces(i + 1),
        _ => i,
    }
}

/// In the credits, the name set apart after a mark or a space ("编辑：某某 ", "作者：某某\n"):
/// the whole run of two or three characters up to the next break, whatever its characters.
fn credited_name(cx: &Context, at: usize) -> Option<usize> {
    let chars = cx.chars;
    let end = at + chars[at..].iter().take(4).take_while(|&&c| is_cjk(c) && !CREDIT_MARKS.contains(&c) && c != PHOTO_CREDIT).count();
    let set_apart = chars.get(end).is_none_or(|&c| c.is_whitespace() || matches!(c, '）' | ')' | PHOTO_CREDIT));
    let name = collect(&chars[at..end]);
    let other_thing = (at..end).any(|i| cx.orgs_at.any_covering(i) || cx.places_at.any_covering(i))
        || cx.lex.titles.longest_starting_at(chars, at).is_some();
    (set_apart && (2..=3).contains(&(end - at)) && !other_thing && looks_like_name_with(cx, &name, false)).then_some(end)
}

/// Is the character at `at`, read alone, an adverb ("已", "也")?
fn is_adverb(cx: &Context, at: usize) -> bool {
    let c = collect(&cx.chars[at..at + 1]);
    cx.lex.jieba.tag(&c, false).first().is_some_and(|t| t.tag == "d")
}

/// Right after a title, a name whose surname our list lacks (a rare one) but that jieba reads as a
/// name: one word of two or three characters tagged nr, or a one-character nr and a two-character
/// nr after it.
fn jieba_name_at(cx: &Context, at: usize) -> Option<usize> {
    let (s, e, _) = cx.tokens.word_at(at).filter(|w| w.0 == at && w.2 == "nr")?;
    let end = match e - s {
        2 | 3 => *e,
        1 => cx.tokens.word_at(*e).filter(|w| w.0 == *e && w.1 - w.0 == 2 && w.2 == "nr")?.1,
        _ => return None,
    };
    // What follows is a verb or the end of the clause ("…蹇某某宣布开工"), and the name is no word of
    // the dictionary ("扬言").
    let verb_or_break = cx.tokens.word_at(end).is_none_or(|(s, _, tag)| *s == end && matches!(tag.as_str(), "v" | "vn" | "x"));
    let name = collect(&cx.chars[at..end]);
    (verb_or_break && !is_dictionary_word(cx, &name) && looks_like_name_with(cx, &name, false)).then_some(end)
}

/// The titles written before a name, nearest last: "市委常委、常务副市长" gives two.
fn title_chain(cx: &Context, mut head_start: usize, mut head_end: usize) -> Vec<TitleMention> {
    let chars = cx.chars;
    let mut titles = Vec::new();
    loop {
        let start = title_start(cx, head_start);
        let org = cx.orgs_at.starting_at(start).find(|&o| cx.orgs[o].end <= head_start).map(|o| cx.orgs[o].name.clone());
        let text = collect(&chars[start..head_end]);
        if !cx.lex.leader_words.contains(&text) {
            titles.push(TitleMention { start, end: head_end, text, org });
        }
        // Another title before a 、 or ，?
        if start == 0 || !matches!(chars[start - 1], '、' | '，' | ',' | ' ') {
            break;
        }
        let Some(n) = cx.lex.titles.longest_ending_at(chars, start - 1) else { break };
        head_end = start - 1;
        head_start = head_end - n;
    }
    titles.reverse();
    titles
}

/// Where the organisation words before a title head begin ("市工信局" of "市工信局党委书记").
fn title_start(cx: &Context, head_start: usize) -> usize {
    let chars = cx.chars;
    let mut k = head_start;
    let limit = head_start.saturating_sub(24);
    while k > limit {
        if let Some(o) = cx.orgs_at.ending_at(k).find(|&o| cx.orgs[o].start < k) {
            k = cx.orgs[o].start;
            continue;
        }
        if let Some(p) = cx.places_at.first_ending_at(k) {
            k = cx.places[p].start;
            continue;
        }
        let c = chars[k - 1];
        if !(is_cjk(c) || c.is_ascii_alphanumeric()) {
            break;
        }
        if c == '的' && !(k >= 2 && chars[k - 2] == '党') {
            break;
        }
        if let Some(n) = cx.lex.stop_before.longest_ending_at(chars, k) {
            if cx.tokens.aligned(k - n, k) || n >= 2 {
                break;
            }
        }
        // A name right before the title belongs to another person ("刘某副市长").
        if cx.lex.leader_words.longest_ending_at(chars, k).is_some() {
            break;
        }
        k -= 1;
    }
    k
}

/// "市领导丁某、刘某参加": names after a collective label, without titles.
fn after_leader_words(cx: &Context, model: &ModelNames, found: &mut Found) {
    let chars = cx.chars;
    for e in 1..chars.len() {
        if cx.lex.leader_words.longest_ending_at(chars, e).is_none() {
            continue;
        }
        // "县领导甲、乙、丙参加": in a list of short items after a collective label, an item is a
        // name even when its surname is rare or jieba reads it as everyday words.
        let items = short_list_items(cx, e);
        if items.len() >= 2 {
            for (a, b) in items {
                let name = collect(&chars[a..b]);
                if looks_like_name_with(cx, &name, false)
                    && cx.lex.titles.longest_starting_at(chars, a).is_none()
                    && !is_dictionary_word(cx, &name)
                {
                    found.push(PersonMention { start: a, end: b, name, titles: vec![] });
                }
            }
            continue;
        }
        let mut at = e;
        loop {
            let end = match list_item_end(chars, at) {
                Some(end) if looks_like_name(cx, &collect(&chars[at..end])) && !holds_common_word(cx, at, end) => end,
                _ => match read_name(cx, at, found, model) {
                    Some(end) if closes_list(cx, end) => end,
                    // "乔望/舒等": jieba cut the name short; the list closes after its third character.
                    Some(end) if end - at == 2 && chars.get(end).is_some_and(|&c| is_cjk(c)) && closes_list(cx, end + 1) => end + 1,
                    _ => break,
                },
            };
            let name = collect(&chars[at..end]);
            if is_dictionary_word(cx, &name) || is_other_word_here(cx, at, end) {
                break;
            }
            found.push(PersonMention { start: at, end, name, titles: vec![] });
            if chars.get(end) == Some(&'、') {
                at = end + 1;
            } else {
                break;
            }
        }
    }
}

/// After the last name of a list: punctuation, 等, or a verb of taking part (参加, 出席…).
/// The items of "甲、乙、丙" from `at`: two or three characters each, joined by 、, the last one
/// closing the list (see closes_list). Empty unless the list closes.
fn short_list_items(cx: &Context, mut at: usize) -> Vec<(usize, usize)> {
    let chars = cx.chars;
    let mut items = Vec::new();
    while let Some(end) = list_item_end(chars, at) {
        items.push((at, end));
        at = end + 1;
    }
    let all_cjk = |n: usize| chars.len() >= at + n && chars[at..at + n].iter().all(|&c| is_cjk(c));
    match (2..=3).find(|&n| all_cjk(n) && closes_list(cx, at + n)) {
        Some(n) => {
            items.push((at, at + n));
            items
        }
        None => Vec::new(),
    }
}

fn closes_list(cx: &Context, end: usize) -> bool {
    match cx.chars.get(end) {
        None => true,
        Some(&c) if !is_cjk(c) || c == '等' => true,
        _ => cx.lex.roles.iter().any(|(verb, _)| cx.chars[end..].starts_with(&verb.chars().collect::<Vec<_>>())),
    }
}

/// Does jieba see an everyday word of two or more characters inside `[start, end)` ("包项目")?
fn holds_common_word(cx: &Context, start: usize, end: usize) -> bool {
    cx.tokens.words_within(start, end).any(|(s, e, tag)| e - s >= 2 && COMMON_WORD_TAGS.contains(&tag.as_str()))
}

/// A list item "卢东亮、" of 2–3 Chinese characters followed by 、.
fn list_item_end(chars: &[char], at: usize) -> Option<usize> {
    (2..=3).find(|&n| chars.len() > at + n && chars[at..at + n].iter().all(|&c| is_cjk(c)) && chars[at + n] == '、').map(|n| at + n)
}

/// "（张某某）" or "（刘某 韩某 刘某某）" closing a paragraph, and "张某 摄" captions.
fn bylines(cx: &Context, found: &mut Vec<PersonMention>) {
    let chars = cx.chars;
    // The last opening bracket before `close`, and where the run of characters that may stand in
    // a list of names (Chinese characters, spaces, 、) before `close` starts: kept as we go, so
    // that no closing bracket searches back through the text.
    let mut last_open: Option<usize> = None;
    let mut names_from = 0;
    for close in 0..chars.len() {
        // What stands before `close`; then take `close` in.
        let (open, names_start) = (last_open, names_from);
        let c = chars[close];
        if matches!(c, '（' | '(') {
            last_open = Some(close);
        }
        if !(is_cjk(c) || c == ' ' || c == '、') {
            names_from = close + 1;
        }
        if !matches!(c, '）' | ')') || chars.get(close + 1).is_some_and(|&c| c != '\n') {
            continue;
        }
        let Some(open) = open else { continue };
        // Something other than names between the brackets: not a byline (looks_like_name below
        // would refuse it too).
        if open + 1 < names_start {
            continue;
        }
        let inner = collect(&chars[open + 1..close]);
        let parts: Vec<&str> = inner.split([' ', '、']).filter(|s| !s.is_empty()).collect();
        if parts.is_empty() || !parts.iter().all(|p| looks_like_name(cx, p)) {
            continue;
        }
        let mut at = open + 1;
        for p in parts {
            let n = p.chars().count();
            while chars[at] == ' ' || chars[at] == '、' {
                at += 1;
            }
            found.push(PersonMention { start: at, end: at + n, name: p.to_string(), titles: vec![] });
            at += n;
        }
    }
    untitled_credits(cx, found);
    for i in 0..chars.len() {
        if chars[i] != PHOTO_CREDIT || !chars.get(i + 1).is_none_or(|&c| c == '\n' || c == '）') {
            continue;
        }
        let end = if i > 0 && chars[i - 1] == ' ' { i - 1 } else { i };
        for n in [3, 2] {
            if end < n {
                continue;
            }
            let start = end - n;
            let name = collect(&chars[start..end]);
            // The title before the name, if any, may stand after a space ("本报通讯员 张某 摄").
            let title_end = if start > 0 && chars[start - 1] == ' ' { start - 1 } else { start };
            let titled = cx.lex.titles.longest_ending_at(chars, title_end).is_some();
            if looks_like_name(cx, &name) && (start == 0 || !is_cjk(chars[start - 1]) || titled) {
                let titles = if titled { vec![] } else { vec![TitleMention { start: i, end: i + 1, text: "摄影".into(), org: None }] };
                found.push(PersonMention { start, end, name, titles });
                break;
            }
        }
    }
}

/// "文/某某 图/某某": the writer and the photographer named in the credits, without a post.
fn untitled_credits(cx: &Context, found: &mut Vec<PersonMention>) {
    let chars = cx.chars;
    for start in 0..chars.len().saturating_sub(2) {
        if !UNTITLED_CREDITS.iter().any(|c| ends_with_at(chars, start + 2, c)) || (start > 0 && is_cjk(chars[start - 1])) {
            continue;
        }
        let at = start + 2;
        // The next credit may follow without a space ("文/某某图/某某"): the run stops before it.
        let end =
            at + (at..chars.len().min(at + 5)).take_while(|&i| is_cjk(chars[i]) && !matches!(chars.get(i + 1), Some('/' | '／'))).count();
        let name = collect(&chars[at..end]);
        if looks_like_name(cx, &name) {
            found.push(PersonMention { start: at, end, name, titles: vec![] });
        }
    }
}

fn looks_like_name(cx: &Context, s: &str) -> bool {
    looks_like_name_with(cx, s, true)
}

/// [`looks_like_name`]; not `strict` where jieba and the model both read the span as one name:
/// then it needs no surname of our list (贝利, 马拉多纳) and its given name may hold a character
/// that mostly stands in other words (刘为国).
fn looks_like_name_with(cx: &Context, s: &str, strict: bool) -> bool {
    let chars: Vec<char> = s.chars().collect();
    (2..=4).contains(&chars.len())
        && chars.iter().all(|&c| is_cjk(c))
        && (!strict || cx.lex.is_surname_start(&chars, 0).is_some())
        && !(strict && chars[1..].iter().any(|&c| NOT_IN_GIVEN_NAME.contains(c)))
        && !HONORIFICS.iter().any(|h| s.ends_with(h))
        // "谢谢", "常常": a doubled character is a word, not a surname and a given name.
        && !(chars.len() == 2 && chars[0] == chars[1])
        && cx.lex.gazetteer.lookup(s).is_none()
        && cx.lex.org_type_of(s).is_none()
}

/// jieba names (nr), or words jieba does not know (x: most often a name), directly before a speech
/// verb or a title: "李某表示", "王某同志", "习某总书记".
fn before_speech_verbs(cx: &Context, found: &mut Vec<PersonMention>) {
    let words = &cx.tokens.words;
    for (i, (s, e, tag)) in words.iter().enumerate() {
        if !(tag.starts_with("nr") || tag == "x") || !(2..=3).contains(&(e - s)) || cx.lex.is_surname_start(cx.chars, *s).is_none() {
            continue;
        }
        let name = collect(&cx.chars[*s..*e]);
        if !looks_like_name(cx, &name) {
            continue;
        }
        let Some((ns, ne, _)) = words.get(i + 1) else { continue };
        let next = collect(&cx.chars[*ns..*ne]);
        let title = cx.lex.titles.contains(&next) && next != "代表";
        if SPEECH_VERBS.contains(&next.as_str()) || title {
            let titles =
                if title && next != "同志" { vec![TitleMention { start: *ns, end: *ne, text: next, org: None }] } else { vec![] };
            found.push(PersonMention { start: *s, end: *e, name, titles });
        }
    }
}

/// Names the statistical model reads in running text ("彭某某认为…"), kept only where they also look
/// like a name to our lexicon: a known surname first, no title or function characters, not a place,
/// organisation or everyday word, and not cutting through a word jieba sees.
/// "应邀", "包联": a word of jieba's dictionary that, read alone, is tagged as no name. After a
/// collective label ("嘉宾应邀出席", "领导包联"), such a word is not taken for a name.
fn is_dictionary_word(cx: &Context, name: &str) -> bool {
    cx.lex.jieba.has_word(name) && cx.lex.jieba.tag(name, false).first().is_some_and(|t| t.word == name && !t.tag.starts_with("nr"))
}

/// The item is one word of jieba's in this text, tagged as no name ("领导/包联/ns、").
fn is_other_word_here(cx: &Context, start: usize, end: usize) -> bool {
    cx.tokens.word_at(start).is_some_and(|(s, e, tag)| *s == start && *e == end && !tag.starts_with("nr") && tag != "x")
}

fn from_name_model(cx: &Context) -> Vec<PersonMention> {
    let mut found = Vec::new();
    let hints = cx.lex.char_hints(cx.chars, &cx.tokens.words);
    for (start, end) in joined_at_dots(cx, cx.lex.name_model.names(cx.chars, &hints)) {
        // "但丁/和": a one-character conjunction, preposition or adverb closing the span follows the name.
        let end = match cx.tokens.word_at(end - 1) {
            Some((s, e, tag)) if *s == end - 1 && *e == end && end - start >= 3 && ["c", "p", "d"].contains(&tag.as_str()) => end - 1,
            _ => end,
        };
        let name = collect(&cx.chars[start..end]);
        let jieba_name = cx.tokens.word_at(start).is_some_and(|(s, e, tag)| *s == start && *e == end && tag.starts_with("nr"));
        let foreign = is_dotted_name(&name);
        let plausible = if foreign { true } else { looks_like_name_with(cx, &name, !jieba_name) };
        if !plausible || cx.lex.titles.longest_starting_at(cx.chars, start).is_some_and(|n| n >= 2) {
            continue;
        }
        if cx.places_at.any_overlapping(start, end) || cx.orgs_at.any_overlapping(start, end) {
            continue;
        }
        let everyday =
            cx.tokens.word_at(start).is_some_and(|(s, e, tag)| *s == start && *e == end && COMMON_WORD_TAGS.contains(&tag.as_str()));
        // "谢谢/李总", "都/遭": the span starts with an everyday word of its own.
        let starts_with_word = cx.tokens.word_at(start).is_some_and(|(s, e, tag)| {
            *s == start && *e < end && (e - s >= 2 || FUNCTION_TAGS.contains(&tag.as_str())) && !tag.starts_with("nr")
        });
        // "张总", "王姨", "苗先生": a surname with a form of address is how someone is called, not a name.
        let address = ADDRESS_TERMS.contains(cx.chars[end - 1]) || HONORIFICS.iter().any(|h| name.ends_with(h));
        let cuts_word = |at: usize| cx.tokens.word_at(at).is_some_and(|(s, e, tag)| *s < at && at < *e && !tag.starts_with("nr"));
        // "某某/纪念馆", "某某/岛": the name names the place or body after it.
        let names_a_place =
            cx.tokens.word_at(end).is_some_and(|(s, e, _)| *s == end && cx.lex.named_after_words.longest_ending_at(cx.chars, *e).is_some());
        if (!foreign && (everyday || starts_with_word || address)) || names_a_place || cuts_word(start) || cuts_word(end) {
            continue;
        }
        found.push(PersonMention { start, end, name, titles: vec![] });
    }
    // In a list written with 、 every item is the same kind of thing: a name whose neighbour in the
    // list is a word jieba knows as no name ("风物钟灵、溪谷清幽") is a word of the list, not a person.
    let starts: HashSet<usize> = found.iter().map(|m| m.start).collect();
    let ends: HashSet<usize> = found.iter().map(|m| m.end).collect();
    // Nouns only: "何某执导、范某主演" joins two clauses, not two list items.
    let no_name_word = |at: usize| cx.tokens.word_at(at).is_some_and(|(_, _, tag)| tag.starts_with('n') && !tag.starts_with("nr"));
    let listed_alone = |m: &PersonMention| {
        let after = cx.chars.get(m.end) == Some(&'、') && !starts.contains(&(m.end + 1)) && no_name_word(m.end + 1);
        let before = m.start >= 2 && cx.chars[m.start - 1] == '、' && !ends.contains(&(m.start - 1)) && no_name_word(m.start - 2);
        after || before
    };
    found.retain(|m| !listed_alone(m));
    found
}

/// Characters that join the parts of a foreign name ("乔治·卢卡斯", "让-雅克").
const NAME_JOINERS: [char; 3] = ['·', '•', '-'];

fn is_joiner(chars: &[char], i: usize) -> bool {
    chars.get(i).is_some_and(|c| NAME_JOINERS.contains(c))
}

/// Spans read as names one after another with only a joiner between them are parts of one name,
/// and so is a word jieba reads as a name across a joiner ("雅克/nrt" of "让•雅克•卢梭").
fn joined_at_dots(cx: &Context, spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match out.last_mut() {
            Some(last) if last.1 + 1 == s && is_joiner(cx.chars, last.1) => last.1 = e,
            _ => out.push((s, e)),
        }
    }
    out.into_iter().map(|span| across_joiners(cx, span)).collect()
}

/// Extends a name over a joiner and a word jieba reads as a name on either side ("乔治·卢卡斯").
fn across_joiners(cx: &Context, mut span: (usize, usize)) -> (usize, usize) {
    let chars = cx.chars;
    let joiner = |i: usize| is_joiner(chars, i);
    let name_word = |s: usize, e: usize, tag: &str| tag.starts_with("nr") && (s..e).all(|i| is_cjk(chars[i]));
    while joiner(span.1) {
        match cx.tokens.word_at(span.1 + 1) {
            Some((s, e, tag)) if *s == span.1 + 1 && name_word(*s, *e, tag) => span.1 = *e,
            _ => break,
        }
    }
    while span.0 >= 2 && joiner(span.0 - 1) {
        match cx.tokens.word_at(span.0 - 2) {
            Some((s, e, tag)) if *e == span.0 - 1 && name_word(*s, *e, tag) => span.0 = *s,
            _ => break,
        }
    }
    span
}

/// A foreign name as Chinese writes it: parts joined by a middle dot or a hyphen, each of Chinese
/// characters ("乔治·卢卡斯", "让•雅克•卢梭").
fn is_dotted_name(name: &str) -> bool {
    let parts: Vec<&str> = name.split(NAME_JOINERS).collect();
    parts.len() >= 2 && parts.iter().all(|p| (1..=6).contains(&p.chars().count()) && p.chars().all(is_cjk))
}

/// Overlapping candidates: the one with titles, then the longer, wins.
fn resolve_overlaps(mut found: Vec<PersonMention>) -> Vec<PersonMention> {
    found.sort_by_key(|m| (std::cmp::Reverse(m.titles.len().min(1)), std::cmp::Reverse(m.end - m.start), m.start));
    let mut kept: Vec<PersonMention> = Vec::new();
    // Kept mentions do not overlap: a candidate overlaps at most one that is the same span.
    let mut taken = DisjointSpans::default();
    for m in found {
        match taken.overlapping(m.start, m.end) {
            Some((s, e, k)) if s == m.start && e == m.end => {
                let k = &mut kept[k];
                for t in m.titles {
                    if !k.titles.contains(&t) {
                        k.titles.push(t);
                    }
                }
            }
            Some(_) => {}
            None => {
                taken.insert(m.start, m.end, kept.len());
                kept.push(m);
            }
        }
    }
    kept
}

/// Every later bare use of a name found with a title ("常书铭强调…").
fn repeated_mentions(chars: &[char], found: &mut Vec<PersonMention>) {
    let mut names: Vec<String> = found.iter().map(|m| m.name.clone()).collect();
    // Longest names first, each once.
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then_with(|| a.cmp(b)));
    names.dedup();
    // The mentions do not overlap (resolve_overlaps) and stay so: a use is taken only where free.
    let mut taken = DisjointSpans::default();
    for (k, m) in found.iter().enumerate() {
        taken.insert(m.start, m.end, k);
    }
    let words: Vec<Vec<char>> = names.iter().map(|n| n.chars().collect()).collect();
    for (name, uses) in names.iter().zip(find_all_of(chars, &words)) {
        let n = name.chars().count();
        for i in uses {
            if !taken.overlaps(i, i + n) {
                taken.insert(i, i + n, found.len());
                found.push(PersonMention { start: i, end: i + n, name: name.clone(), titles: vec![] });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::organization::find_orgs;
    use crate::extract::place::find_places;
    use crate::lexicon::lexicon;

    /// Runs `f` on the context of `s`, as extraction builds it (tokens, places, organisations).
    fn in_context<T>(s: &str, f: impl FnOnce(&Context) -> T) -> T {
        let lex = lexicon();
        let chars: Vec<char> = s.chars().collect();
        let tokens = Tokens::new(lex, s, chars.len());
        let places = find_places(lex, &chars, &tokens);
        let orgs = find_orgs(lex, &chars, &tokens, &places);
        f(&Context::new(lex, &chars, &tokens, &orgs, &places))
    }

    fn persons(s: &str) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for m in in_context(s, find_persons) {
            match out.iter_mut().find(|(n, _)| *n == m.name) {
                Some((_, t)) => t.extend(m.titles.into_iter().map(|t| t.text)),
                None => out.push((m.name, m.titles.into_iter().map(|t| t.text).collect())),
            }
        }
        out
    }

    #[test]
    fn a_name_that_ends_the_text_is_read_without_running_past_it() {
        for text in ["会议由副市长周明", "周明", "副市长周"] {
            let _ = crate::extract::extract(text);
        }
    }

    #[test]
    fn the_slot_after_a_title_holds_names_jieba_and_the_lexicon_miss() {
        let names = |s: &str| persons(s).into_iter().map(|(n, _)| n).collect::<Vec<_>>();
        // A surname our list lacks, which jieba knows only as a rare character.
        assert_eq!(names("副区长隽立明主持召开专题会。"), ["隽立明"]);
        assert_eq!(names("集团工会副主席雒文涛等人陪同参观。"), ["雒文涛"]);
        assert_eq!(names("集团副总经理强卫东，总经理助理郄建华在现场。"), ["强卫东", "郄建华"]);
        // A four-character name jieba begins to read as a name.
        assert_eq!(names("盟委委员、秘书长乌力吉图，盟行署副盟长张立新参加。"), ["乌力吉图", "张立新"]);
        // A surname jieba reads as a preposition, and a list of names after one title.
        assert_eq!(names("副区长于海明、赵志强陪同。"), ["于海明", "赵志强"]);
        // A character that often follows names: the third of the name before a break, the end of
        // it when the sentence goes on.
        assert_eq!(names("督导组副组长郝建发，区教育局局长某某参加。")[0], "郝建发");
        assert_eq!(names("县长宋大为等县领导到场。"), ["宋大为"]);
        assert_eq!(names("市长李志武来我区检查防汛工作。"), ["李志武"]);
    }

    #[test]
    fn the_slot_after_a_title_refuses_words() {
        for text in ["书记高度重视，要求各地落实。", "市长强调，要抓好落实。", "组长单位要落实责任。", "政委向你们问好。"]
        {
            assert!(persons(text).is_empty(), "{text}: {:?}", persons(text));
        }
        assert_eq!(persons("（记者王明摄）")[0].0, "王明");
    }

    #[test]
    fn credits_name_writers_editors_and_photographers() {
        let names = |s: &str| persons(s).into_iter().map(|(n, t)| (n, t.first().cloned())).collect::<Vec<_>>();
        assert_eq!(names("编辑:冯月 校对:齐冬梅\n")[0], ("冯月".into(), Some("编辑".into())));
        assert_eq!(names("记者丨钱芳\n"), [("钱芳".into(), Some("记者".into()))]);
        assert_eq!(names("文/韩雪\n"), [("韩雪".into(), None)]);
        assert_eq!(names("会议通报了近期工作。(周成 李立)\n"), [("周成".into(), None), ("李立".into(), None)]);
        assert_eq!(names("记者 郑某 实习生 贺晓 通讯员 卢强\n").len(), 3);
    }

    #[test]
    fn title_chains_before_names() {
        assert_eq!(persons("市委副书记、市长周建平出席。"), vec![("周建平".into(), vec!["市委副书记".into(), "市长".into()])]);
        assert_eq!(persons("市委常委、常务副市长杭立新赴栾川县调研。")[0], ("杭立新".into(), vec!["市委常委".into(), "常务副市长".into()]));
    }

    #[test]
    fn titles_keep_their_organisation() {
        let p = persons("洛阳市工信局党委书记、局长孙明远表示，");
        assert_eq!(p[0].0, "孙明远");
        assert_eq!(p[0].1, vec!["洛阳市工信局党委书记".to_string(), "局长".to_string()]);
    }

    #[test]
    fn lists_after_collective_labels() {
        let names: Vec<String> = persons("市领导孟庆华、白露、范志远参加。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["孟庆华", "白露", "范志远"]);
    }

    #[test]
    fn bylines_and_captions() {
        let p = persons("本报讯（记者吴小燕 潘立新）近日召开会议。\n工人在车间忙碌。 本报通讯员 范一鸣 摄\n（苏文清）");
        let names: Vec<&str> = p.iter().map(|p| p.0.as_str()).collect();
        assert!(names.contains(&"吴小燕") && names.contains(&"潘立新") && names.contains(&"范一鸣") && names.contains(&"苏文清"), "{p:?}");
    }

    #[test]
    fn a_third_character_he_is_part_of_the_name_unless_it_joins() {
        let names: Vec<String> = persons("主任邵景和作报告，副市长刘明和李华出席。").into_iter().map(|p| p.0).collect();
        assert!(names.contains(&"邵景和".to_string()) && names.contains(&"刘明".to_string()), "{names:?}");
    }

    #[test]
    fn two_character_names_end_before_verbs() {
        let names: Vec<String> = persons("副市长刘明赴宜阳县调研，刘明强调要抓好落实。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["刘明"]);
        // Unless jieba reads all three characters as one name before a word of its own.
        let names: Vec<String> = persons("县委书记孙立同主持会议，副县长刘建强出席。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["孙立同", "刘建强"]);
    }

    #[test]
    fn after_a_title_a_rare_surname_jieba_reads_as_a_name_is_a_name() {
        let names: Vec<String> = persons("县委书记蹇立诚宣布开工，记者庹一舟报道。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["蹇立诚", "庹一舟"]);
    }

    #[test]
    fn a_list_after_a_collective_label_keeps_every_short_item() {
        let names: Vec<String> = persons("县领导籍文山、卫若水、饶立言参加。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["籍文山", "卫若水", "饶立言"]);
        // A word of the dictionary after the label is no name.
        assert!(persons("坚持领导包联、专班推进。").is_empty());
    }

    #[test]
    fn words_after_titles_that_are_not_names() {
        assert!(persons("他告诉记者，今年的书记和市长都很忙。").is_empty());
    }

    #[test]
    fn names_in_running_text_come_from_the_name_model() {
        let names: Vec<String> = persons("在场的观众中，杜新宇认为这场比赛踢得很精彩。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["杜新宇"]);
    }

    #[test]
    fn a_list_item_beside_everyday_words_is_no_name() {
        let names = |s: &str| persons(s).into_iter().map(|p| p.0).collect::<Vec<String>>();
        assert!(names("小城风物钟灵、溪谷清幽，引来游客。").is_empty(), "{:?}", names("小城风物钟灵、溪谷清幽，引来游客。"));
        assert_eq!(names("钟灵、洪涛和许慧都参加了比赛。")[0], "钟灵");
    }

    #[test]
    fn names_jieba_and_the_model_agree_on_need_no_listed_surname() {
        let names = |s: &str| persons(s).into_iter().map(|p| p.0).collect::<Vec<String>>();
        // 为 mostly stands in other words, but jieba and the model both read 刘为国 as one name.
        assert_eq!(names("开发区管委会主任刘为国"), vec!["刘为国"]);
        // Foreign names joined by a middle dot.
        assert_eq!(names("这部影片由乔治·卢卡斯执导。"), vec!["乔治·卢卡斯"]);
        // Parts jieba reads as names across a joiner belong to the name.
        assert_eq!(names("球队缺少了安德烈-舍甫琴科的进球。"), vec!["安德烈-舍甫琴科"]);
        // A place joined to a place by the dot is no name.
        assert!(names("2024中国·晋中招商大会开幕。").is_empty(), "{:?}", names("2024中国·晋中招商大会开幕。"));
    }

    #[test]
    fn polite_forms_and_words_after_a_name_are_not_part_of_it() {
        let names = |s: &str| persons(s).into_iter().map(|p| p.0).collect::<Vec<String>>();
        assert!(names("店里的负责人苗先生告诉记者，生意不错。").is_empty(), "{:?}", names("店里的负责人苗先生告诉记者，生意不错。"));
        assert_eq!(names("他最爱读杜甫和白居易的诗。"), vec!["杜甫", "白居易"]);
    }

    #[test]
    fn a_name_before_a_building_or_body_names_that_place() {
        let names = |s: &str| persons(s).into_iter().map(|p| p.0).collect::<Vec<String>>();
        assert!(names("游客们参观了鲁迅纪念馆。").is_empty(), "{:?}", names("游客们参观了鲁迅纪念馆。"));
        assert_eq!(names("游客们读起了鲁迅的小说。"), vec!["鲁迅"]);
    }

    #[test]
    fn a_given_name_that_is_a_word_keeps_a_character_that_elsewhere_follows_names() {
        // 强 often starts the verb after a name (强调); here it ends the given name 自强.
        let p = persons("县水利局局长李自强，他介绍了情况。");
        assert_eq!(p, vec![("李自强".to_string(), vec!["县水利局局长".to_string()])]);
        let p = persons("球队主教练安德烈-舍甫琴科表示满意。");
        assert_eq!(p[0].0, "安德烈-舍甫琴科");
    }

    #[test]
    fn forms_of_address_and_thanks_are_not_names() {
        assert!(persons("主持人：谢谢李总。张总也来了。").is_empty(), "{:?}", persons("主持人：谢谢李总。张总也来了。"));
    }

    #[test]
    fn a_name_jieba_cuts_into_everyday_words_still_takes_its_title() {
        // jieba reads 张/q 新生/n; the name model sees 张新生 whole.
        let p = persons("区教育局副局长张新生表示，");
        assert_eq!(p, vec![("张新生".to_string(), vec!["区教育局副局长".to_string()])]);
    }

    fn positions(s: &str) -> Vec<String> {
        in_context(s, |cx| {
            let persons = find_persons(cx);
            position_spans(cx.lex, cx.chars, cx.tokens, &persons).into_iter().map(|(s, e)| collect(&cx.chars[s..e])).collect()
        })
    }

    #[test]
    fn posts_are_the_title_words_next_to_names_and_in_forms_of_address() {
        assert_eq!(positions("市商务局副局长孟凡青表示，"), vec!["副局长"]);
        assert_eq!(positions("据园区管委会的刘主任介绍，"), vec!["主任"]);
        // A title word inside an everyday word is not a post.
        assert!(positions("今天主任务是学习。").is_empty(), "{:?}", positions("今天主任务是学习。"));
    }

    #[test]
    fn occupations_are_posts_with_the_rank_written_before_them() {
        // jieba tags 导演 and 选手 as verbs; as title words they are posts all the same.
        assert_eq!(positions("这部片子的导演来自西安，"), vec!["导演"]);
        assert_eq!(positions("几名年轻选手在比赛中发挥出色。"), vec!["选手"]);
        assert_eq!(positions("律所派出一名见习律师出庭。"), vec!["见习律师"]);
        assert_eq!(positions("公司请来首席分析师作报告。"), vec!["首席分析师"]);
        // 代表 alone is most often the verb.
        assert!(positions("这座桥代表了当地的工艺水平。").is_empty(), "{:?}", positions("这座桥代表了当地的工艺水平。"));
    }

    #[test]
    fn words_in_a_work_title_are_not_posts() {
        assert!(positions("他读完了《乡村教师的一天》。").is_empty(), "{:?}", positions("他读完了《乡村教师的一天》。"));
        assert_eq!(positions("《乡村教师》的作者住在县城。"), vec!["作者"]);
    }

    #[test]
    fn a_word_jieba_does_not_know_before_a_speech_verb_is_a_name() {
        let names: Vec<String> = persons("据悉，县商务局岑鲲表示，今年外贸回暖。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["岑鲲"]);
    }
}
