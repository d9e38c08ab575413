//! Organisations: companies, party and government bodies, zones and institutes, found from the
//! suffix that ends their name (data/org_suffixes.tsv) and scanned leftwards to where the name starts.

use super::place::PlaceMention;
use super::spans::{find_all_of, DisjointSpans, SpanIndex, Spanned};
use super::tokens::Tokens;
use crate::lexicon::{collect, Lexicon};
use crate::model::OrgType;
use crate::text::chars::{ends_with_at, is_cjk};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgMention {
    pub start: usize,
    pub end: usize,
    /// The name as written; for an alias mention, the full name it stands for.
    pub name: String,
    pub org_type: OrgType,
    /// Set on mentions of a short form ("以下简称…", or a later shorter form).
    pub alias: Option<String>,
}

/// The longest name an organisation may have, in characters.
const MAX_ORG_LEN: usize = 28;

/// Words that end with an organisation suffix but name no particular body.
const GENERIC: [&str; 24] = [
    "子公司",
    "分公司",
    "母公司",
    "工业互联网",
    "产业互联网",
    "房地产",
    "公司",
    "企业",
    "集团",
    "政府",
    "部门",
    "单位",
    "互联网",
    "物联网",
    "中西部",
    "东中部",
    "西北部",
    "东南部",
    "东北部",
    "西南部",
    "全市",
    "全省",
    "部队",
    "武装部队",
];

/// How the names of papers, broadcasters and news sites end.
const MEDIA_SUFFIXES: [&str; 11] = ["日报", "晚报", "晨报", "时报", "商报", "报社", "电视台", "客户端", "融媒体中心", "网", "报"];

impl OrgMention {
    /// A paper, broadcaster or news site ("某某日报", "某某网").
    pub fn is_media(&self) -> bool {
        self.org_type == OrgType::Other && MEDIA_SUFFIXES.iter().any(|s| self.name.ends_with(s))
    }
}

impl Spanned for OrgMention {
    fn span(&self) -> (usize, usize) {
        (self.start, self.end)
    }
}

pub fn find_orgs(lex: &Lexicon, chars: &[char], tokens: &Tokens, places: &[PlaceMention]) -> Vec<OrgMention> {
    // The rules below ask only where places start and end.
    let places = &SpanIndex::of(places);
    // Standing bodies first: where a suffix reads the same span ("中国人民银行" ends in 银行), the
    // standing body's type wins the tie.
    let mut found: Vec<OrgMention> = standalone_bodies(lex, chars, tokens);
    found.extend(armed_forces(lex, chars, tokens));
    found.extend(brand_and_trade(lex, chars, tokens, places));
    found.extend(mastheads(chars));
    found.extend(named_sources(chars));
    for end in 1..=chars.len() {
        if let Some(m) = org_ending_at(lex, chars, tokens, places, end) {
            found.push(m);
        }
    }
    let mut found = drop_nested(found);
    for m in found.iter_mut().filter(|m| matches!(m.org_type, OrgType::Company | OrgType::Government)) {
        if let Some(end) = branch_end(lex, chars, places, m.end) {
            m.end = end;
            m.name = collect(&chars[m.start..end]);
        }
    }
    let mut found = split_joint_bodies(lex, chars, drop_nested(found));
    add_aliases(chars, &mut found);
    found.sort_by_key(|m| (m.start, m.end));
    found
}

