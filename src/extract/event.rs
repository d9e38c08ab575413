//! Events: named meetings and activities ("…推介会", "…全会", "…活动"), visits ("某某到…调研",
//! "某某率队赴…考察"), with their date (year from the page), place and participants' roles.
//! Participants are read only inside the event's own article.

use super::date::DateMention;
use super::money::Money;
use super::organization::OrgMention;
use super::person::PersonMention;
use super::place::PlaceMention;
use super::spans::SpanIndex;
use super::tokens::Tokens;
use crate::lexicon::{collect, Lexicon};
use crate::model::{DateValue, Role};
use crate::text::chars::{ends_with_any, ends_with_at, find_all, is_cjk};
use crate::text::{sentence_at, Paragraph, ParagraphKind, Sentence};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub sentence: usize,
    pub date: Option<DateValue>,
    pub end_date: Option<DateValue>,
    /// A division, or an organisation's name, where it took place.
    pub place: Option<usize>,
    pub place_org: Option<String>,
    /// (person mention index, role, character position of the verb).
    pub participants: Vec<(usize, Role, usize)>,
    /// "签约项目32个", "总投资186亿元": totals stated for the event, not projects of their own.
    pub aggregate_projects: Option<u64>,
    pub aggregate_investment: Option<String>,
    /// Named in passing ("按照县委十五届六次全会的部署"): an occurrence of its own that the sentence
    /// is not reporting, so the persons and verbs around it are not its participants.
    pub in_passing: bool,
}

impl EventMention {
    fn new(
        span: (usize, usize),
        name: String,
        sentence: usize,
        date: Option<&DateMention>,
        place: (Option<usize>, Option<String>),
    ) -> Self {
        EventMention {
            start: span.0,
            end: span.1,
            name,
            sentence,
            date: date.map(|d| d.date),
            end_date: date.and_then(|d| d.end_date),
            place: place.0,
            place_org: place.1,
            participants: vec![],
            aggregate_projects: None,
            aggregate_investment: None,
            in_passing: false,
        }
    }
}

/// Qualifiers that make an event noun refer back to an event already named (此次活动, 座谈会上).
/// Verbs that locate a named event in time even when its sentence has no date.
const HELD: [&str; 10] = ["举行", "召开", "举办", "开幕", "闭幕", "出席", "参加", "主持", "启动", "落幕"];
/// Visit verbs: the person who does them leads the visit.
/// Verbs of a meeting between people: "甲会见乙一行", "甲与乙举行会谈", "甲与乙座谈交流".
const MEETINGS: [&str; 6] = ["会见", "接见", "会谈", "座谈", "拜访", "会晤"];
const VISITS: [&str; 13] =
    ["学习考察", "观摩考察", "考察招商", "调研", "考察", "视察", "执法检查", "督导检查", "明查暗访", "督查", "走访", "检查", "察看"];

pub struct Context<'a> {
    pub lex: &'a Lexicon,
    pub chars: &'a [char],
    pub tokens: &'a Tokens,
    pub sentences: &'a [Sentence],
    pub persons: &'a [PersonMention],
    pub places: &'a [PlaceMention],
    pub orgs: &'a [OrgMention],
    pub dates: &'a [DateMention],
    pub paragraphs: &'a [Paragraph],
    pub money: &'a [Money],
    /// Where the persons, places, organisations, dates and amounts above stand.
    pub persons_at: &'a SpanIndex,
    pub places_at: &'a SpanIndex,
    pub orgs_at: &'a SpanIndex,
    pub dates_at: &'a SpanIndex,
    pub money_at: &'a SpanIndex,
}

/// Of each article, the first date with a day that its sentences hold, and whether every dated
/// day in it is that one (see inherited_date).
type ArticleDays = HashMap<usize, (DateValue, bool)>;

fn article_days(cx: &Context) -> ArticleDays {
    let mut days = ArticleDays::new();
    for d in cx.dates.iter().filter(|d| d.date.day.is_some()) {
        // Sentences do not overlap: only the one holding the date's start may hold it all.
        let Some(x) = sentence_at(cx.sentences, d.start).map(|i| &cx.sentences[i]).filter(|x| d.end <= x.end) else { continue };
        let entry = days.entry(x.article).or_insert((d.date, true));
        entry.1 &= entry.0 == d.date;
    }
    days
}

pub fn find_events(cx: &Context) -> Vec<EventMention> {
    let days = article_days(cx);
    let mut events: Vec<EventMention> = Vec::new();
    // Mentions that name an earlier event again (see antecedent), dropped at the end.
    let mut back_reference: Vec<bool> = Vec::new();
    let mut current: Option<usize> = None;
    let mut article = usize::MAX;
    for (si, s) in cx.sentences.iter().enumerate() {
        if s.article != article {
            article = s.article;
            current = None;
        }
        let mut here = named_events(cx, si, s);
        let visits_here = visits(cx, si, s, &here);
        here.extend(visits_here);
        let meetings_here = meetings(cx, si, s, &here, &events);
        here.extend(meetings_here);
        if here.is_empty() {
            here.extend(dated_occurrence(cx, si, s));
        }
        here.sort_by_key(|e| e.start);
        let first_new = events.len();
        for e in here {
            events.push(e);
        }
        back_reference.resize(events.len(), false);
        let in_sentence: Vec<usize> = (first_new..events.len()).filter(|&i| !events[i].in_passing).collect();
        // A sentence dated to another day moves on from the current event: what it reports
        // ("3月14日，某某会见…，某某参加") did not happen there.
        // Only a date that opens the sentence or a clause reports another day ("3月14日，…");
        // one inside a clause ("将于8月20日结束") says more of the same event.
        let opens_clause =
            |d: &DateMention| cx.chars[s.start..d.start].iter().rev().take_while(|&&c| c != '，' && c != '；').all(|&c| !is_cjk(c));
        let other_day = |c: usize| {
            cx.dates_at
                .within(s.start, s.end)
                .into_iter()
                .map(|d| &cx.dates[d])
                .any(|d| d.date.day.is_some() && Some(d.date) != events[c].date && opens_clause(d))
        };
        if current.is_some_and(other_day) && in_sentence.is_empty() {
            current = None;
        }
        if in_sentence.is_empty() {
            if let Some(c) = current {
                add_participants(cx, s, &mut events[c], s.start);
                add_pronoun_speaker(cx, s, &mut events[c]);
                add_aggregates(cx, s, &mut events[c]);
            }
            continue;
        }
        for &i in &in_sentence {
            let dated = events[i].date.is_some();
            if !dated {
                events[i].date = inherited_date(&days, s, &events[i], current.map(|c| &events[c]));
            }
        }
        assign_roles_in_sentence(cx, s, &mut events, &in_sentence);
        if let Some(&last) = in_sentence.last() {
            add_aggregates(cx, s, &mut events[last]);
        }
        current = in_sentence.last().copied();
        // A shortened form of an event the article named before ("签约暨开工仪式" after "某区一季度
        //重点项目集中签约暨开工仪式") is that event: what this sentence says of it goes there.
        for &i in &in_sentence {
            if let Some(j) = antecedent(cx, &events, i) {
                let taken = std::mem::take(&mut events[i].participants);
                events[j].participants.extend(taken);
                back_reference[i] = true;
                if current == Some(i) {
                    current = Some(j);
                }
            }
        }
    }
    let mut dropped = back_reference.into_iter();
    events.retain(|_| !dropped.next().unwrap_or(false));
    // An event needs something that places it; a name in quotes ("“某某行”对接会") is a particular
    // event even where the text gives no day, place or person.
    events.retain(|e| {
        e.date.is_some() || !e.participants.is_empty() || e.place.is_some() || e.place_org.is_some() || e.name.contains('“') || e.in_passing
    });
    events
}

