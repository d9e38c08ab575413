//! Investment projects: names ending in 项目 (or 产业园, 基地… after "投资…元的"), lists such as
//! "A、B及C等10个项目", with amount, place, investor and status read from the words around them.
//! Aggregates ("签约项目194个", "12个项目") are not projects.

use super::money::Money;
use super::organization::OrgMention;
use super::place::PlaceMention;
use super::spans::{SpanIndex, Spanned};
use super::tokens::Tokens;
use crate::lexicon::{collect, Lexicon};
use crate::model::{OrgType, ProjectStatus};
use crate::text::chars::{ends_with_any, ends_with_at, find_all, is_cjk};
use crate::text::{sentence_at, Sentence};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub investment: Option<String>,
    pub place: Option<usize>,
    pub place_org: Option<String>,
    pub investor: Option<String>,
    pub status: Option<ProjectStatus>,
}

/// Status verbs, checked in the words around a project.
const STATUS_WORDS: [(&str, ProjectStatus); 9] = [
    ("签约", ProjectStatus::Signed),
    ("签订", ProjectStatus::Signed),
    ("开工", ProjectStatus::Started),
    ("奠基", ProjectStatus::Started),
    ("投产", ProjectStatus::InProduction),
    ("竣工", ProjectStatus::Completed),
    ("建成", ProjectStatus::Completed),
    ("落地", ProjectStatus::Planned),
    ("谋划", ProjectStatus::Planned),
];

/// Verbs that end a project name when scanning left (推动…项目, 观摩…项目).
const LEFT_STOPS: [&str; 22] = [
    "推动",
    "推进",
    "签约",
    "开工",
    "投产",
    "竣工",
    "引进",
    "新引进",
    "实施",
    "观摩",
    "考察",
    "出席",
    "参加",
    "包括",
    "涵盖",
    "抓好",
    "建设",
    "加快",
    "聚焦",
    "打造",
    "共有",
    "共",
];

impl Spanned for ProjectMention {
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
    pub money: &'a [Money],
    pub sentences: &'a [Sentence],
    /// Where the organisations, places and amounts above stand.
    pub orgs_at: &'a SpanIndex,
    pub places_at: &'a SpanIndex,
    pub money_at: &'a SpanIndex,
}

pub fn find_projects(cx: &Context) -> Vec<ProjectMention> {
    let mut out: Vec<ProjectMention> = Vec::new();
    for s in cx.sentences {
        let mut in_sentence = listed_projects(cx, s);
        for p in single_projects(cx, s) {
            if !in_sentence.iter().any(|q| q.start < p.end && p.start < q.end) {
                in_sentence.push(p);
            }
        }
        out.extend(in_sentence);
    }
    out.extend(invested_sites(cx, &out));
    attach_anaphoric_amounts(cx, &mut out);
    out.sort_by_key(|p| p.start);
    name_shortened_mentions(&mut out);
    out
}

/// "某省某某饲料项目" after "某省某某农牧有限公司年产5万吨饲料项目": a name whose characters all
/// stand, in order, in one longer name of the same document is that project written short, and takes
/// the longer name. A short name that fits several longer ones is left as it is.
fn name_shortened_mentions(projects: &mut [ProjectMention]) {
    let names: Vec<Vec<char>> = projects.iter().map(|p| p.name.chars().collect()).collect();
    for i in 0..projects.len() {
        let short = names[i].strip_suffix(&['项', '目']).unwrap_or(&names[i]);
        if short.len() < 4 {
            continue;
        }
        let mut longer: Vec<&Vec<char>> = names.iter().filter(|n| n.len() > names[i].len() && is_subsequence(short, n)).collect();
        longer.sort();
        longer.dedup();
        if let [only] = longer.as_slice() {
            projects[i].name = only.iter().collect();
        }
    }
}

fn is_subsequence(short: &[char], long: &[char]) -> bool {
    let mut rest = long.iter();
    short.iter().all(|c| rest.any(|d| d == c))
}

/// "…项目" standing alone in a sentence.
fn single_projects(cx: &Context, s: &Sentence) -> Vec<ProjectMention> {
    let chars = cx.chars;
    let mut out = Vec::new();
    let mut candidates = Vec::new();
    for at in find_all(chars, s.start, s.end, "项目") {
        let end = at + 2;
        // "…等5个企业（项目）": a gloss in brackets, not a name's head.
        let glossed = at > 0 && matches!(chars[at - 1], '（' | '(');
        if glossed || is_aggregate_after(chars, end) || is_quantified_before(chars, at) || !is_word_here(cx, at) {
            continue;
        }
        let start = cx.tokens.skip_function_words(name_start(cx, at, s.start), at);
        if names_a_class(cx, start, at) {
            continue;
        }
        if is_object_of_verb(cx, start, at) {
            continue;
        }
        if ends_with_any(&cx.chars[..(end + 3).min(s.end)], (end + 3).min(s.end), &["推介会", "对接会", "洽谈会", "座谈会", "招商会"])
        {
            continue;
        }
        if let Some(p) = build(cx, s, start, end) {
            candidates.push(p);
        }
    }
    out.extend(singled_out(cx, candidates));
    out.extend(named_sites(cx, s));
    out.extend(projects_in_apposition(cx, s));
    out
}