fn org_ending_at(lex: &Lexicon, chars: &[char], tokens: &Tokens, places: &SpanIndex, end: usize) -> Option<OrgMention> {
    let (suffix, org_type) = lex.org_suffixes.iter().find(|(s, _)| ends_with_at(chars, end, s))?;
    let suffix_len = suffix.chars().count();
    // "某集团控股的子公司": 控股 is the verb here.
    if suffix == "控股" && chars.get(end) == Some(&'的') {
        return None;
    }
    let title_follows = lex.titles.longest_starting_at(chars, end).is_some_and(|n| n >= 2);
    // "局长", "委员": the suffix's last character starts a title, so no name ends here.
    let suffix_starts_title = lex.titles.longest_starting_at(chars, end - 1).is_some_and(|n| n >= 2);
    if suffix_starts_title || !(tokens.ends[end] || title_follows) {
        return None;
    }
    // "市委常委": the name would end in a title.
    if lex.titles.longest_ending_at(chars, end).is_some_and(|n| n >= 2) {
        return None;
    }
    // A one-character suffix inside an everyday word (布局, 部署, 到处) ends no name.
    if suffix_len == 1 && lex.gov_bodies.longest_ending_at(chars, end).is_none() {
        if let Some((s, e, tag)) = tokens.word_at(end - 1) {
            // "布局", "产业布局": the suffix closes an everyday word of jieba's.
            let closes_word = e - s > 2 && lex.jieba.has_word(&collect(&chars[e - 2..*e]));
            let everyday = e - s == 2 || closes_word || ["v", "vn", "l", "i", "a", "d"].contains(&tag.as_str());
            if *e == end && e - s >= 2 && everyday && !lex.gov_bodies.contains(&collect(&chars[*s..*e])) {
                return None;
            }
        }
        if chars[..end - 1].iter().rev().take(6).any(|c| c.is_ascii_digit()) && (chars[end - 1] != '处' || chars[end - 2].is_ascii_digit())
        {
            return None;
        }
    }
    let standing = lex.gov_bodies.longest_ending_at(chars, end);
    let start = match standing {
        Some(n) => extend_with_place_prefix(lex, chars, places, end - n),
        None => scan_left(lex, chars, tokens, places, end - suffix_len),
    };
    let start = tokens.skip_function_words(start, end - suffix_len);
    // "实行政府", "确保党工委": a verb opening the stretch is not part of the name.
    let start = tokens.skip_words_tagged(start, end - suffix_len, &["v", "vd"]);
    let start = if *org_type == OrgType::Other { after_last_verb(tokens, start, end - suffix_len) } else { start };
    let start = if *org_type == OrgType::Company { company_start(lex, chars, tokens, places, start, end) } else { start };
    let name = collect(&chars[start..end]);
    // A standing body's level or place is its name ("县妇联"); a zone needs a name of its own.
    if *org_type == OrgType::Other && standing.is_none() && !names_a_zone(chars, start, end - suffix_len) {
        return None;
    }
    // "党政代表团", "经贸考察团": a delegation is somebody's; a kind of delegation is no body.
    let delegation = ["代表团", "考察团"].iter().any(|d| ends_with_at(chars, end, d));
    if delegation && !names_whose_delegation(lex, chars, start, end - suffix_len) {
        return None;
    }
    let body_len = end - start;
    let min_len = if suffix_len == 1 { 3 } else { suffix_len + 1 };
    if body_len < min_len || GENERIC.contains(&name.as_str()) || starts_generic(&name, suffix_len) {
        return None;
    }
    // "中国房地产", "山西企业": a place before a generic word names no particular company (while
    // "洛阳市政府" is a particular body).
    if *org_type == OrgType::Company && GENERIC.iter().any(|g| place_then_word(lex, chars, places, start, end, g)) {
        return None;
    }
    // "某省人民银行": a standing body's name at the end types the whole, not the suffix (银行).
    let org_type = match lex.standalone_bodies.longest_ending_at(chars, end) {
        Some(n) if n > suffix_len => OrgType::Government,
        _ => *org_type,
    };
    Some(OrgMention { start, end, name, org_type, alias: None })
}

/// Where a company's name starts, given the start the scan found. A particle glued to the name by
/// jieba ("了泽丰公司") is left out; where jieba reads the whole name as one organisation word
/// ("开庭/住友银行"), only a place or country may stand before it as part of the name.
fn company_start(lex: &Lexicon, chars: &[char], tokens: &Tokens, places: &SpanIndex, start: usize, end: usize) -> usize {
    if let Some((s, e, tag)) = tokens.word_at(end - 1) {
        if *e == end && tag == "nt" && *s > start {
            let mut k = start;
            while k < *s {
                match places.starting_at(k).map(|p| places.span(p)).find(|p| p.1 <= *s) {
                    Some(p) => k = p.1,
                    None => match lex.countries.longest_starting_at(chars, k).filter(|n| k + n <= *s) {
                        Some(n) => k += n,
                        None => break,
                    },
                }
            }
            if k != *s {
                return *s;
            }
        }
    }
    if matches!(chars[start], '由' | '了' | '被' | '把' | '对' | '在' | '从' | '据') && end - start > 4 {
        return start + 1;
    }
    start
}

/// Zones, schools and associations have no verbs in their names: "力争将经开区" starts after 将.
fn after_last_verb(tokens: &Tokens, start: usize, body_end: usize) -> usize {
    tokens.words_within(start, body_end).filter(|w| ["v", "p", "d", "c", "r"].contains(&w.2.as_str())).map(|w| w.1).max().unwrap_or(start)
}