/// A digit or a Chinese numeral character (of "第72次", "十五届").
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十百零".contains(c)
}

/// Verbs that refer to a session's decisions rather than report the session.
const REFERRING: [&str; 11] = ["贯彻", "学习", "落实", "按照", "根据", "传达", "遵照", "依据", "对照", "提请", "提交"];

/// Is a referring verb written before the occurrence's ordinal ("落实县委十五届六次全会")?
fn is_referred_occurrence(cx: &Context, start: usize, noun_start: usize) -> bool {
    let at = occurrence_start(cx, start, noun_start);
    (start.saturating_sub(2)..at).any(|k| REFERRING.iter().any(|w| ends_with_any(cx.chars, k + w.chars().count(), &[w]) && k + 2 <= at))
}

/// Verbs by which a report tells what the meeting it is about did ("会议决定", "会议听取").
const MEETING_DID: [&str; 10] = ["决定", "指出", "强调", "要求", "听取", "审议", "研究", "通过", "认为", "提出"];

/// Does the sentence open with "会议" (or "会上") and one of those verbs?
fn reports_what_a_meeting_did(chars: &[char], s: &Sentence) -> bool {
    let opening = collect(&chars[s.start..(s.start + 6).min(s.end)]);
    ["会议", "会上", "会议还", "会上还"]
        .iter()
        .any(|m| opening.strip_prefix(m).is_some_and(|rest| MEETING_DID.iter().any(|v| rest.starts_with(v))))
}

/// What a meeting's decisions are called when a text refers to them ("…会议精神", "…全会部署").
const CITED_AFTER: [&str; 6] = ["精神", "部署", "决策部署", "重要讲话", "重要指示", "要求"];

/// "传达学习某某会议精神", "学习贯彻某某全会": the meeting named is the subject of study, not held.
fn is_cited(cx: &Context, start: usize, end: usize) -> bool {
    let chars = cx.chars;
    let after = end + usize::from(chars.get(end) == Some(&'的'));
    let cited_after = CITED_AFTER.iter().any(|w| ends_with_at(chars, after + w.chars().count(), w));
    // A referring verb earlier in the clause, with no verb of holding after it ("贯彻党的某某全会、
    // 某某会议和…精神"; but "按照要求召开某某会议" holds the meeting).
    let clause = (0..start).rev().take(60).take_while(|&k| !matches!(chars[k], '，' | '。' | '；' | '：')).last().unwrap_or(start);
    let stretch = collect(&chars[clause..start]);
    let referred_before = REFERRING.iter().filter_map(|w| stretch.rfind(w).map(|at| at + w.len())).max().is_some_and(|after| {
        let rest = &stretch[after..];
        !HELD.iter().any(|h| rest.contains(h))
    });
    cited_after || referred_before
}

/// Where an occurrence named in passing starts: at the bodies and places written just before its
/// ordinal ("县委十五届六次全会", "中国某某第5届樱花文化节"), or at the ordinal.
fn occurrence_start(cx: &Context, start: usize, end: usize) -> usize {
    let chars = cx.chars;
    let Some(mut k) = (start..end).find(|&k| chars[k] == '第' || (is_numeral(chars[k]) && (k == start || !is_numeral(chars[k - 1]))))
    else {
        return start;
    };
    while k > start {
        let body = cx.orgs_at.ending_at(k).map(|o| cx.orgs[o].start).chain(cx.places_at.ending_at(k).map(|p| cx.places[p].start)).min();
        match body.filter(|&b| b >= start) {
            Some(b) => k = b,
            None if ends_with_any(chars, k, &["中国"]) && k >= start + 2 => k -= 2,
            None => break,
        }
    }
    k
}

/// An ordinal of a session or an edition ("第72次", "十五届六次", "第三届") in the name, or a
/// conference of a whole province, city or county ("全省…大会").
/// What a meeting of the whole country or province is called at the end of its name.
const NATIONAL_MEETING_NOUNS: [&str; 5] = ["会议", "座谈会", "现场会", "推进会", "大会"];

fn is_named_occurrence(name: &[char]) -> bool {
    let ordinal = (1..name.len()).any(|k| {
        // "二十届三中全会": the plenums of a party congress are counted 一中, 二中…
        let plenum = name[k] == '中' && name.get(k + 1..k + 3).is_some_and(|w| w == ['全', '会']);
        (matches!(name[k], '届' | '次') || plenum) && is_numeral(name[k - 1]) && {
            let mut j = k;
            while j > 0 && is_numeral(name[j - 1]) {
                j -= 1;
            }
            // "第72次", or "十五届六次": a 届 number before the 次 (or 中全会) number.
            (j > 0 && name[j - 1] == '第') || (name[k] != '届' && j > 0 && name[j - 1] == '届')
        }
    });
    let whole = name.len() > 4 && matches!(name[..2], ['全', '省' | '市' | '县' | '国']) && name.ends_with(&['大', '会']);
    // "全省某某工作电视电话会议", "中央某某工作会议": a meeting of the whole country or province is
    // one occurrence, whether or not the page dates it.
    let national = name.len() > 4
        && matches!(name[..2], ['全', '省' | '国'] | ['中', '央'])
        && NATIONAL_MEETING_NOUNS.iter().any(|n| ends_with_at(name, name.len(), n));
    ordinal || whole || national
}

/// A qualifier that names no event: generic words only (see `event_generic_qualifiers.txt`), with
/// a leading division character, a conjunction or a count ("4次") allowed.
fn is_generic_qualifier(cx: &Context, q: &[char]) -> bool {
    let mut k = q.iter().take_while(|c| c.is_ascii_digit()).count();
    if k > 0 && q.get(k) == Some(&'次') {
        k += 1;
    }
    if q.get(k).is_some_and(|c| matches!(c, '县' | '市' | '区' | '省' | '及' | '和' | '与')) {
        k += 1;
    }
    let mut any = false;
    while k < q.len() {
        let Some(n) = cx.lex.event_generic_qualifiers.longest_starting_at(q, k) else { return false };
        k += n;
        any = true;
    }
    any
}

/// The earlier event of the same article that mention `i` names again by a shorter form of its
/// name (the nearest one), if `i` has no date of its own or the same one.
fn antecedent(cx: &Context, events: &[EventMention], i: usize) -> Option<usize> {
    let e = &events[i];
    let article = cx.sentences[e.sentence].article;
    (0..i).rev().find(|&j| {
        let a = &events[j];
        cx.sentences[a.sentence].article == article
            && a.name.len() > e.name.len()
            && a.name.ends_with(&e.name)
            && (e.date.is_none() || e.date == a.date)
    })
}