/// "某某公园作为全县重点生态项目，…": what opens the clause and is said to be a project, though
/// its name does not end in 项目.
fn projects_in_apposition(cx: &Context, s: &Sentence) -> Vec<ProjectMention> {
    let chars = cx.chars;
    let mut out = Vec::new();
    for at in find_all(chars, s.start, s.end, "作为") {
        // The predicate: "…项目" within the clause after 作为.
        let clause_end = (at + 2..s.end).find(|&k| matches!(chars[k], '，' | '；' | '。' | '、')).unwrap_or(s.end);
        let predicate_is_project = clause_end >= at + 4 && ends_with_any(chars, clause_end, &["项目", "工程"]);
        if !predicate_is_project {
            continue;
        }
        let start = cx.tokens.skip_function_words(clause_start(chars, at, s.start), at);
        let subject = collect(&chars[start..at]);
        let named =
            (3..=16).contains(&(at - start)) && cx.tokens.aligned(start, at) && !subject.contains("项目") && !subject.contains('该');
        let a_body_or_person = cx.orgs_at.starting_at(start).any(|o| cx.orgs[o].end == at);
        if named && !a_body_or_person && is_specific(cx, start, at) {
            if let Some(mut p) = build(cx, s, start, at) {
                // "…作为全县的民生工程，计划投资2亿元": the amount follows the predicate.
                p.investment = p.investment.or_else(|| amount_near(cx, start, clause_end, s));
                out.push(p);
            }
        }
    }
    out
}

/// "抓好某某创作基地和某某产业园落地": a base or park that a verb of building or attracting takes
/// as its object is a project too, though its name does not end in 项目.
fn named_sites(cx: &Context, s: &Sentence) -> Vec<ProjectMention> {
    let chars = cx.chars;
    let mut out: Vec<ProjectMention> = Vec::new();
    let mut heads: Vec<(usize, usize)> = ["产业园", "基地"]
        .iter()
        .flat_map(|h| find_all(chars, s.start, s.end, h).into_iter().map(move |at| (at, at + h.chars().count())))
        .collect();
    heads.sort_unstable();
    for (at, end) in heads {
        if ends_with_any(chars, (end + 2).min(s.end), &["项目"]) || chars.get(end).is_some_and(|&c| c == '项') {
            continue;
        }
        let start = name_start(cx, at, s.start);
        // Taken by a verb ("抓好…基地"), or listed right after a site so taken ("…基地和…产业园").
        let by_verb = ends_with_any(chars, start, &LEFT_STOPS) || ends_with_any(chars, start, &["抓好", "打造", "谋划"]);
        let listed = ends_with_any(chars, start, &["和", "、", "及"]) && out.last().is_some_and(|p| p.end + 1 == start);
        let taken = start > s.start && (by_verb || listed);
        if !taken || end - start < 5 || !is_specific(cx, start, at) {
            continue;
        }
        if let Some(p) = build(cx, s, start, end) {
            out.push(p);
        }
    }
    out
}

/// "紧盯项目", "部门促项目", "二要强化重点项目": 项目 as the object of a verb, not a name's head.
/// A one-character verb right before it, a verb that opens the name, or a modal 要 inside it.
fn is_object_of_verb(cx: &Context, start: usize, head: usize) -> bool {
    // "坚持项目", "加紧完善新建项目", "一份份项目": nothing specific after the leading verbs and counts.
    let after_verbs = cx.tokens.skip_words_tagged(start, head, &["v", "vd", "m", "q", "d", "ad"]);
    if after_verbs > start && !is_specific(cx, after_verbs, head + 2) {
        return true;
    }
    let mut k = head;
    // Step back over generic qualifiers: "推介优质项目", "研究重点项目".
    while let Some(w) = cx.lex.project_generic_words.iter().find(|w| ends_with_at(cx.chars, k, w) && k - w.chars().count() >= start) {
        k -= w.chars().count();
    }
    cx.lex.project_object_verbs.longest_ending_at(cx.chars, k).is_some_and(|n| k - n >= start.saturating_sub(4))
}