/// Qualifiers that say which kind of zone, not which one (全省开发区, 有关开发区, 国家级经开区).
const ZONE_QUALIFIERS: [&str; 14] =
    ["全省", "全市", "全县", "全区", "各级", "各", "有关", "相关", "国家级", "省级", "工业类", "该", "本", "部门"];

/// Is there a proper name before the suffix once the generic qualifiers are gone?
fn names_a_zone(chars: &[char], start: usize, body_end: usize) -> bool {
    let mut body = collect(&chars[start..body_end]);
    for q in ZONE_QUALIFIERS {
        body = body.replace(q, "");
    }
    body.chars().count() >= 2
}

/// Does the text before a delegation word say whose it is, once the words of its kind
/// (`delegation_kinds.txt`) are gone?
fn names_whose_delegation(lex: &Lexicon, chars: &[char], start: usize, body_end: usize) -> bool {
    let mut body = collect(&chars[start..body_end]);
    for k in &lex.delegation_kinds {
        body = body.replace(k.as_str(), "");
    }
    body.chars().count() >= 2
}

/// 该公司, 本局, 各部门, 我市…: a demonstrative or quantifier and the bare suffix.
fn starts_generic(name: &str, suffix_len: usize) -> bool {
    let head: Vec<char> = name.chars().collect();
    // "各乡镇党委", "各县区政府": every body of a kind, however long the kind.
    head[0] == '各'
        || (head.len() <= suffix_len + 2 && matches!(head[0], '该' | '本' | '我' | '此' | '其' | '每' | '两' | '三' | '一' | '这'))
}

/// Takes place names, country names and the level characters (省, 市, 县, 区) written before a
/// department name.
fn extend_with_place_prefix(lex: &Lexicon, chars: &[char], places: &SpanIndex, mut start: usize) -> usize {
    loop {
        if let Some(p) = places.first_ending_at(start) {
            start = places.span(p).0;
        } else if let Some(n) = country_before(lex, chars, start) {
            start -= n;
        } else if start > 0 && matches!(chars[start - 1], '省' | '市' | '县' | '区' | '州' | '旗') {
            start -= 1;
        } else if start >= 2 && chars[start - 1] == '委' && matches!(chars[start - 2], '省' | '市' | '县' | '区' | '州' | '旗') {
            // "市委宣传部": the party committee whose department it is.
            start -= 1;
        } else if start >= 2 && chars[start - 2] == '中' && chars[start - 1] == '共' {
            return start - 2;
        } else {
            return start;
        }
    }
}

/// Scans left from `at` over the words of a name: stops at punctuation and at whole-word function
/// words (在, 由, 走进…); place names are taken whole.
fn scan_left(lex: &Lexicon, chars: &[char], tokens: &Tokens, places: &SpanIndex, end_of_name: usize) -> usize {
    let mut k = end_of_name;
    let limit = end_of_name.saturating_sub(MAX_ORG_LEN);
    while k > limit {
        if let Some(p) = places.first_ending_at(k) {
            k = places.span(p).0;
            continue;
        }
        let c = chars[k - 1];
        // 丨 is a CJK character, but written between words it is a bar ("来源丨某某报").
        if !(crate::text::chars::is_cjk(c) || c.is_ascii_alphanumeric() || c == '·') || c == '的' || c == '丨' {
            break;
        }
        // "副区长某某代表区人民政府": a title before the stretch belongs to a person.
        if lex.titles.longest_ending_at(chars, k).is_some_and(|n| n >= 2 && tokens.ends[k]) {
            break;
        }
        if let Some(n) = lex.stop_before.longest_ending_at(chars, k) {
            if tokens.aligned(k - n, k) {
                break;
            }
        }
        // A particle or preposition before a word boundary, even where jieba glued it to the
        // next character ("由林/达", "了泽/东").
        if matches!(chars[k - 1], '由' | '了' | '或' | '被' | '把' | '向' | '据' | '率' | '及') && tokens.starts[k] {
            break;
        }
        // A verb that is not one of the naming verbs ("协调", "致电"), a quantity ("13家",
        // "部分") or an ordinal ("第十一届") ends the name.
        if let Some((s, e, tag)) = tokens.word_at(k - 1).filter(|w| w.1 == k) {
            let word = collect(&chars[*s..*e]);
            let verb = tag == "v" && !lex.org_name_verbs.contains(&word);
            let quantity = (["m", "q", "r", "mq"].contains(&tag.as_str()) || QUANTIFIERS.contains(&word.as_str()))
                && !numbers_a_subsidiary(chars, tokens, *s, &word);
            // "方案已经/d 市政府", "上周/t 市委": an adverb, conjunction or time word.
            let function = ["d", "c", "t"].contains(&tag.as_str());
            if verb || quantity || function || word.ends_with('届') || word.ends_with('讯') {
                break;
            }
        }
        k -= 1;
    }
    k
}