/// Named events in one sentence: the name runs left from the event noun to a function word.
fn named_events(cx: &Context, si: usize, s: &Sentence) -> Vec<EventMention> {
    let chars = cx.chars;
    let mut out: Vec<EventMention> = Vec::new();
    let sentence = collect(&chars[s.start..s.end]);
    let held = HELD.iter().any(|h| sentence.contains(h));
    let mut e = s.end;
    while e > s.start {
        let Some(n) = cx.lex.event_nouns.longest_ending_at(chars, e).filter(|&n| e - n >= s.start) else {
            e -= 1;
            continue;
        };
        // "会议室", "活动中心": the noun goes on into another word.
        // "某某会议精神" is what a meeting decided, unless the meeting is an ordinal session
        // ("某届某次全会精神"), an occurrence of its own that the text refers to.
        let spirit_of_session = chars.get(e) == Some(&'精') && {
            let start = event_name_start(cx, e - n, s.start);
            is_named_occurrence(&chars[start..e]) || is_named_occurrence(&chars[e.saturating_sub(n + 8)..e])
        };
        if chars.get(e).is_some_and(|&c| matches!(c, '室' | '中' | '场' | '精' | '纪'))
            && chars.get(e..e + 2).is_none_or(|w| w != ['中', '，'])
            && !spirit_of_session
        {
            e -= 1;
            continue;
        }
        let start = event_name_start(cx, e - n, s.start);
        let name = collect(&chars[start..e]);
        let qualifier = collect(&chars[start..e - n]);
        // "并介绍旅游节": what stands before the noun is a verb and its particles, not a name.
        let after_verbs = cx.tokens.skip_words_tagged(start, e - n, &["v", "vd", "c", "d", "p"]);
        let anaphoric = qualifier.chars().count() < 2
            || (after_verbs > start && e - n - after_verbs < 2)
            || cx.lex.event_back_references.longest_starting_at(&chars[start..e - n], 0).is_some()
            || is_generic_qualifier(cx, &chars[start..e - n]);
        let date = cx.dates_at.within(s.start, (start.max(s.start) + 40).min(e)).first().map(|&d| &cx.dates[d]);
        // A headline repeats its article's event: only a dated one stands on its own.
        let headline = cx.paragraphs.get(s.paragraph).is_some_and(|p| p.kind != ParagraphKind::Body);
        let located = date.is_some() || (held && !headline);
        // "十五届六次全会", "第72次常务会议", "第三届某某文化节", "全省某某大会": an occurrence that its
        // name alone singles out, even with no day and no verb of holding.
        let occurrence = !anaphoric && !headline && is_named_occurrence(&chars[start..e]);
        // "落实县委某某全会部署", "传达学习某某工作会议精神": a meeting referred to, whatever the
        // date of the sentence, is named in passing.
        let referred = !anaphoric && ((occurrence && is_referred_occurrence(cx, start, e - n)) || is_cited(cx, start, e));
        // A meeting cited without an ordinal ("学习市委经济工作会议精神") is no frame of its own,
        // unless the text dates it ("在某月某日某某会议上的重要讲话").
        let own_date =
            cx.dates_at.ending_in(start.saturating_sub(12), start + 1).into_iter().map(|d| &cx.dates[d]).find(|d| d.start >= s.start);
        if referred && !occurrence && own_date.is_none() {
            e = start.min(e - 1);
            continue;
        }
        let occurrence = occurrence || referred;
        let date = if referred { own_date } else { date };
        // "会议决定，某某会议于1月召开", "会议听取关于某某会议以来…的通报": what a meeting decided or
        // heard names other meetings in passing.
        let referred = referred || (occurrence && reports_what_a_meeting_did(chars, s));
        let located = located && !referred;
        // Named in passing, the name starts at the body or place that holds the occurrence ("落实
        // 省委十二届七次全会…": not at the verb).
        let (start, name) = if occurrence && !located {
            let from = occurrence_start(cx, start, e);
            (from, collect(&chars[from..e]))
        } else {
            (start, name)
        };
        if !anaphoric && (located || occurrence) && !out.iter().any(|o| o.start < e && start < o.end) {
            let mut m = EventMention::new((start, e), name, si, if located || referred { date } else { None }, event_place(cx, s, e));
            m.in_passing = !located;
            out.push(m);
        }
        e = start.min(e - 1);
    }
    joined_by_ji(chars, &mut out);
    out
}

/// "某某开工仪式暨2022年某某工程集中开工仪式": 暨 joins two names into the name of one event.
/// The mentions were found right to left; the one after 暨 comes first.
fn joined_by_ji(chars: &[char], found: &mut Vec<EventMention>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (later, earlier) = (&found[i], &found[i + 1]);
        let gap = &chars[earlier.end..later.start];
        let joins = gap.first() == Some(&'暨') && gap.len() <= 30 && gap.iter().all(|&c| is_cjk(c) || c.is_ascii_alphanumeric());
        if joins {
            let later = found.remove(i);
            let earlier = &mut found[i];
            earlier.end = later.end;
            earlier.name = collect(&chars[earlier.start..later.end]);
            earlier.date = earlier.date.or(later.date);
            if earlier.place.is_none() && earlier.place_org.is_none() {
                (earlier.place, earlier.place_org) = (later.place, later.place_org);
            }
        } else {
            i += 1;
        }
    }
}

fn event_name_start(cx: &Context, noun_start: usize, limit: usize) -> usize {
    let chars = cx.chars;
    let mut k = noun_start;
    let mut quotes = 0i32;
    while k > limit && noun_start - k < 45 {
        let c = chars[k - 1];
        match c {
            '”' => quotes += 1,
            '“' => quotes -= 1,
            _ => {}
        }
        if quotes < 0 {
            break;
        }
        let inside_quotes = quotes > 0 || c == '“';
        if !(inside_quotes || is_cjk(c) || c.is_ascii_alphanumeric() || matches!(c, '·' | '”' | '（' | '）' | '—')) {
            break;
        }
        if !inside_quotes && (c == '在' || c == '的' || c == '了' || c == '和' || c == '，') {
            break;
        }
        if !inside_quotes
            && ends_with_any(
                chars,
                k,
                &["出席", "列席", "参加", "召开", "举行", "举办", "主持", "开展", "组织", "以", "为", "已经", "经过", "宣布", "并"],
            )
        {
            break;
        }
        // A date ends the name, unless it is written inside the name's quotes ("“2024某某行”推介会").
        if !inside_quotes && cx.dates_at.first_ending_at(k).is_some() {
            break;
        }
        if cx.persons_at.first_ending_at(k).is_some() {
            break;
        }
        k -= 1;
    }
    k
}

/// "在上海举行", "在运城经济技术开发区主会场出席": the place after 在 in the event's sentence.
fn event_place(cx: &Context, s: &Sentence, event_end: usize) -> (Option<usize>, Option<String>) {
    let chars = cx.chars;
    for k in (event_end..s.end).filter(|&k| chars[k] == '在') {
        if let Some(p) = cx.places_at.first_starting_at(k + 1) {
            return (Some(cx.places[p].division), None);
        }
        if let Some(o) = cx.orgs_at.first_starting_at(k + 1) {
            return (None, Some(cx.orgs[o].name.clone()));
        }
    }
    (None, None)
}