/// "项目194个", "项目数", "项目库", "项目总数": counts and collections.
fn is_aggregate_after(chars: &[char], end: usize) -> bool {
    match chars.get(end) {
        Some(c) if c.is_ascii_digit() => true,
        Some('库' | '数' | '个' | '共' | '群' | '包') => true,
        Some('总') => matches!(chars.get(end + 1), Some('数' | '量')),
        _ => false,
    }
}

/// "12个项目", "一批重大项目", "等10个代表项目": the word before is a quantity.
/// Is 项目 at `at` a word here, or the end of one ("工程项目"), not the end of one word and the
/// start of the next ("各项/目标")?
fn is_word_here(cx: &Context, at: usize) -> bool {
    let crosses = |k: usize| cx.tokens.word_at(k).is_some_and(|(s, e, _)| *s < k && *e > k);
    let ends_with_it = cx.tokens.word_at(at).is_some_and(|(_, e, _)| *e == at + 2);
    (ends_with_it || !crosses(at)) && !crosses(at + 2)
}

/// Words inside a name that count the projects it speaks of ("多个胶合板项目", "若干…项目").
const COUNTING_WORDS: [&str; 5] = ["多个", "若干", "一批", "部分", "一些"];

/// "全市重点项目", "某区重大项目", "多个某某项目": the words before 项目 speak of a class of projects.
fn names_a_class(cx: &Context, start: usize, at: usize) -> bool {
    let chars = cx.chars;
    let head = cx.lex.project_category_heads.longest_ending_at(chars, at).is_some_and(|n| at - n >= start && cx.tokens.starts[at - n]);
    let counted =
        (start..at).any(|k| COUNTING_WORDS.iter().any(|w| ends_with_at(chars, k + w.chars().count(), w) && k + w.chars().count() <= at));
    head || counted
}

fn is_quantified_before(chars: &[char], at: usize) -> bool {
    let before: String = chars[at.saturating_sub(6)..at].iter().collect();
    before.contains("一批")
        || before.ends_with('个')
        || before.ends_with("个代表")
        || before.ends_with("个重点")
        || before.ends_with("批")
        || before.ends_with("一批重大")
        || before.ends_with("个重大")
}

fn name_start(cx: &Context, end_of_head: usize, limit: usize) -> usize {
    let chars = cx.chars;
    let mut k = end_of_head;
    while k > limit && end_of_head - k < 30 {
        if let Some(p) = cx.places_at.ending_at(k).map(|p| &cx.places[p]).find(|p| p.start >= limit) {
            k = p.start;
            continue;
        }
        if let Some(o) = cx.orgs_at.ending_at(k).map(|o| &cx.orgs[o]).find(|o| o.org_type != OrgType::Company && o.start >= limit) {
            k = o.start;
            continue;
        }
        let c = chars[k - 1];
        if !(is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '·' | '/' | '(' | ')' | '.' | '（' | '）')) {
            break;
        }
        if c == '的' || cx.orgs_at.ending_at(k).any(|o| cx.orgs[o].org_type == OrgType::Company) {
            break;
        }
        if ends_with_any(chars, k, &LEFT_STOPS)
            || cx.lex.stop_before.longest_ending_at(chars, k).is_some_and(|n| cx.tokens.aligned(k - n, k))
        {
            break;
        }
        if ends_with_any(chars, k, &["活动", "仪式", "会议"]) {
            break;
        }
        k -= 1;
    }
    k
}

/// A name that only says what kind of project it is ("生态农业项目", "光伏发电项目") is a project only
/// when the text singles it out: with an amount or an investor beside it, or with a proper core in
/// the name itself. A piece of a clause ("…要想方设法抓项目") never is.
fn is_singled_out(cx: &Context, p: &ProjectMention) -> bool {
    !is_clause_piece(cx, p.start, p.end)
        && (p.investment.is_some()
            || p.investor.is_some()
            || p.place_org.is_some()
            || has_proper_core(cx, p.start, p.end)
            || status_follows(cx, p.end))
}

/// The candidates of a sentence that are singled out, and those joined to one of them by 和, 及, 与
/// or 、 ("推动某某项目和某某项目的建设": the pair is reported on together).
fn singled_out(cx: &Context, candidates: Vec<ProjectMention>) -> Vec<ProjectMention> {
    let mut keep: Vec<bool> = candidates.iter().map(|p| is_singled_out(cx, p)).collect();
    let joined = |a: &ProjectMention, b: &ProjectMention| {
        b.start == a.end + 1 && matches!(cx.chars[a.end], '和' | '及' | '与' | '、') && !is_clause_piece(cx, b.start, b.end)
    };
    for i in 1..candidates.len() {
        if keep[i - 1] != keep[i]
            && joined(&candidates[i - 1], &candidates[i])
            && !is_clause_piece(cx, candidates[i - 1].start, candidates[i - 1].end)
        {
            keep[i - 1] = true;
            keep[i] = true;
        }
    }
    candidates.into_iter().zip(keep).filter_map(|(p, k)| k.then_some(p)).collect()
}