/// "鼎华/十二局/集团公司", "某建/第三/工程局": a numeral written right after a group's name
/// numbers one of its units, and belongs to the unit's name.
fn numbers_a_subsidiary(chars: &[char], tokens: &Tokens, start: usize, word: &str) -> bool {
    // The numeral, with the unit's character when jieba reads them as one word ("十一/局", "十二局").
    let digits = word.trim_end_matches(|c| "局院处所厂师".contains(c));
    let numeral = !digits.is_empty() && digits.chars().all(|c| "第一二三四五六七八九十百".contains(c)) && digits != "第";
    let group_before = tokens.word_at(start.wrapping_sub(1)).is_some_and(|(s, e, tag)| {
        *e == start && e - s >= 2 && ["n", "nz", "nt", "j", "ns"].contains(&tag.as_str()) && chars[*s..*e].iter().all(|&c| is_cjk(c))
    });
    numeral && start > 0 && group_before
}

/// Words that say how many or which bodies, not which one.
const QUANTIFIERS: [&str; 15] =
    ["家", "某", "部分", "个别", "各", "各大", "许多", "大部分", "多数", "绝大多数", "国内", "全国", "当地", "多家", "大型"];

/// Labels of the line that names where a report comes from ("来源：某某日报").
const SOURCE_LABELS: [&str; 4] = ["来源", "稿源", "信息来源", "转自"];

/// The page's own paper or site, which a source line names without naming it ("来源：本报"), or
/// the kind of source rather than who it is ("来源：原创", "来源：网络").
const OWN_SOURCE: [&str; 6] = ["本报", "本网", "本台", "本站", "原创", "网络"];

/// "来源：某某网", "稿源: 某某日报": the paper, site or account a source line names, whatever its
/// name ends with (a WeChat account has no suffix).
fn named_sources(chars: &[char]) -> Vec<OrgMention> {
    let mut out = Vec::new();
    for label in SOURCE_LABELS {
        let n = label.chars().count();
        for end in n..chars.len() {
            if !ends_with_at(chars, end, label) || (end > n && is_cjk(chars[end - n - 1])) {
                continue;
            }
            let skip_spaces = |i: usize| i + chars[i..].iter().take_while(|&&c| c == ' ').count();
            let mark = skip_spaces(end);
            if !matches!(chars.get(mark), Some('：' | ':' | '丨' | '｜')) {
                continue;
            }
            let start = skip_spaces(mark + 1);
            let len = chars[start..].iter().take(13).take_while(|&&c| is_cjk(c) && c != '丨').count();
            let name = collect(&chars[start..start + len]);
            let ends_line = chars.get(start + len).is_none_or(|c| c.is_whitespace());
            if (2..=12).contains(&len) && ends_line && !OWN_SOURCE.contains(&name.as_str()) {
                out.push(OrgMention { start, end: start + len, name, org_type: OrgType::Other, alias: None });
            }
        }
    }
    out
}

/// "某某日报 要闻 第1版", "某某山水报 县域 第3版": the paper named by a page's masthead line.
fn mastheads(chars: &[char]) -> Vec<OrgMention> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = (start..chars.len()).find(|&k| chars[k] == '\n').unwrap_or(chars.len());
        let line = &chars[start..end];
        let name_len = line.iter().position(|&c| c == ' ').unwrap_or(line.len());
        let rest: String = line[name_len..].iter().filter(|c| !c.is_whitespace()).collect();
        let page_line = rest.ends_with('版') && rest.contains('第') && rest.chars().count() <= 12;
        let name = &line[..name_len];
        if page_line && (3..=10).contains(&name_len) && name.last() == Some(&'报') && name.iter().all(|&c| is_cjk(c)) {
            out.push(OrgMention { start, end: start + name_len, name: collect(name), org_type: OrgType::Other, alias: None });
        }
        start = end + 1;
    }
    out
}