/// "某某到市发改委调研", "某某率队赴长三角地区学习考察": a visit led by that person.
fn visits(cx: &Context, si: usize, s: &Sentence, named: &[EventMention]) -> Vec<EventMention> {
    let chars = cx.chars;
    let mut out = Vec::new();
    let date = cx.dates_at.within(s.start, s.end).first().map(|&d| &cx.dates[d]);
    for pi in cx.persons_at.within(s.start, s.end) {
        let p = &cx.persons[pi];
        // The visit verb after the person, before the end of the clause.
        let clause_end = (p.end..s.end).find(|&k| matches!(chars[k], '。' | '；')).unwrap_or(s.end);
        let mut found = None;
        // "甲在乙，丙，丁…的陪同下来某地调研": a long escort list runs over commas; the visit
        // verb is looked for after it.
        let scan_from = escort_end(chars, p.end, clause_end).unwrap_or(p.end);
        for k in scan_from..clause_end {
            // "调研组", "考察团": the visit word is part of a noun, not the visit itself.
            // "检查观摩…活动": the visit is the 观摩 the article names.
            let noun_follows = chars.get(k + 1).is_some_and(|c| matches!(c, '组' | '团' | '员' | '队' | '报' | '成' | '结'))
                || chars.get(k + 1..k + 3).is_some_and(|w| w == ['观', '摩']);
            if let Some(v) = VISITS.iter().find(|v| ends_with_any(chars, k + 1, &[v])).filter(|_| !noun_follows) {
                found = Some((k + 1, v.chars().count()));
                break;
            }
            if chars[k] == '，' && found.is_none() && k > scan_from + 30 {
                break;
            }
        }
        let Some((end, _)) = found else { continue };
        if date.is_none() && cx.paragraphs.get(s.paragraph).is_some_and(|p| p.kind != ParagraphKind::Body) {
            continue; // a headline repeats its article's visit
        }
        // The visit's own clause: the whole stretch, or the part after a comma that carries the
        // same subject on ("…出席了…仪式，并在某集团观摩考察").
        // "甲在乙、丙的陪同下到某地调研": those named in the escort attend the visit that 甲 leads.
        let escort_end = escort_end(chars, p.end, end);
        let between = collect(&chars[escort_end.unwrap_or(p.end)..end]);
        let clause = between.rsplit('，').next().unwrap_or(&between);
        // "甲带领某某，视察…": the clause after the comma goes on with the one who leads.
        let leads_on = ["带领", "率领", "率"].iter().any(|w| between[..between.len() - clause.len()].contains(w));
        let same_subject = clause.len() == between.len()
            || leads_on
            || ["并", "随后", "还", "又", "先后", "就", "围绕", "深入"].iter().any(|w| clause.starts_with(w));
        let moved = escort_end.is_some()
            || ["到", "赴", "在", "前往", "深入", "率队", "带队", "带领", "来到", "率", "来", "一行", "走进"]
                .iter()
                .any(|m| between.contains(m));
        // "甲欢迎乙一行来某地考察": the visit is the guest's; 甲 welcomes it.
        if !moved || !same_subject || ["参加", "陪同", "欢迎"].iter().any(|w| clause.contains(w)) {
            continue;
        }
        let clause_start = if escort_end.is_some() && clause.len() == between.len() { p.end } else { end - clause.chars().count() };
        if named.iter().any(|e| e.start < end && clause_start < e.end) {
            continue;
        }
        if out.iter().any(|e: &EventMention| e.end == end) {
            continue;
        }
        let from = visit_start(chars, escort_end.unwrap_or(clause_start), end);
        let name = format!("{}{}", p.name, collect(&chars[from..end]));
        let place = cx.places_at.within(from, end).first().map(|&pl| cx.places[pl].division);
        let place_org = cx.orgs_at.within(from, end).first().map(|&o| cx.orgs[o].name.clone());
        let mut visit = EventMention::new((p.start, end), name, si, date, (place, place_org));
        visit.participants.push((pi, Role::Led, end));
        if let Some(e) = escort_end {
            for q in cx.persons_at.within(p.end, e) {
                push_participant(&mut visit, q, Role::Attended, e);
            }
        }
        out.push(visit);
    }
    out
}

/// "省长甲在某地会见了某集团董事长乙一行", "甲、乙与某集团董事长丙举行会谈": a meeting whose name is
/// its hosts and the clause of the meeting verb; everyone named in that clause takes part.
fn meetings(cx: &Context, si: usize, s: &Sentence, found: &[EventMention], earlier: &[EventMention]) -> Vec<EventMention> {
    let chars = cx.chars;
    let mut out: Vec<EventMention> = Vec::new();
    let date = cx.dates_at.within(s.start, s.end).first().map(|&d| &cx.dates[d]);
    let headline = cx.paragraphs.get(s.paragraph).is_some_and(|p| p.kind != ParagraphKind::Body);
    for pi in cx.persons_at.within(s.start, s.end) {
        let host = &cx.persons[pi];
        if is_reporter(host) || is_referred_to(chars, host) || out.iter().any(|e| e.start <= host.start && host.end <= e.end) {
            continue;
        }
        let end = clause_end(chars, host.end, s.end);
        let Some((verb_at, verb_len)) = meeting_verb(chars, host.end, end) else { continue };
        // Another person's own verb between the host and the meeting: the meeting is theirs.
        if strongest_role(cx, host.end, verb_at).is_some() || (headline && date.is_none()) {
            continue;
        }
        if found.iter().chain(&out).any(|e| e.start < end && host.start < e.end) {
            continue;
        }
        // "考察期间，甲还与当地有关部门座谈": an undated meeting of one who leads a visit the article
        // reports is part of that visit.
        let leads_visit = earlier
            .iter()
            .filter(|e| cx.sentences[e.sentence].article == s.article)
            .any(|e| e.participants.iter().any(|&(q, role, _)| role == Role::Led && cx.persons[q].name == host.name));
        if date.is_none() && leads_visit {
            continue;
        }
        // The guests follow 与 or the verb; a name before them is a later host ("甲、省长乙会见…").
        let from = (host.end..verb_at).find(|&k| chars[k] == '与' || chars[k] == '同').unwrap_or(verb_at);
        if !cx.persons_at.starting_in(host.end, from).is_empty() {
            continue;
        }
        // The hosts: this person and those listed before it ("甲、乙与丙举行会谈").
        let mut hosts = vec![pi];
        while let Some(&prev) = cx.persons_at.within(s.start, cx.persons[hosts[0]].start).last() {
            let gap = collect(&chars[cx.persons[prev].end..cx.persons[hosts[0]].start]);
            if !is_list_gap(cx, &gap) {
                break;
            }
            hosts.insert(0, prev);
        }
        let verb = collect(&chars[verb_at..verb_at + verb_len]);
        let tail = collect(&chars[from..end]).replacen(&format!("{verb}了"), &verb, 1);
        let names: Vec<&str> = hosts.iter().map(|&h| cx.persons[h].name.as_str()).collect();
        let name: String = format!("{}{}", names.join("、"), tail).chars().take(MEETING_NAME_CHARS).collect();
        let first = cx.persons[hosts[0]].start;
        let mut meeting = EventMention::new((first, end), name, si, date, event_place(cx, s, host.end));
        for &h in &hosts {
            push_participant(&mut meeting, h, Role::Attended, verb_at);
        }
        // The guests: after 与 ("甲与乙座谈") or after the verb ("甲会见乙").
        for guest in cx.persons_at.within(from.min(verb_at), end) {
            if !is_reporter(&cx.persons[guest]) {
                push_participant(&mut meeting, guest, Role::Attended, verb_at);
            }
        }
        out.push(meeting);
    }
    out
}

/// The longest name given to a meeting (hosts and the clause of the verb).
const MEETING_NAME_CHARS: usize = 60;