/// "…项目正式签约", "…项目的建设", "…项目落地": the text reports what happens to this project.
fn status_follows(cx: &Context, end: usize) -> bool {
    let after = cx.tokens.skip_function_words(end + usize::from(cx.chars.get(end) == Some(&'的')), (end + 5).min(cx.chars.len()));
    STATUS_WORDS.iter().map(|(w, _)| *w).chain(["建设"]).any(|w| ends_with_at(cx.chars, after + w.chars().count(), w))
}

/// An organisation, a place, a proper noun or a capacity or phase inside the name.
fn has_proper_core(cx: &Context, start: usize, end: usize) -> bool {
    let body = end.saturating_sub(2).max(start);
    !cx.orgs_at.within(start, body).is_empty()
        || cx.places_at.within(start, body).into_iter().any(|p| !place_then_verb(cx, cx.places[p].end, body))
        || (start..body).any(|k| cx.lex.project_name_markers.longest_starting_at(cx.chars, k).is_some_and(|n| k + n <= body))
        || cx.tokens.words_within(start, body).any(|(a, b, tag)| {
            // jieba tags some verb phrases as proper nouns ("大力发展/nz"): a verb that takes projects is none.
            b - a >= 2
                && matches!(tag.as_str(), "nr" | "ns" | "nt" | "nz" | "nrt" | "nrfg")
                && !cx.places_at.any_covering(*a)
                && !cx.lex.project_object_verbs.contains(&collect(&cx.chars[*a..*b]))
        })
}

/// "某县进行项目": after the place, only a verb before 项目.
fn place_then_verb(cx: &Context, from: usize, body: usize) -> bool {
    let mut words = cx.tokens.words_within(from, body);
    matches!((words.next(), words.next()), (Some((_, b, tag)), None) if *b == body && tag == "v")
}

/// A word of its own that only a clause holds: an adverb, an aspect particle, or a modal verb or
/// preposition such as 要 or 向.
fn is_clause_piece(cx: &Context, start: usize, end: usize) -> bool {
    cx.tokens.words_within(start, end).any(|(a, b, tag)| {
        // A one-character adverb may be a brand's character ("恒正仪表"), jieba tags 一期 an adverb,
        // and 与 and 和 join names.
        matches!(tag.as_str(), "uz" | "ul" | "ug" | "y")
            || (tag == "d" && b - a >= 2 && !cx.lex.project_name_markers.contains(&collect(&cx.chars[*a..*b])))
            || (b - a == 1 && cx.lex.clause_particles.contains(&collect(&cx.chars[*a..*b])))
    })
}

/// Is anything left of the name once the places, dates and generic qualifiers are taken out?
fn is_specific(cx: &Context, start: usize, end: usize) -> bool {
    let mut core: String = (start..end).filter(|&k| !cx.places_at.any_covering(k)).map(|k| cx.chars[k]).collect();
    core = core.trim_end_matches("项目").to_string();
    for w in &cx.lex.project_generic_words {
        core = core.replace(w.as_str(), "");
    }
    core.retain(|c| !c.is_ascii_digit() && !matches!(c, '个' | '年' | '第'));
    core.chars().count() >= 2
}

fn build(cx: &Context, s: &Sentence, start: usize, end: usize) -> Option<ProjectMention> {
    if end <= start {
        return None;
    }
    let name = collect(&cx.chars[start..end]);
    if !is_specific(cx, start, end) || name.chars().count() < 4 {
        return None;
    }
    let clause = clause_start(cx.chars, start, s.start);
    let place = cx
        .places_at
        .within(start, end)
        .first()
        .copied()
        .or_else(|| cx.places_at.within(clause + 1, start).into_iter().rev().find(|&p| cx.chars[cx.places[p].start - 1] == '在'))
        .map(|p| cx.places[p].division);
    let place_org = cx
        .orgs_at
        .starting_at(start)
        .map(|o| &cx.orgs[o])
        .find(|o| o.end < end && o.org_type == OrgType::Other)
        .map(|o| o.name.clone())
        .or_else(|| place_after_verb(cx, end, s.end));
    let investor = investor_before(cx, start, s.start).or_else(|| investing_subject(cx, clause, start));
    Some(ProjectMention {
        start,
        end,
        name,
        investment: amount_near(cx, start, end, s),
        place,
        place_org,
        investor,
        status: status_near(cx.chars, start, end, s),
    })
}