fn standalone_bodies(lex: &Lexicon, chars: &[char], tokens: &Tokens) -> Vec<OrgMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // "商务部门" is a department of any level, not 商务部.
        let ends_word = |n: usize| tokens.ends[i + n] || lex.titles.longest_starting_at(chars, i + n).is_some_and(|t| t >= 2);
        match lex.standalone_bodies.longest_starting_at(chars, i).filter(|&n| ends_word(n) && chars.get(i + n) != Some(&'门')) {
            Some(n) => {
                // "美国国务院", "印度外交部": another country's body, not China's.
                let start = i - country_before(lex, chars, i).unwrap_or(0);
                out.push(OrgMention { start, end: i + n, name: collect(&chars[start..i + n]), org_type: OrgType::Government, alias: None });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// Where a branch of the company or body ending at `at` ends: a branch word after the name, after
/// a place, or after a place in brackets ("洛阳分行", "华北分公司", "（中国）有限公司").
fn branch_end(lex: &Lexicon, chars: &[char], places: &SpanIndex, at: usize) -> Option<usize> {
    let mut k = at;
    if matches!(chars.get(k), Some('（' | '(')) {
        let close = (k + 1..chars.len().min(k + 8)).find(|&i| matches!(chars[i], '）' | ')'))?;
        let inside = k + 1..close;
        let is_place = places.starting_at(inside.start).any(|p| places.span(p).1 == inside.end)
            || country_before(lex, chars, close) == Some(close - k - 1);
        if !is_place {
            return None;
        }
        k = close + 1;
    } else if let Some(p) = places.first_starting_at(k) {
        k = places.span(p).1;
    } else {
        // A region written without a place name ("华北", "华东"): two characters ending in a direction.
        if k + 2 <= chars.len()
            && matches!(chars[k], '华' | '西' | '东' | '南' | '北')
            && matches!(chars[k + 1], '北' | '南' | '东' | '西' | '中')
        {
            k += 2;
        }
    }
    lex.org_branches.longest_starting_at(chars, k).map(|n| k + n)
}

/// Jieba tags of words that may be a company's brand: words it does not know or knows as names.
const BRAND_TAGS: [&str; 8] = ["x", "nz", "nr", "nrt", "ns", "nt", "j", "eng"];

/// Company short names: a brand and a trade ("某某证券", "某某传媒"). The brand is the one word
/// before the trade, two to four characters, a word jieba does not know or knows as a proper noun,
/// and not a place, country or title ("山西能源" is the province's energy, not a firm).
fn brand_and_trade(lex: &Lexicon, chars: &[char], tokens: &Tokens, places: &SpanIndex) -> Vec<OrgMention> {
    let mut out = Vec::new();
    for pair in tokens.words.windows(2) {
        let [(bs, be, btag), (ts, te, _)] = pair else { continue };
        if be != ts || !lex.company_trades.contains(&collect(&chars[*ts..*te])) {
            continue;
        }
        let brand = collect(&chars[*bs..*be]);
        let brand_like = (2..=4).contains(&(be - bs))
            && chars[*bs..*be].iter().all(|&c| crate::text::chars::is_cjk(c))
            && BRAND_TAGS.contains(&btag.as_str())
            // jieba's dictionary tags some everyday words as names (智慧/nr): a brand is a word it
            // does not know, or knows as a proper noun or organisation.
            && (!lex.jieba.has_word(&brand) || matches!(btag.as_str(), "nz" | "nt" | "j"))
            && !places.any_overlapping(*bs, *be)
            && lex.gazetteer.lookup(&brand).is_none()
            && !lex.countries.contains(&brand)
            && !lex.titles.contains(&brand);
        if brand_like {
            out.push(OrgMention { start: *bs, end: *te, name: collect(&chars[*bs..*te]), org_type: OrgType::Company, alias: None });
        }
    }
    out
}

/// Armed forces: a service alone or after a country ("海军", "法国海军", "俄海军"), and the words
/// that name a force only after a country ("法军", "德国军队"). A short form counts where it starts
/// a word of jieba's ("美军", not "完美/军团").
fn armed_forces(lex: &Lexicon, chars: &[char], tokens: &Tokens) -> Vec<OrgMention> {
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let country = country_before(lex, chars, i)
            .or_else(|| (i >= 1 && tokens.starts[i - 1] && lex.country_short_forms.contains(&chars[i - 1].to_string())).then_some(1));
        let service = lex.armed_forces.longest_starting_at(chars, i);
        let after_country = country.and(lex.armed_forces_after_country.longest_starting_at(chars, i));
        let Some(n) = service.max(after_country).filter(|&n| tokens.ends[i + n]) else { continue };
        let start = i - country.unwrap_or(0);
        match out.last_mut().filter(|m: &&mut OrgMention| m.end == start || (m.start <= start && start < m.end)) {
            // "解放军海军": a force of a force is one body.
            Some(m) if m.end == start => {
                m.end = i + n;
                m.name = collect(&chars[m.start..m.end]);
            }
            Some(_) => {}
            None => {
                out.push(OrgMention { start, end: i + n, name: collect(&chars[start..i + n]), org_type: OrgType::Government, alias: None })
            }
        }
    }
    out
}

/// Is `[start, end)` a place or country name followed by `word` and nothing else?
fn place_then_word(lex: &Lexicon, chars: &[char], places: &SpanIndex, start: usize, end: usize, word: &str) -> bool {
    let n = word.chars().count();
    if end - start <= n || !ends_with_at(chars, end, word) {
        return false;
    }
    let split = end - n;
    places.starting_at(start).any(|p| places.span(p).1 == split) || country_before(lex, chars, split) == Some(split - start)
}

/// Length of the country or territory name that ends at `at` ("美国", "香港"), if any.
fn country_before(lex: &Lexicon, chars: &[char], at: usize) -> Option<usize> {
    lex.countries.longest_ending_at(chars, at)
}

/// Keeps the longest of overlapping mentions.
/// "省委省政府", "某某市委市政府": a party committee and a government written as one word are two
/// bodies.
fn split_joint_bodies(lex: &Lexicon, chars: &[char], found: Vec<OrgMention>) -> Vec<OrgMention> {
    let mut out = Vec::with_capacity(found.len());
    for m in found {
        let split = (m.start + 2..m.end - 1).find(|&k| {
            lex.standalone_bodies.contains(&collect(&chars[k..m.end])) && lex.standalone_bodies.longest_ending_at(chars, k).is_some()
        });
        match split {
            Some(k) if m.org_type == OrgType::Government => {
                out.push(OrgMention { end: k, name: collect(&chars[m.start..k]), ..m.clone() });
                out.push(OrgMention { start: k, name: collect(&chars[k..m.end]), ..m });
            }
            _ => out.push(m),
        }
    }
    out
}

fn drop_nested(mut found: Vec<OrgMention>) -> Vec<OrgMention> {
    found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
    let mut kept: Vec<OrgMention> = Vec::new();
    let mut taken = DisjointSpans::default();
    for m in found {
        if !taken.overlaps(m.start, m.end) {
            taken.insert(m.start, m.end, kept.len());
            kept.push(m);
        }
    }
    kept
}

/// "（以下简称经纬智能公司）" after a name declares a short form; every later use of it is a mention
/// of the same organisation.
fn add_aliases(chars: &[char], found: &mut Vec<OrgMention>) {
    let mut declared: Vec<(String, String, OrgType)> = Vec::new();
    for m in found.iter() {
        if let Some(alias) = declared_alias(chars, m.end) {
            declared.push((alias, m.name.clone(), m.org_type));
        }
    }
    // The short form inside its own declaration is a mention of the alias, not another body.
    let short_forms: HashSet<&str> = declared.iter().map(|(a, _, _)| a.as_str()).collect();
    found.retain(|m| !short_forms.contains(m.name.as_str()));
    // A short form declared again adds nothing: its first declaration took every free use of it.
    let mut seen = HashSet::new();
    declared.retain(|(a, _, _)| seen.insert(a.clone()));
    // The mentions do not overlap (drop_nested) and stay so: each use is taken only where free.
    let mut taken = DisjointSpans::default();
    for (k, m) in found.iter().enumerate() {
        taken.insert(m.start, m.end, k);
    }
    let words: Vec<Vec<char>> = declared.iter().map(|(a, _, _)| a.chars().collect()).collect();
    for ((alias, full, org_type), uses) in declared.into_iter().zip(find_all_of(chars, &words)) {
        let n = alias.chars().count();
        for i in uses {
            if !taken.overlaps(i, i + n) {
                taken.insert(i, i + n, found.len());
                found.push(OrgMention { start: i, end: i + n, name: full.clone(), org_type, alias: Some(alias.clone()) });
            }
        }
    }
}

fn declared_alias(chars: &[char], after: usize) -> Option<String> {
    let rest: String = chars[after..chars.len().min(after + 30)].iter().collect();
    let inner = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))?;
    let close = inner.find(['）', ')'])?;
    let inner = &inner[..close];
    let alias = inner.strip_prefix("以下简称").or_else(|| inner.strip_prefix("下称")).or_else(|| inner.strip_prefix("简称"))?;
    let alias = alias.trim_matches(|c| matches!(c, '“' | '”' | '"' | '：' | ':'));
    (alias.chars().count() >= 2).then(|| alias.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::place::find_places;
    use crate::lexicon::lexicon;

    fn orgs(s: &str) -> Vec<(String, OrgType, Option<String>)> {
        let lex = lexicon();
        let chars: Vec<char> = s.chars().collect();
        let tokens = Tokens::new(lex, s, chars.len());
        let places = find_places(lex, &chars, &tokens);
        find_orgs(lex, &chars, &tokens, &places).into_iter().map(|m| (m.name, m.org_type, m.alias)).collect()
    }

    fn names(s: &str) -> Vec<String> {
        orgs(s).into_iter().map(|o| o.0).collect()
    }

    #[test]
    fn company_names_end_at_their_suffix_and_start_after_a_function_word() {
        assert_eq!(names("他走进洛阳恒远重工机械有限公司车间"), vec!["洛阳恒远重工机械有限公司"]);
        assert_eq!(orgs("近日，伊川绿源食品集团宣布")[0].1, OrgType::Company);
    }

    #[test]
    fn short_forms_of_standing_bodies_and_people_s_organisations() {
        assert_eq!(names("县人大副主任、县总工会主席、县妇联主席、县工商联会长出席。"), ["县人大", "县总工会", "县妇联", "县工商联"]);
        assert_eq!(names("县政府办主任、市投促局局长、市委宣传部部长参加。"), ["县政府办", "市投促局", "市委宣传部"]);
        // A party committee and a government written as one word are two bodies.
        assert_eq!(names("省委省政府高度重视。"), ["省委", "省政府"]);
        // Every body of a kind, a subsidiary, and 控股 as a verb name no body.
        assert!(names("各乡镇党委要抓好落实。").is_empty());
        assert_eq!(names("该公司是青禾集团控股的子公司。"), ["青禾集团"]);
    }

    #[test]
    fn papers_named_by_a_masthead_or_a_media_suffix() {
        assert_eq!(names("云岭晨风报 要闻 第1版\n本报讯（记者甲乙）"), ["云岭晨风报"]);
        assert_eq!(orgs("据江城日报报道")[0], ("江城日报".to_string(), OrgType::Other, None));
    }

    #[test]
    fn a_name_does_not_run_back_over_a_title_an_adverb_or_a_person_s_verb() {
        assert_eq!(names("常务副县长代表县人民政府签约。"), ["县人民政府"]);
        assert_eq!(names("方案已经市政府常务会议审议。"), ["市政府"]);
        assert_eq!(names("来源丨江城市人民政府"), ["江城市人民政府"]);
    }

    #[test]
    fn government_bodies_with_place_prefix() {
        assert_eq!(names("他到市发展和改革委员会调研"), vec!["市发展和改革委员会"]);
        assert_eq!(names("洛阳市工信局局长某某表示"), vec!["洛阳市工信局"]);
        assert_eq!(orgs("听取省商务厅汇报")[0].1, OrgType::Government);
        // Every standing abbreviation is a department name of its own.
        assert_eq!(names("区住建委召开会议"), vec!["区住建委"]);
    }

    #[test]
    fn another_countrys_bodies_keep_the_country() {
        assert_eq!(names("法国外交部发言人表示"), vec!["法国外交部"]);
        assert_eq!(names("国务院常务会议指出"), vec!["国务院"]);
    }

    #[test]
    fn aliases_are_declared_and_reused() {
        let o = orgs("洛阳恒远重工机械有限公司（以下简称恒远公司）成立于2001年。恒远公司今年产值增长。");
        // The full name, the short form in its own declaration, and its later use.
        assert_eq!(o.len(), 3);
        assert!(o.iter().all(|m| m.0 == "洛阳恒远重工机械有限公司"));
        assert_eq!(o[0].2, None);
        assert_eq!(o[1].2.as_deref(), Some("恒远公司"));
        assert_eq!(o[2].2.as_deref(), Some("恒远公司"));
    }

    #[test]
    fn numbered_units_of_a_group_keep_their_number() {
        assert_eq!(names("鼎华十二局集团公司承建该工程。"), ["鼎华十二局集团公司"]);
        assert!(names("全市十二家公司参加。").is_empty(), "{:?}", names("全市十二家公司参加。"));
    }

    #[test]
    fn party_groups_standing_committees_and_delegations() {
        assert!(names("区农业农村局党组书记王某主持。").contains(&"区农业农村局党组".to_string()));
        assert_eq!(names("县委常委会召开会议。"), ["县委常委会"]);
        assert_eq!(names("清河县党政代表团来我县考察。"), ["清河县党政代表团"]);
        // A kind of delegation is nobody's.
        assert!(names("党政代表团一行参观了园区。").is_empty(), "{:?}", names("党政代表团一行参观了园区。"));
    }

    #[test]
    fn associations_of_every_level_by_their_short_names() {
        assert_eq!(names("县科协、市文联负责同志参加。"), ["县科协", "市文联"]);
        assert_eq!(names("全县有省书协会员30余人。"), ["省书协"]);
    }

    #[test]
    fn the_source_line_names_a_paper_or_an_account() {
        assert_eq!(orgs("2024-05-06 来源：山城观察\n")[0], ("山城观察".into(), OrgType::Other, None));
        assert_eq!(names("稿源: 东湖晨报   编辑：某某\n"), ["东湖晨报"]);
        assert!(names("来源：本报\n").is_empty());
        assert!(names("来源：原创  时间：某日\n").is_empty());
    }

    #[test]
    fn generic_words_are_not_organisations() {
        assert!(names("该公司和各部门调整格局，加强部署").is_empty());
        // A place before a generic word is still generic; a place before 政府 is a body.
        assert!(names("中国房地产进入新阶段").is_empty(), "{:?}", names("中国房地产进入新阶段"));
        assert_eq!(names("洛阳市政府发布通知"), vec!["洛阳市政府"]);
    }

    #[test]
    fn real_estate_firms_are_companies() {
        assert_eq!(orgs("远川地产负责人介绍")[0], ("远川地产".to_string(), OrgType::Company, None));
        assert_eq!(names("青禾置业拿下地块"), vec!["青禾置业"]);
    }

    #[test]
    fn armed_forces_alone_after_a_country_or_its_short_form() {
        assert_eq!(names("海军在近海举行了演习。"), vec!["海军"]);
        assert_eq!(names("法国海军和德军都派出了舰艇。"), vec!["法国海军", "德军"]);
        assert_eq!(names("这次演习由解放军海军组织。"), vec!["解放军海军"]);
        // 军 names a force only after a country, and a short form must start a word.
        assert!(names("完美军团的新赛季开始了。").is_empty(), "{:?}", names("完美军团的新赛季开始了。"));
        assert!(names("部队在山里行军。").is_empty(), "{:?}", names("部队在山里行军。"));
        assert_eq!(orgs("北方军区司令部")[0].1, OrgType::Government);
    }

    #[test]
    fn short_company_names_end_in_shiye_and_konggu() {
        assert_eq!(names("市里新引进了宏远实业新型面板等一批项目。"), vec!["宏远实业"]);
        assert_eq!(orgs("华润控股今年在本地扩大投资。")[0].1, OrgType::Company);
    }

    #[test]
    fn branches_are_organisations_of_their_own() {
        assert_eq!(names("市民到交通银行洛阳分行办理业务。"), vec!["交通银行洛阳分行"]);
        assert_eq!(names("宏达物流集团华北分公司今年扩产。"), vec!["宏达物流集团华北分公司"]);
        let o = orgs("中国人民银行洛阳分行发布通知。");
        assert_eq!((o[0].0.as_str(), o[0].1), ("中国人民银行洛阳分行", OrgType::Government));
    }

    #[test]
    fn a_company_name_starts_after_words_jieba_keeps_apart() {
        // jieba reads 住友银行 as one organisation word: the verb before it is not part of the name.
        assert_eq!(names("案件开庭住友银行到场。"), vec!["住友银行"]);
        assert_eq!(names("工程交给了泽丰公司承建。"), vec!["泽丰公司"]);
    }

    #[test]
    fn a_brand_and_a_trade_name_a_company() {
        assert_eq!(orgs("华锐传媒今年上市。"), vec![("华锐传媒".to_string(), OrgType::Company, None)]);
        assert_eq!(names("天晟证券分析师认为，市场将回暖。"), vec!["天晟证券"]);
        // A place or an everyday word before the trade names no company.
        assert!(names("山西能源转型步伐加快。").is_empty(), "{:?}", names("山西能源转型步伐加快。"));
        assert!(names("发展清洁能源和数字科技。").is_empty(), "{:?}", names("发展清洁能源和数字科技。"));
        // A standing body's name at the end types the whole.
        assert_eq!(orgs("河南省人民银行发布通知。")[0].1, OrgType::Government);
    }
}