/// A meeting verb in `[from, to)`, not the start of a noun ("座谈会", "会见室", "会谈纪要").
fn meeting_verb(chars: &[char], from: usize, to: usize) -> Option<(usize, usize)> {
    (from..to).find_map(|k| {
        let verb = MEETINGS.iter().find(|v| ends_with_any(chars, k + v.chars().count(), &[v]))?;
        let n = verb.chars().count();
        // "会见中，…" is during the meeting; "会见中国某集团…" meets a guest.
        let during = chars.get(k + n) == Some(&'中') && chars.get(k + n + 1).is_none_or(|&c| !is_cjk(c));
        let noun = during || chars.get(k + n).is_some_and(|c| matches!(c, '会' | '室' | '厅' | '纪' | '时' | '后' | '前'));
        (k + n <= to && !noun).then_some((k, n))
    })
}

/// "在某某、某某（的）陪同下": where the escort that opens the clause after a name ends.
fn escort_end(chars: &[char], after_person: usize, verb_end: usize) -> Option<usize> {
    if chars.get(after_person) != Some(&'在') {
        return None;
    }
    let until = (after_person..verb_end).find(|&k| matches!(chars[k], '。' | '；')).unwrap_or(verb_end);
    find_all(chars, after_person, until, "陪同下").first().map(|&k| k + 3)
}

/// The visit's description starts at 到/赴/在/率队 after the person's name.
fn visit_start(chars: &[char], after_person: usize, verb_end: usize) -> usize {
    (after_person..verb_end).find(|&k| matches!(chars[k], '到' | '赴' | '在' | '率' | '带')).unwrap_or(after_person)
}

/// An event without its own date takes the date of the article's one reported day.
fn inherited_date(days: &ArticleDays, s: &Sentence, event: &EventMention, current: Option<&EventMention>) -> Option<DateValue> {
    let &(first, single_day) = days.get(&s.article)?;
    // Before any event of the article ("某月某日，某地现场彩旗飘扬。某某来此调研"), the article's one
    // day is the day of a visit or a meeting that opens it: an action of people, not a name that
    // may only be cited.
    let opens_article = current.is_none() && !event.participants.is_empty();
    (single_day && (opens_article || current.is_some_and(|c| c.date == Some(first)))).then_some(first)
}

/// Roles of the persons in a sentence that names events: each person takes the verbs between the
/// previous event (or the person) and the event, plus a tail such as "并致辞".
fn assign_roles_in_sentence(cx: &Context, s: &Sentence, events: &mut [EventMention], in_sentence: &[usize]) {
    let last = *in_sentence.last().expect("events in the sentence");
    for pi in cx.persons_at.within(s.start, s.end) {
        let p = &cx.persons[pi];
        if is_reporter(p) || is_referred_to(cx.chars, p) {
            continue;
        }
        for &i in in_sentence {
            let (start, end) = (events[i].start, events[i].end);
            let clause_end = |from: usize| role_clause_end(cx.chars, s, events, in_sentence, i, from);
            let region = if p.end <= start {
                // Before the event: the verbs from the person (or the previous event) to the
                // event's own clause ("出席…推介会并致辞").
                let prev_end = in_sentence.iter().map(|&j| events[j].end).filter(|&e| e <= start).max().unwrap_or(s.start);
                Some((p.end.max(prev_end), clause_end(end)))
            } else if p.start >= start && p.end <= end {
                // Inside the event's description: "由某检查组副组长某某带领的检查组…".
                Some((p.end, clause_end(p.end)))
            } else if p.start >= end && i == last {
                // After the last event named in the sentence: "…调研，县委书记某某参加。"
                Some((p.end, s.end))
            } else {
                None
            };
            if let Some((from, to)) = region.filter(|(f, t)| f < t) {
                if let Some((role, at)) = strongest_role(cx, from, to) {
                    push_participant(&mut events[i], pi, role, at);
                }
            }
        }
    }
}

/// Where the clause from `from` ends: the next comma, full stop or semicolon.
fn clause_end(chars: &[char], from: usize, limit: usize) -> usize {
    (from..limit).find(|&k| matches!(chars[k], '，' | '。' | '；')).unwrap_or(limit)
}

/// Where the clause that holds the roles of event `i` ends. "，并…" goes on with the same subject's
/// doings ("到某局调研，并主持召开座谈会"), so the clause runs on past that comma, unless what follows
/// names another event of the sentence ("出席了…仪式，并在某集团观摩考察": the visit is its own).
fn role_clause_end(chars: &[char], s: &Sentence, events: &[EventMention], in_sentence: &[usize], i: usize, from: usize) -> usize {
    let first = clause_end(chars, from, s.end);
    let carried =
        (from..s.end).find(|&k| matches!(chars[k], '。' | '；') || (chars[k] == '，' && chars.get(k + 1) != Some(&'并'))).unwrap_or(s.end);
    let another_event = in_sentence.iter().any(|&j| j != i && first < events[j].end && events[j].end <= carried);
    if another_event {
        first
    } else {
        carried
    }
}

/// Persons in a later sentence of the event's article: "市领导某某、某某参加。"
fn add_participants(cx: &Context, s: &Sentence, event: &mut EventMention, from: usize) {
    for pi in cx.persons_at.within(from, s.end) {
        let p = &cx.persons[pi];
        if is_reporter(p) || is_referred_to(cx.chars, p) {
            continue;
        }
        if let Some((role, at)) = strongest_role(cx, p.end, s.end) {
            push_participant(event, pi, role, at);
        }
    }
}

/// "他指出，…": a sentence that opens with he or she and a verb of speaking gives that role to the
/// last person named before it, if that person already takes part in the event.
fn add_pronoun_speaker(cx: &Context, s: &Sentence, event: &mut EventMention) {
    if !matches!(cx.chars.get(s.start), Some('他' | '她')) {
        return;
    }
    let Some((role, at)) = strongest_role(cx, s.start + 1, clause_end(cx.chars, s.start, s.end)) else { return };
    let Some(pi) = cx.persons_at.last_ending_by(s.start) else { return };
    if role >= Role::Spoke && event.participants.iter().any(|(q, _, _)| *q == pi || cx.persons[*q].name == cx.persons[pi].name) {
        push_participant(event, pi, role, at);
    }
}

/// Persons who report, or who are only referred to ("学习贯彻某某总书记…精神"), take no part.
fn is_reporter(p: &PersonMention) -> bool {
    p.titles.iter().any(|t| t.text.ends_with("记者") || t.text.ends_with("通讯员") || t.text == "摄影")
}

fn is_referred_to(chars: &[char], p: &PersonMention) -> bool {
    ends_with_any(chars, p.start, &["贯彻", "学习", "落实", "按照", "根据", "关于", "遵循", "践行"])
}

/// The strongest role verb in `[from, to)`, skipping verbs that belong to a later person's clause
/// (another person with a verb of their own in between).
fn strongest_role(cx: &Context, from: usize, to: usize) -> Option<(Role, usize)> {
    let chars = cx.chars;
    // Stop at the next person not joined to the previous one as a list ("某、某", "某，副市长某").
    let mut stop = to;
    let mut previous_end = from;
    for p in cx.persons_at.starting_in(from, to).into_iter().map(|p| &cx.persons[p]) {
        let gap = collect(&chars[previous_end..p.start]);
        if !is_list_gap(cx, &gap) {
            stop = stop.min(p.start);
            break;
        }
        previous_end = p.end;
    }
    // "在某某陪同下调研": the escort's role is 陪同; the visit after it is the leader's.
    if let Some(&k) = find_all(chars, from, stop, "陪同下").first() {
        stop = k + 2;
    }
    let mut best: Option<(Role, usize)> = None;
    for k in from..stop {
        for (verb, role) in &cx.lex.roles {
            // "参加调研", "陪同考察": the visit is someone else's; the verb before it says the role.
            let joined = *role == Role::Led && ends_with_any(chars, k, &["参加", "陪同", "一同", "随同"]);
            if !joined && ends_with_any(chars, k + verb.chars().count(), &[verb]) && best.is_none_or(|(r, _)| *role > r) {
                best = Some((*role, k));
            }
        }
    }
    best
}