/// Where the clause holding `at` starts (after the last comma or semicolon before it).
fn clause_start(chars: &[char], at: usize, limit: usize) -> usize {
    (limit..at).rev().find(|&k| matches!(chars[k], '，' | '；' | '：')).map_or(limit, |k| k + 1)
}

/// "某某公司将在某区投资8.6亿元建设…项目": the company that opens the clause and invests.
fn investing_subject(cx: &Context, clause: usize, start: usize) -> Option<String> {
    let company = cx.orgs_at.within(clause, start).into_iter().map(|o| &cx.orgs[o]).find(|o| o.org_type == OrgType::Company)?;
    let between: String = cx.chars[company.end..start].iter().collect();
    ["投资", "建设", "新建", "实施", "打造", "落地"].iter().any(|v| between.contains(v)).then(|| company.name.clone())
}

/// "…项目签约落户某某经济开发区", "…项目落户X": the zone or place after the verb.
fn place_after_verb(cx: &Context, end: usize, limit: usize) -> Option<String> {
    let window = (end + 8).min(limit);
    cx.orgs_at
        .starting_in(end, window + 1)
        .into_iter()
        .map(|o| &cx.orgs[o])
        .find(|o| o.org_type == OrgType::Other)
        .filter(|o| ends_with_any(cx.chars, o.start, &["签约", "落户", "落地", "入驻"]))
        .map(|o| o.name.clone())
}

/// A company written just before the name ("某某有限公司新投产的…项目", "在某某公司…项目").
fn investor_before(cx: &Context, start: usize, limit: usize) -> Option<String> {
    cx.orgs_at
        .ending_in(start.saturating_sub(5), start + 1)
        .into_iter()
        .map(|o| &cx.orgs[o])
        .filter(|o| o.org_type == OrgType::Company && o.start >= limit)
        .max_by_key(|o| o.end)
        .map(|o| o.name.clone())
}

/// "总投资8亿元的…" just before the name, or "…项目，总投资X元" / "投资X元" right after it.
fn amount_near(cx: &Context, start: usize, end: usize, s: &Sentence) -> Option<String> {
    let invests = |m: &&Money| ends_with_any(cx.chars, m.start, &["投资", "总投资", "投资额", "签约额"]);
    // Right before the name: "总投资8亿元的…", "投资12亿元建设的…".
    let joined = |m: &&Money| {
        let gap: String = cx.chars[m.end..start].iter().collect();
        gap.is_empty() || gap == "的" || ["建设的", "新建的", "实施的", "打造的", "建设"].contains(&gap.as_str())
    };
    // Or earlier in the same stretch of the sentence, with no other project in between:
    // "某公司投资5000万元，在某县建设…项目".
    let same_stretch = |m: &&Money| {
        let gap: String = cx.chars[m.end..start].iter().collect();
        gap.chars().count() <= 16 && !gap.contains("项目") && !gap.contains('；') && !gap.contains('。')
    };
    // Both ask for a gap of at most 16 characters: only amounts ending that close are candidates.
    let before_candidates = || {
        let close_by = cx.money_at.ending_in(start.saturating_sub(16), start + 1);
        close_by.into_iter().map(|m| &cx.money[m]).filter(|m| m.start >= s.start).filter(invests)
    };
    let before =
        before_candidates().filter(joined).max_by_key(|m| m.end).or_else(|| before_candidates().filter(same_stretch).max_by_key(|m| m.end));
    let after = cx
        .money_at
        .starting_in(end, end + 9)
        .into_iter()
        .map(|m| &cx.money[m])
        .filter(|m| m.end <= s.end)
        .filter(|m| ends_with_any(cx.chars, m.start, &["投资", "总投资", "投资额", "投资达"]))
        .min_by_key(|m| m.start);
    before.or(after).map(|m| m.yuan.clone())
}

/// The status verb nearest to the name within its sentence.
fn status_near(chars: &[char], start: usize, end: usize, s: &Sentence) -> Option<ProjectStatus> {
    let mut best: Option<(usize, ProjectStatus)> = None;
    for (w, st) in STATUS_WORDS {
        // "建成后可实现…": what will follow completion, not the project's state.
        for at in find_all(chars, s.start, s.end, w).into_iter().filter(|&at| chars.get(at + 2) != Some(&'后')) {
            let dist = if at >= end {
                at - end
            } else if at + 2 <= start {
                start - at - 2
            } else {
                0
            };
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, st));
            }
        }
    }
    best.filter(|(d, _)| *d <= 30).map(|(_, st)| st)
}