/// What may stand between two names of one list: separators ("、", "，", "和", "及"), then at most
/// the next item's description ("，市委常委、常务副市长", "，某某科技股份有限公司董事长", a word the
/// recogniser did not take for a name, "等"): no verb of a role and no clause break of its own.
fn is_list_gap(cx: &Context, gap: &str) -> bool {
    const SEPARATORS: [char; 6] = ['、', '，', ' ', '和', '及', '与'];
    if gap.chars().all(|c| SEPARATORS.contains(&c)) {
        return true;
    }
    // What a name cut short leaves before the separator ("周振|强、温文强"): a character or two.
    let residue = gap.chars().take(3).position(|c| matches!(c, '，' | '、')).unwrap_or(0);
    let separated: String = gap.chars().skip(residue).collect();
    let Some(rest) = separated
        .strip_prefix(['，', '、', ' '])
        .or_else(|| separated.strip_prefix("以及"))
        .or_else(|| separated.strip_prefix(['及', '和', '与', '等']))
    else {
        return false;
    };
    // "甲及其他班子成员，市领导乙": a group closed by a comma, then the next item's description.
    let rest = match rest.split_once('，') {
        Some((group, next)) if group.starts_with(['及', '等']) || separated.starts_with(['及', '和', '等']) => {
            if next.contains('，') {
                return false;
            }
            format!("{group}{next}")
        }
        _ => rest.to_string(),
    };
    let description_like = rest.chars().count() <= LIST_ITEM_CHARS && !rest.contains(['，', '。', '；', '：', '！', '？']);
    description_like && !cx.lex.roles.iter().any(|(verb, _)| gap.contains(verb.as_str()))
}

/// The longest description of one list item (the full names of two or three organisations, each
/// with a title).
const LIST_ITEM_CHARS: usize = 60;

/// Totals in a sentence of the event's article: the first count of projects ("签约项目32个",
/// "12个项目") and the first total amount ("总投资186亿元", "总签约额66.85亿元") it states.
fn add_aggregates(cx: &Context, s: &Sentence, event: &mut EventMention) {
    let text: Vec<char> = cx.chars[s.start..s.end].to_vec();
    if event.aggregate_projects.is_none() {
        event.aggregate_projects = project_count(&text);
    }
    if event.aggregate_investment.is_none() {
        event.aggregate_investment = cx
            .money_at
            .within(s.start, s.end)
            .into_iter()
            .map(|m| &cx.money[m])
            .find(|m| ends_with_any(cx.chars, m.start, &["总投资", "总投资达", "总签约额", "签约额", "签约金额达", "签约金额", "总金额"]))
            .map(|m| m.yuan.clone());
    }
}