/// "A、B、C及D等10个项目": the items of the list, each a project.
fn listed_projects(cx: &Context, s: &Sentence) -> Vec<ProjectMention> {
    let chars = cx.chars;
    let mut out = Vec::new();
    for deng in find_all(chars, s.start, s.end, "等") {
        let after: String = chars[deng + 1..s.end.min(deng + 24)].iter().collect();
        let Some(head_end) = after.find("项目").map(|b| after[..b].chars().count()) else { continue };
        let between: String = after.chars().take(head_end).collect();
        if !(between.contains('个') || between.contains('批')) || between.contains('，') {
            continue;
        }
        // "…等13个企业（项目）": a list of companies, not of projects.
        if ["企业", "公司", "单位"].iter().any(|w| between.contains(w)) {
            continue;
        }
        out.extend(list_items(cx, s, deng));
    }
    out
}

fn list_items(cx: &Context, s: &Sentence, list_end: usize) -> Vec<ProjectMention> {
    let chars = cx.chars;
    // Items run back to the start of the clause.
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut end = list_end;
    let mut k = list_end;
    loop {
        if k == s.start || matches!(chars[k - 1], '，' | '：' | '；' | '。') {
            items.push((k, end));
            break;
        }
        if chars[k - 1] == '、' || (chars[k - 1] == '及' && end - k >= 2) || (chars[k - 1] == '和' && end - k >= 3) {
            items.push((k, end));
            end = k - 1;
        }
        k -= 1;
    }
    let mut out = Vec::new();
    for (a, b) in items.into_iter().rev() {
        // The first item carries the clause's verb: "共签约特钢线材研发" → "特钢线材研发".
        let a = item_start(cx, a, b, &["了"]);
        if let Some(money) = cx.money_at.starting_in(a, b).into_iter().map(|m| &cx.money[m]).find(|m| m.end < b) {
            // "某某开发区总投资4亿元的新型材料"
            let name_from = if chars.get(money.end) == Some(&'的') { money.end + 1 } else { money.end };
            if let Some(mut p) = build_item(cx, s, name_from, b) {
                p.investment = Some(money.yuan.clone());
                p.place = cx.places_at.within(a, money.start).first().map(|&pl| cx.places[pl].division);
                p.place_org = cx
                    .orgs_at
                    .within(a, money.start)
                    .into_iter()
                    .map(|o| &cx.orgs[o])
                    .find(|o| o.org_type == OrgType::Other)
                    .map(|o| o.name.clone());
                out.push(p);
            }
        } else if let Some(p) = build_item(cx, s, cx.tokens.skip_function_words(item_start(cx, a, b, &["了", "的"]), b), b) {
            out.push(p);
        }
    }
    out
}

/// Where a list item's name starts: after the last verb of the clause or particle in `particles`.
fn item_start(cx: &Context, a: usize, b: usize, particles: &[&str]) -> usize {
    let mut best = a;
    for k in a..b {
        if ends_with_any(cx.chars, k, &LEFT_STOPS) || ends_with_any(cx.chars, k, particles) {
            best = k;
        }
    }
    best
}

fn build_item(cx: &Context, s: &Sentence, a: usize, b: usize) -> Option<ProjectMention> {
    let item = collect(&cx.chars[a..b]);
    if item.chars().count() < 2 {
        return None;
    }
    let mut p = build(cx, s, a, b).or_else(|| {
        // build() wants a specific name; items are short ("碳基复合材料"), so check them alone.
        is_specific(cx, a, b).then(|| ProjectMention {
            start: a,
            end: b,
            name: item.clone(),
            investment: None,
            place: None,
            place_org: None,
            investor: None,
            status: status_near(cx.chars, a, b, s),
        })
    })?;
    if !["项目", "产业园", "基地", "园区", "工程"].iter().any(|h| p.name.ends_with(h)) {
        p.name.push_str("项目");
    }
    p.investor = None;
    Some(p)
}

/// "该项目计划投资2亿元": the amount belongs to the project named just before.
/// "该项目由某集团投资建设，总投资6.5亿元": the amount and the investor of the sentence belong to
/// the project named just before.
fn attach_anaphoric_amounts(cx: &Context, projects: &mut [ProjectMention]) {
    // Only attributes change below, not spans: one index serves the whole pass.
    let projects_at = SpanIndex::of(projects);
    for at in find_all(cx.chars, 0, cx.chars.len(), "该项目") {
        let Some(s) = sentence_at(cx.sentences, at).map(|i| &cx.sentences[i]) else { continue };
        // The project ending last within 200 characters before.
        let near = projects_at.ending_in(at.saturating_sub(199), at + 1);
        let Some(&p) = near.iter().max_by_key(|&&p| projects[p].end) else { continue };
        let p = &mut projects[p];
        let amount = cx
            .money_at
            .within(at + 1, s.end)
            .into_iter()
            .map(|m| &cx.money[m])
            .find(|m| m.start - at <= 10 || ends_with_any(cx.chars, m.start, &["投资", "总投资", "计划投资", "拟投资"]));
        if let Some(m) = amount {
            p.investment.get_or_insert_with(|| m.yuan.clone());
        }
        let investor =
            cx.orgs_at.within(at + 1, s.end).into_iter().map(|o| &cx.orgs[o]).filter(|o| o.org_type == OrgType::Company).find(|o| {
                cx.chars.get(o.start - 1) == Some(&'由')
                    && ends_with_any(&cx.chars[..(o.end + 2).min(s.end)], (o.end + 2).min(s.end), &["投资"])
            });
        if let Some(o) = investor {
            p.investor.get_or_insert_with(|| o.name.clone());
        }
    }
}

/// Heads of sites presented as projects after an amount: "投资12亿元的冷链物流园".
const SITE_HEADS: [&str; 6] = ["产业园", "物流园", "加工园", "基地", "园区", "工程"];