/// "项目32个" or "32个项目" (but not "亿元以上项目18个" or "其中…", a share of the total).
fn project_count(text: &[char]) -> Option<u64> {
    let mut i = 0;
    while i < text.len() {
        if !text[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let e = i + text[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let before: String = text[i.saturating_sub(6)..i].iter().collect();
        let after: String = text[e..text.len().min(e + 3)].iter().collect();
        let share = before.contains("以上") || before.contains("其中");
        if !share && ((before.ends_with("项目") && after.starts_with('个')) || after.starts_with("个项目")) {
            return text[i..e].iter().collect::<String>().parse().ok();
        }
        i = e;
    }
    None
}

fn push_participant(event: &mut EventMention, person: usize, role: Role, at: usize) {
    event.participants.push((person, role, at));
}

/// "6月4日至5日，由某检查组…来到我市，开展…工作，并召开座谈会。": a dated sentence whose event
/// noun has no name of its own describes one occurrence; the sentence after its date names it.
fn dated_occurrence(cx: &Context, si: usize, s: &Sentence) -> Option<EventMention> {
    let chars = cx.chars;
    let date = cx.dates_at.within(s.start, s.end).into_iter().map(|d| &cx.dates[d]).find(|d| d.start - s.start <= 12)?;
    let noun_end = (date.end..=s.end).rev().find(|&e| cx.lex.event_nouns.longest_ending_at(chars, e).is_some())?;
    let mut start = date.end;
    while start < noun_end && matches!(chars[start], '，' | ',' | ' ' | '由') {
        start += 1;
    }
    let end = noun_end.min(start + 60);
    Some(EventMention::new((start, end), collect(&chars[start..end]), si, Some(date), event_place(cx, s, start)))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::Event;

    fn events(s: &str) -> Vec<Event> {
        extract(s).events
    }

    fn roles(e: &Event) -> Vec<(String, &'static str)> {
        let mut r: Vec<(String, &'static str)> = e.participants.iter().map(|p| (p.person.clone(), p.role.as_str())).collect();
        r.sort();
        r
    }

    #[test]
    fn a_meeting_of_the_whole_province_or_country_cited_for_its_spirit_is_an_event() {
        let names = |s: &str| events(s).into_iter().map(|e| (e.name, e.date)).collect::<Vec<_>>();
        assert_eq!(names("会议传达了全省农村道路交通安全警示大会精神。"), [("全省农村道路交通安全警示大会".to_string(), None)]);
        // A meeting of no named scope, cited for its spirit, is not one.
        assert!(events("会议传达了市委经济工作会议精神。").is_empty());
    }

    #[test]
    fn a_meeting_between_people_is_an_event_of_hosts_and_guests() {
        let e = events("3月9日，省委书记韩立平、省长许秋原在江城会见了远航集团董事长沈嘉木一行。副省长陶然参加会见。");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "韩立平、许秋原会见远航集团董事长沈嘉木一行");
        let mut people: Vec<String> = roles(&e[0]).into_iter().map(|(p, _)| p).collect();
        people.sort();
        assert_eq!(people, ["沈嘉木", "许秋原", "陶然", "韩立平"]);
        let talks = events("5月2日，市长骆川与青禾科技股份有限公司总经理易衡举行会谈。");
        assert_eq!(talks[0].name, "骆川与青禾科技股份有限公司总经理易衡举行会谈");
        // A meeting noun is a named event, not a meeting verb; a meeting room is neither.
        assert!(events("5月2日，市长骆川在会见室听取汇报。").is_empty());
        assert_eq!(events("5月2日，市长骆川主持召开民营企业座谈会。")[0].name, "民营企业座谈会");
        // An undated meeting of the one who leads the reported visit is part of the visit.
        let visit = events("5月2日，市长骆川率队赴江城考察。考察期间，骆川还与当地商会负责人座谈。");
        assert_eq!(visit.len(), 1, "{visit:?}");
        assert_eq!(roles(&visit[0]), [("骆川".to_string(), "led")]);
    }

    #[test]
    fn a_meeting_verb_before_a_name_that_starts_with_zhong_is_a_meeting() {
        let e = events("4月8日，区委书记柏允川会见中国远帆重工集团总经理甘若谷一行。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(roles(&e[0]), [("柏允川".to_string(), "attended"), ("甘若谷".to_string(), "attended")]);
        // "会见中" alone is during the meeting.
        assert!(events("4月8日，会见中，双方交换了意见。").is_empty());
    }

    #[test]
    fn those_who_escort_a_visit_attend_it() {
        let e = events("6月3日，省委书记陆承岳在市委书记祁慕白、市长商伯宁等陪同下到平川县调研春耕生产。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].name, "陆承岳到平川县调研");
        assert_eq!(roles(&e[0]), [("商伯宁".to_string(), "attended"), ("祁慕白".to_string(), "attended"), ("陆承岳".to_string(), "led")]);
        // An inspection on a trip is a visit too.
        let e = events("6月4日，副省长乔望舒率队赴平川县检查安全生产工作。");
        assert_eq!(roles(&e[0]), [("乔望舒".to_string(), "led")]);
    }

    #[test]
    fn a_long_escort_list_over_commas_and_the_day_of_the_lead() {
        let text = "2021年4月9日上午，平川县产业园里机器轰鸣。市委书记陆承岳在市委常委、组织部长祁慕白，副市长商伯宁，\
                    市发改委主任乔望舒，市水利局局长钟离远的陪同下来到平川县产业园调研。";
        let e = events(text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].date.map(|d| d.iso()).as_deref(), Some("2021-04-09"));
        let people: Vec<String> = roles(&e[0]).into_iter().map(|(p, _)| p).collect();
        assert_eq!(people.len(), 5, "{people:?}");
    }

    #[test]
    fn an_occurrence_named_in_passing_is_an_event_without_participants() {
        let e = events("6月2日，县长商伯宁主持召开会议，落实县委十五届六次全会部署。");
        let plenary = e.iter().find(|x| x.name == "县委十五届六次全会").expect("the plenary");
        assert!(plenary.participants.is_empty() && plenary.date.is_none(), "{plenary:?}");
        let e = events(
            "7月8日，江城樱花节新闻发布会在江城举行。据介绍，第三届江城樱花文化节将于9月开幕，方案已经市政府第18次常务会议审议通过。",
        );
        let names: Vec<&str> = e.iter().map(|x| x.name.as_str()).collect();
        assert!(names.contains(&"第三届江城樱花文化节") && names.contains(&"市政府第18次常务会议"), "{names:?}");
    }

    #[test]
    fn meetings_whose_decisions_are_studied_take_no_participants() {
        let e = events("1月9日，县长商伯宁主持召开县政府第3次常务会议，传达学习党的二十届四中全会、省委经济工作会议精神。");
        let meeting = e.iter().find(|x| x.name.ends_with("第3次常务会议")).expect("the meeting held");
        assert_eq!(roles(meeting), [("商伯宁".to_string(), "presided")]);
        assert!(e.iter().filter(|x| !x.name.ends_with("第3次常务会议")).all(|x| x.participants.is_empty()), "{e:?}");
        // The sessions cited are events of their own, named from their ordinal; a meeting cited
        // without one is no event.
        assert!(e.iter().any(|x| x.name == "二十届四中全会" && x.participants.is_empty()), "{e:?}");
        assert!(!e.iter().any(|x| x.name.contains("经济工作会议")), "{e:?}");
    }

    #[test]
    fn a_date_inside_a_clause_does_not_move_on_from_the_event() {
        let e = events("9月16日，江城农机博览会开幕。本届博览会为期5天，将于9月20日结束。开幕式上，市长商伯宁致辞。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(roles(&e[0]), [("商伯宁".to_string(), "spoke")]);
    }

    #[test]
    fn a_festival_referred_to_by_a_verb_or_this_edition_is_no_new_event() {
        let e = events("7月8日，江城樱花节新闻发布会在江城举行。副市长商伯宁出席并介绍樱花节总体安排。本届樱花节为期10天。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(roles(&e[0]), [("商伯宁".to_string(), "attended")]);
    }

    #[test]
    fn what_a_meeting_decided_and_a_welcome_are_no_events_of_their_own() {
        let e = events("12月20日，县政协十二届常委会第五次会议召开。会议决定，县政协十二届四次会议于2月上旬召开。会上，副县长商伯宁讲话。");
        let session = e.iter().find(|x| x.name.ends_with("第五次会议")).expect("the meeting held");
        assert_eq!(roles(session), [("商伯宁".to_string(), "spoke")], "{e:?}");
        assert!(e.iter().filter(|x| x.name.ends_with("四次会议")).all(|x| x.participants.is_empty()), "{e:?}");
        // The visit welcomed is the guest's, not the host's.
        let welcome = events("9月12日，省长商伯宁欢迎甘若谷一行来江城考察。");
        assert!(welcome.iter().all(|x| !x.participants.iter().any(|p| p.person == "商伯宁" && p.role.as_str() == "led")), "{welcome:?}");
    }

    #[test]
    fn the_clause_after_one_who_leads_a_group_is_the_visit() {
        let e = events("9月3日，市政协主席祁慕白带领部分市政协委员，视察江城农机企业。");
        assert_eq!(roles(&e[0]), [("祁慕白".to_string(), "led")], "{e:?}");
    }

    #[test]
    fn guests_listed_with_deng_and_a_collective_noun_and_the_other_side_of_zuotan() {
        let e = events("9月26日，江城农机博览会开幕。江城大学校长甘若谷，青禾集团董事长易衡等嘉宾，市领导乔望舒等参加开幕式。");
        let people: Vec<String> = roles(&e[0]).into_iter().map(|(p, _)| p).collect();
        assert_eq!(people, ["乔望舒", "易衡", "甘若谷"], "{e:?}");
        let e = events("9月24日，市长商伯宁与江城大学校长甘若谷座谈。");
        let people: Vec<String> = roles(&e[0]).into_iter().map(|(p, _)| p).collect();
        assert_eq!(people, ["商伯宁", "甘若谷"], "{e:?}");
    }

    #[test]
    fn names_joined_by_ji_name_one_event() {
        let e = events("5月9日，环湖公路改建工程开工仪式暨2025年城区重点工程集中开工仪式举行。市长商伯宁讲话。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].name, "环湖公路改建工程开工仪式暨2025年城区重点工程集中开工仪式");
        assert_eq!(roles(&e[0]), [("商伯宁".to_string(), "spoke")]);
    }

    #[test]
    fn a_shortened_name_or_a_generic_mention_refers_back_to_the_named_event() {
        let e = events("3月1日，江城区一季度重点项目集中签约暨开工仪式在江城举行。区委书记贺知山出席。签约暨开工仪式上，区长包振邦致辞。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].name, "江城区一季度重点项目集中签约暨开工仪式");
        assert_eq!(roles(&e[0]), [("包振邦".to_string(), "spoke"), ("贺知山".to_string(), "attended")]);
        let e = events("3月1日，全县招商引资大会召开。县长贺知山出席相关活动，区分会场活动由包振邦主持。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(roles(&e[0]), [("包振邦".to_string(), "presided"), ("贺知山".to_string(), "attended")]);
        // A count of meetings is no meeting of its own.
        assert!(events("上半年，县长贺知山先后主持召开3次专题推进会议。").is_empty());
    }

    #[test]
    fn a_list_runs_over_descriptions_and_unknown_words() {
        // Descriptions with organisation names and titles the lexicon lacks, between the names of
        // one list, do not cut the list: everyone before the verb takes its role.
        let e = events("6月3日，全县民营经济座谈会召开。座谈会上，县商会会长、恒远实业董事长孔令舟，青松农业创始人贺知山，致远物流执行董事兼总经理包振邦先后发言。");
        let mut r = roles(&e[0]);
        r.sort();
        assert_eq!(r, [("包振邦".to_string(), "spoke"), ("孔令舟".to_string(), "spoke"), ("贺知山".to_string(), "spoke")]);
        // A name read short leaves a character before the separator; the list goes on.
        let e = events("2月3日，县委书记贺知山主持召开县委常委会会议。县委常委包振邦、孔令舟出席会议，县政协主席易衡列席会议。");
        let mut r = roles(&e[0]);
        r.sort();
        assert_eq!(
            r,
            [
                ("包振邦".to_string(), "attended"),
                ("孔令舟".to_string(), "attended"),
                ("易衡".to_string(), "attended"),
                ("贺知山".to_string(), "presided")
            ]
        );
        // A verb of its own ends the list.
        let e = events("6月3日，全县民营经济座谈会召开。县长贺知山主持，县委副书记包振邦讲话。");
        let mut r = roles(&e[0]);
        r.sort();
        assert_eq!(r, [("包振邦".to_string(), "spoke"), ("贺知山".to_string(), "presided")]);
    }

    #[test]
    fn a_named_meeting_with_date_place_and_roles() {
        let e = events("2025年3月5日 星期三\n3月4日，全市优化营商环境大会在洛阳召开。市委书记秦守源出席并讲话，市委副书记、市长顾怀川主持。市领导杭立新、聂晓岚参加。\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].name, "全市优化营商环境大会");
        assert_eq!(e[0].date.map(|d| d.iso()), Some("2025-03-04".into()));
        assert_eq!(e[0].place.as_deref(), Some("洛阳市"));
        assert_eq!(
            roles(&e[0]),
            vec![("杭立新".into(), "attended"), ("秦守源".into(), "spoke"), ("聂晓岚".into(), "attended"), ("顾怀川".into(), "presided")]
        );
    }

    #[test]
    fn a_visit_is_led_and_joiners_attend() {
        let e = events(
            "今年以来成绩显著。2025年全市工作稳步推进。\n5月7日，市长顾怀川到宜阳县调研工业项目建设，宜阳县委书记乔慕白参加调研。\n",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(e[0].name.starts_with("顾怀川到宜阳县调研"), "{}", e[0].name);
        assert_eq!(e[0].date.map(|d| d.iso()), Some("2025-05-07".into()));
        assert_eq!(roles(&e[0]), vec![("乔慕白".into(), "attended"), ("顾怀川".into(), "led")]);
    }

    #[test]
    fn an_inspection_led_by_a_visitor_with_hosts_accompanying() {
        let e =
            events("6月16日至17日，省人大常委会副主任吴志刚率调研组来我市，就某项法律实施情况开展执法检查。市人大常委会主任郑海林陪同。\n");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(roles(&e[0]), vec![("吴志刚".into(), "led"), ("郑海林".into(), "attended")]);
    }

    #[test]
    fn a_date_range_and_a_date_without_a_year() {
        let e = events("4月19日至20日，市委书记秦守源率队赴苏州市学习考察。\n");
        assert_eq!(e[0].date.map(|d| d.iso()), Some("--04-19".into()));
        assert_eq!(e[0].end_date.map(|d| d.iso()), Some("--04-20".into()));
    }

    #[test]
    fn attendees_do_not_leak_between_articles() {
        let page = "本报讯（记者吴小燕）3月4日，全市招商工作推进会召开。副市长聂晓岚主持。\n\n招商推进会召开\n\n本报讯（记者周一鸣）近日，栾川县召开文旅座谈会。县长麦立群参加。\n";
        let e = events(page);
        let first = e.iter().find(|e| e.name.contains("招商工作推进会")).expect("first event");
        assert_eq!(roles(first), vec![("聂晓岚".into(), "presided")]);
    }

    #[test]
    fn totals_belong_to_the_event_not_to_projects() {
        let x = extract("5月8日，栾川县招商签约仪式在郑州举行。现场签约项目14个，总投资96.4亿元，其中亿元以上项目9个。\n");
        assert_eq!(x.events.len(), 1, "{:?}", x.events);
        assert_eq!(x.events[0].aggregate_projects, Some(14));
        assert_eq!(x.events[0].aggregate_investment.as_deref(), Some("9640000000"));
        assert!(x.projects.is_empty(), "{:?}", x.projects);
    }

    #[test]
    fn a_sentence_about_another_day_takes_no_part_in_the_event() {
        let e = events("3月13日，省长陈建华在栾川县调研。市长赵明陪同调研。\n3月14日，市长赵明会见客商一行，副市长王海涛参加会见。\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(roles(&e[0]), vec![("赵明".into(), "attended"), ("陈建华".into(), "led")]);
        // The next day's meeting is an event of its own, with those who joined it.
        assert_eq!((e[1].name.as_str(), e[1].date.and_then(|d| d.day)), ("赵明会见客商一行", Some(14)));
        assert_eq!(roles(&e[1]), vec![("王海涛".into(), "attended"), ("赵明".into(), "attended")]);
    }

    #[test]
    fn generic_mentions_without_time_are_not_events() {
        assert!(events("各县区积极开展各类主题招商活动，效果明显。").is_empty());
    }

    #[test]
    fn a_quoted_event_name_stands_without_day_or_place_and_keeps_its_year() {
        let e = events("上个月，高新区举办了“2025东方客商古城行”经贸洽谈会，签约踊跃。");
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].name, "“2025东方客商古城行”经贸洽谈会");
        // Without quotes and with nothing that places it, a bare mention is no event.
        assert!(events("上个月，高新区举办了经贸洽谈会，签约踊跃。").is_empty());
    }

    #[test]
    fn a_clause_carried_on_by_bing_keeps_its_subject_unless_it_names_another_event() {
        let e = events("6月5日，市委书记郑海东到市交通运输局调研，并主持召开座谈会。");
        assert_eq!(roles(&e[0]), vec![("郑海东".to_string(), "presided")]);
        let e = events("3月2日，省长韩立新出席了绿源年产5万吨饮料项目开工仪式，并在宏达机械集团观摩考察。");
        let all: Vec<(String, Vec<(String, &str)>)> = e.iter().map(|x| (x.name.clone(), roles(x))).collect();
        assert_eq!(all.len(), 2, "{all:?}");
        let role_at = |name: &str| all.iter().find(|(n, _)| n.contains(name)).map(|(_, r)| r.clone());
        assert_eq!(role_at("开工仪式"), Some(vec![("韩立新".to_string(), "attended")]), "{all:?}");
        assert_eq!(role_at("观摩考察"), Some(vec![("韩立新".to_string(), "led")]), "{all:?}");
    }

    #[test]
    fn he_or_she_speaking_next_gives_the_last_named_participant_the_speech() {
        let text = "4月8日，市委书记孙明远到市水利局调研。孙明远察看了防汛物资仓库。他指出，要压实防汛责任。";
        let e = events(text);
        assert_eq!(roles(&e[0]), vec![("孙明远".to_string(), "spoke")]);
        // Someone who takes no part in the event gets no role from a pronoun.
        let e = events("4月8日，市委书记孙明远到市水利局调研。会上提到了退休干部周宏。他指出，要压实防汛责任。");
        assert_eq!(roles(&e[0]), vec![("孙明远".to_string(), "led")]);
    }
}