/// "投资20亿元的光伏基地、投资8亿元的冷链物流园": sites with an amount written before them.
fn invested_sites(cx: &Context, known: &[ProjectMention]) -> Vec<ProjectMention> {
    let chars = cx.chars;
    let known_at = SpanIndex::of(known);
    let mut out = Vec::new();
    for m in cx.money {
        if chars.get(m.end) != Some(&'的') || !ends_with_any(chars, m.start, &["投资", "总投资"]) {
            continue;
        }
        let from = m.end + 1;
        let stop = (from..chars.len().min(from + 16)).find(|&k| !is_cjk(chars[k]) || chars[k] == '、').unwrap_or(from);
        let Some(end) = (from + 2..=stop).rev().find(|&e| ends_with_any(chars, e, &SITE_HEADS)) else { continue };
        if known_at.any_overlapping(from, end) {
            continue;
        }
        // The sentence holding `from`, if it holds the whole name.
        let Some(s) = sentence_at(cx.sentences, from).map(|i| &cx.sentences[i]).filter(|s| end <= s.end) else { continue };
        out.push(ProjectMention {
            start: from,
            end,
            name: collect(&chars[from..end]),
            investment: Some(m.yuan.clone()),
            place: None,
            place_org: None,
            investor: None,
            status: status_near(chars, from, end, s),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;

    /// Name, investment, place, investor, status.
    type Row = (String, Option<String>, Option<String>, Option<String>, Option<&'static str>);

    fn projects(s: &str) -> Vec<Row> {
        extract(s).projects.into_iter().map(|p| (p.name, p.investment, p.place, p.investor, p.status.map(|s| s.as_str()))).collect()
    }

    #[test]
    fn a_named_project_with_amount_place_investor_and_status() {
        let p = projects("洛阳恒远重工机械有限公司新投产的年产2万台智能农机项目总投资6.5亿元，位于孟津区。");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "年产2万台智能农机项目");
        assert_eq!(p[0].1.as_deref(), Some("650000000"));
        assert_eq!(p[0].3.as_deref(), Some("洛阳恒远重工机械有限公司"));
        assert_eq!(p[0].4, Some("in_production"));
    }

    #[test]
    fn list_items_become_projects() {
        let names: Vec<String> = projects("现场共签约光学镜片研发、冷链物流及智慧养老等8个项目。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["光学镜片研发项目", "冷链物流项目", "智慧养老项目"]);
    }

    #[test]
    fn amounts_before_the_name_and_anaphora() {
        let p = projects("栾川县总投资3亿元的矿山生态修复、宜阳县总投资2亿元的冷链仓储等5个项目集中开工。");
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].1.as_deref(), Some("300000000"));
        assert_eq!(p[0].2.as_deref(), Some("栾川县"));
        let p = projects("活动在宜阳县光伏组件项目现场举行。该项目计划投资4.2亿元。");
        assert_eq!(p[0].1.as_deref(), Some("420000000"), "{p:?}");
    }

    #[test]
    fn amounts_earlier_in_the_stretch_and_after_an_anaphor() {
        let p = projects("洛阳恒远文旅发展有限公司投资3000万元，在嵩县建设白云山露营基地项目。");
        assert_eq!(p[0].1.as_deref(), Some("30000000"), "{p:?}");
        let p = projects("豫西恒通集团投资8亿元建设的新型建材产业园项目进展顺利。");
        assert_eq!(p[0].1.as_deref(), Some("800000000"), "{p:?}");
        let p = projects("会议观摩了孟津区智能农机装备产业园项目。该项目由洛阳禾田重工集团投资建设，总投资6.5亿元。");
        assert_eq!(p[0].1.as_deref(), Some("650000000"), "{p:?}");
        assert_eq!(p[0].3.as_deref(), Some("洛阳禾田重工集团"), "{p:?}");
    }

    #[test]
    fn the_investing_company_and_place_of_the_clause() {
        let p = projects("根据协议，陕西禾润农业科技有限公司将在横山区投资8.6亿元建设年加工30万吨马铃薯深加工项目。");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].1.as_deref(), Some("860000000"));
        assert_eq!(p[0].2.as_deref(), Some("横山区"));
        assert_eq!(p[0].3.as_deref(), Some("陕西禾润农业科技有限公司"));
        assert!(projects("听取各乡镇和有关部门项目进展情况汇报。").is_empty());
    }

    #[test]
    fn bases_and_parks_taken_by_a_verb_are_projects() {
        let names: Vec<String> = projects("要抓好智慧物流示范基地和河洛数字文创产业园落地。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, vec!["智慧物流示范基地", "河洛数字文创产业园"]);
        // A base on a list of designations is not a project.
        assert!(projects("我市两个外贸转型升级基地入选名单。").is_empty());
    }

    #[test]
    fn aggregates_and_objects_of_verbs_are_not_projects() {
        assert!(projects("全年共签约项目56个，总投资达120亿元，其中亿元以上项目18个。").is_empty());
        assert!(projects("各部门要紧盯项目、狠抓项目，推介优质项目，坚持项目为王。").is_empty());
        assert!(projects("12个项目现场集中签约。").is_empty());
    }

    #[test]
    fn kinds_of_project_and_pieces_of_clauses_are_not_projects() {
        assert!(projects("各乡镇要想方设法抓项目，大力发展生态农业项目。").is_empty());
        assert!(projects("座谈中，双方围绕加快风能开发项目进行了交流。").is_empty());
        assert!(projects("本镇部分重点项目进度偏慢，务必确保重点项目按期完工。").is_empty());
        // A kind named with a capacity, a place, a company or an amount is one project.
        let names: Vec<String> = projects("青川县年产8万吨饲料项目进展顺利。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, ["青川县年产8万吨饲料项目"]);
        // What the text reports happening to it singles it out, and whatever is joined to it.
        let names: Vec<String> = projects("要推动中药饮片项目和秸秆综合利用项目的建设。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, ["中药饮片项目", "秸秆综合利用项目"]);
    }

    #[test]
    fn a_class_of_projects_is_no_project() {
        for text in [
            "县长在会上通报了全县重点项目进展。",
            "该园区重大项目进展顺利，总投资8亿元。",
            "公司计划围绕北站相关项目扩大投入。",
            "双方就文旅合作项目交换了意见。",
            "今年镇里又有多个食品加工项目落地。",
            "确保各项目标按期实现。",
        ] {
            assert!(projects(text).is_empty(), "{text}: {:?}", projects(text));
        }
        // A word that ends in 项目 still heads a name ("…改建工程项目").
        let names: Vec<String> = projects("县道012线马坪至石门段改建工程项目昨日完工。").into_iter().map(|p| p.0).collect();
        assert_eq!(names, ["县道012线马坪至石门段改建工程项目"]);
    }

    #[test]
    fn a_list_of_companies_is_not_a_list_of_projects() {
        assert!(projects("调研组走访了青川恒泰机械有限公司、青川润禾食品有限公司等5个企业（项目）。").is_empty());
    }

    #[test]
    fn a_project_written_short_takes_its_full_name() {
        let p = projects("青川县润禾食品年产3万吨果蔬罐头项目开工。青川县果蔬罐头项目达产后年产值2亿元。");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "青川县润禾食品年产3万吨果蔬罐头项目");
    }

    #[test]
    fn a_site_said_to_be_a_project_is_one() {
        let p = projects("滨河湿地公园作为全县今年的民生工程，计划投资2.4亿元，年底完工。");
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].0, "滨河湿地公园");
        assert_eq!(p[0].1.as_deref(), Some("240000000"));
        // A project already named as one, or a body, is not a second project.
        assert_eq!(projects("该项目作为全市重点工程，进展顺利。").len(), 0);
        assert!(projects("市交通运输局作为牵头单位负责该项目。").is_empty());
    }
}
