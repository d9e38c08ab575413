//! Recognition of entities and their relations in one document: places, organisations, persons
//! with titles, money, dates, projects and events. Each file holds one kind; this module runs them
//! in order over the clean text and gathers the facts, with evidence, into a [`model::Extraction`].

pub mod date;
pub mod event;
pub mod home;
pub mod money;
pub mod organization;
pub mod person;
pub mod place;
pub mod project;
pub mod spans;
pub mod tokens;

use crate::lexicon::{lexicon, Lexicon};
use crate::model::*;
use crate::text::{self, CleanText, Sentence};
use spans::SpanIndex;
use std::collections::{HashMap, HashSet};

/// Texts longer than this (in characters) are read in pieces (see [`extract`]).
pub const LONG_TEXT_CHARS: usize = 200_000;

/// The size, in characters, of the pieces a long text is read in.
pub const PIECE_CHARS: usize = 100_000;

/// Everything found in one text, with offsets into that (original) text. A text longer than
/// [`LONG_TEXT_CHARS`] (an archive of many pages) is read in pieces, cut where pages and articles
/// start ([`extract_pieces`]), and the pieces' findings are put together: what a name or a year
/// means is then read within its piece, not across the whole archive.
pub fn extract(original: &str) -> Extraction {
    if original.chars().count() <= LONG_TEXT_CHARS {
        return extract_whole(original);
    }
    merge_pieces(extract_pieces(original, PIECE_CHARS))
}

/// [`extract`] one piece at a time, for callers that can take the findings so (memory then stays
/// that of one piece): a text of normal size is one part, what [`extract`] gives; a long one gives
/// the parts [`extract`] would put together, its mentions in the same order.
pub fn extract_parts(original: &str) -> Box<dyn Iterator<Item = Extraction> + '_> {
    if original.chars().count() <= LONG_TEXT_CHARS {
        Box::new(std::iter::once_with(move || extract_whole(original)))
    } else {
        Box::new(extract_pieces(original, PIECE_CHARS))
    }
}

/// The text cut into pieces of at most `max_piece_chars` characters, at page and article starts
/// where it can be (else paragraph and line ends, see [`text::pieces`]), each piece read on its own.
/// Every offset (of mentions, sentences, evidence) is into the WHOLE text; each piece carries its
/// own sentences, and its evidence counts sentences within them.
pub fn extract_pieces(text: &str, max_piece_chars: usize) -> impl Iterator<Item = Extraction> + '_ {
    text::pieces::pieces(text, max_piece_chars).map(|p| {
        let mut x = extract_whole(p.text);
        shift_offsets(&mut x, p.offset);
        x
    })
}

/// Moves every character offset of `x` on by `by` (a piece that starts `by` characters in).
fn shift_offsets(x: &mut Extraction, by: usize) {
    for s in &mut x.sentences {
        s.start += by;
        s.end += by;
    }
    for m in &mut x.mentions {
        m.start += by;
        m.end += by;
    }
    each_evidence(x, |e| {
        e.start += by;
        e.end += by;
    });
}

/// Calls `f` on every piece of evidence in `x`.
fn each_evidence(x: &mut Extraction, mut f: impl FnMut(&mut Evidence)) {
    for p in &mut x.persons {
        p.evidence.iter_mut().for_each(&mut f);
        p.titles.iter_mut().for_each(|t| f(&mut t.evidence));
    }
    for o in &mut x.organizations {
        o.evidence.iter_mut().for_each(&mut f);
    }
    for p in &mut x.places {
        p.evidence.iter_mut().for_each(&mut f);
    }
    for p in &mut x.projects {
        f(&mut p.evidence);
    }
    for e in &mut x.events {
        f(&mut e.evidence);
        e.participants.iter_mut().for_each(|p| f(&mut p.evidence));
    }
}

/// The pieces of one text as one extraction: sentences and mentions one after another (evidence
/// counting sentences over all of them), and an entity named in several pieces one entity, as it
/// is within one piece.
fn merge_pieces(pieces: impl Iterator<Item = Extraction>) -> Extraction {
    let mut merged = Merged::default();
    for mut x in pieces {
        let base = merged.x.sentences.len();
        each_evidence(&mut x, |e| e.sentence += base);
        merged.add(x);
    }
    merged.x
}

/// An extraction being put together from pieces, with its entities by name.
#[derive(Default)]
struct Merged {
    x: Extraction,
    persons: HashMap<String, usize>,
    organizations: HashMap<String, usize>,
    places: HashMap<(String, String), usize>,
    projects: HashMap<String, usize>,
    events: HashMap<String, Vec<usize>>,
}

impl Merged {
    fn add(&mut self, x: Extraction) {
        let out = &mut self.x;
        out.published = out.published.or(x.published);
        out.sentences.extend(x.sentences);
        out.mentions.extend(x.mentions);
        for p in x.persons {
            match self.persons.get(&p.name) {
                Some(&i) => {
                    let known = &mut out.persons[i];
                    for t in p.titles {
                        if !known.titles.iter().any(|k| k.text == t.text) {
                            known.titles.push(t);
                        }
                    }
                    known.evidence.extend(p.evidence);
                }
                None => {
                    self.persons.insert(p.name.clone(), out.persons.len());
                    out.persons.push(p);
                }
            }
        }
        for o in x.organizations {
            match self.organizations.get(&o.name) {
                Some(&i) => {
                    let known = &mut out.organizations[i];
                    o.aliases.iter().for_each(|a| push_alias(known, a));
                    known.evidence.extend(o.evidence);
                }
                None => {
                    self.organizations.insert(o.name.clone(), out.organizations.len());
                    out.organizations.push(o);
                }
            }
        }
        for p in x.places {
            match self.places.get(&(p.name.clone(), p.code.clone())) {
                Some(&i) => out.places[i].evidence.extend(p.evidence),
                None => {
                    self.places.insert((p.name.clone(), p.code.clone()), out.places.len());
                    out.places.push(p);
                }
            }
        }
        for p in x.projects {
            match self.projects.get(&p.name) {
                Some(&i) => {
                    let known = &mut out.projects[i];
                    known.investment = known.investment.take().or(p.investment);
                    known.place = known.place.take().or(p.place);
                    known.investor = known.investor.take().or(p.investor);
                    known.status = known.status.or(p.status);
                }
                None => {
                    self.projects.insert(p.name.clone(), out.projects.len());
                    out.projects.push(p);
                }
            }
        }
        for e in x.events {
            self.add_event(e);
        }
    }

    /// An event joins the first one of its name on a compatible date (as in events_out), its
    /// participants keeping the stronger role.
    fn add_event(&mut self, e: Event) {
        let out = &mut self.x.events;
        let same = self.events.entry(e.name.clone()).or_default();
        let Some(i) = same.iter().copied().find(|&i| out[i].date == e.date || out[i].date.is_none() || e.date.is_none()) else {
            same.push(out.len());
            out.push(e);
            return;
        };
        let parts = &mut out[i].participants;
        for p in e.participants {
            match parts.iter_mut().find(|x| x.person == p.person) {
                Some(x) if p.role > x.role => *x = p,
                Some(_) => {}
                None => parts.push(p),
            }
        }
    }
}

/// Everything found in one text read as a whole, with offsets into that (original) text.
fn extract_whole(original: &str) -> Extraction {
    let lex = lexicon();
    let clean = text::normalize(original);
    let sentences = text::split_sentences(&clean);
    let chars = &clean.chars;
    let tokens = tokens::Tokens::new(lex, &clean.text, chars.len());
    let mut places = place::find_places(lex, chars, &tokens);
    let mut orgs = organization::find_orgs(lex, chars, &tokens, &places);
    // A work's title (《法国海军》) names the work, not the bodies and places its words would.
    let in_work = text::chars::inside_work_titles(chars);
    let outside_work = |s: usize, e: usize| !in_work[s..e].iter().any(|&x| x);
    places.retain(|p| outside_work(p.start, p.end));
    orgs.retain(|o| outside_work(o.start, o.end));
    let homes = home::home_places(lex, &places, &sentences);
    home::resolve_bare_bodies(lex, &mut orgs, &sentences, &homes);
    let mut persons = person::find_persons(&person::Context::new(lex, chars, &tokens, &orgs, &places));
    persons.retain(|p| outside_work(p.start, p.end));
    let persons_at = SpanIndex::of(&persons);
    places.retain(|pl| !persons_at.any_overlapping(pl.start, pl.end));
    // The place in a company's name ("山西某某有限公司") is where it is registered, not a place the
    // text is about.
    let companies = SpanIndex::new(orgs.iter().filter(|o| o.org_type == OrgType::Company).map(|o| (o.start, o.end)).collect());
    places.retain(|pl| !companies.any_containing(pl.start, pl.end));
    let positions = person::position_spans(lex, chars, &tokens, &persons);
    let money = money::find_money(chars);
    let year = date::context_year(chars, clean.date_line.map(|d| d.0));
    let dates = date::find_dates(chars, year);
    // One index of each kind of mention, shared by the rules of projects and events.
    let (orgs_at, places_at) = (SpanIndex::of(&orgs), SpanIndex::of(&places));
    let (money_at, dates_at) = (SpanIndex::of(&money), SpanIndex::of(&dates));
    let projects = project::find_projects(&project::Context {
        lex,
        chars,
        tokens: &tokens,
        orgs: &orgs,
        places: &places,
        money: &money,
        sentences: &sentences,
        orgs_at: &orgs_at,
        places_at: &places_at,
        money_at: &money_at,
    });
    let events = event::find_events(&event::Context {
        lex,
        chars,
        tokens: &tokens,
        sentences: &sentences,
        persons: &persons,
        places: &places,
        orgs: &orgs,
        dates: &dates,
        paragraphs: &clean.paragraphs,
        money: &money,
        persons_at: &persons_at,
        places_at: &places_at,
        orgs_at: &orgs_at,
        dates_at: &dates_at,
        money_at: &money_at,
    });
    let found = Found {
        clean: &clean,
        sentences: &sentences,
        homes: &homes,
        lex,
        places,
        orgs,
        persons,
        positions,
        projects,
        events,
        money,
        dates,
    };
    found.into_extraction()
}

struct Found<'a> {
    clean: &'a CleanText,
    sentences: &'a [Sentence],
    homes: &'a HashMap<usize, (Option<usize>, Option<usize>)>,
    lex: &'a Lexicon,
    places: Vec<place::PlaceMention>,
    orgs: Vec<organization::OrgMention>,
    persons: Vec<person::PersonMention>,
    positions: Vec<(usize, usize)>,
    projects: Vec<project::ProjectMention>,
    events: Vec<event::EventMention>,
    money: Vec<money::Money>,
    dates: Vec<date::DateMention>,
}

impl Found<'_> {
    fn evidence(&self, start: usize, end: usize) -> Evidence {
        // (Sentences are never empty: the one holding `start`.)
        let sentence = text::sentence_at(self.sentences, start).unwrap_or(0);
        let (start, end) = self.clean.original_span(start, end);
        Evidence { sentence, start, end }
    }

    fn mention(&self, kind: MentionType, start: usize, end: usize) -> Mention {
        let (s, e) = self.clean.original_span(start, end);
        Mention { kind, text: self.clean.slice(start, end), start: s, end: e }
    }

    fn home_of(&self, article: usize) -> Home {
        let code = |d: Option<usize>| d.map(|d| self.lex.gazetteer.divisions[d].code.clone());
        let (city, province) = self.homes.get(&article).copied().unwrap_or((None, None));
        Home { city: code(city), province: code(province) }
    }

    fn division_name(&self, d: usize) -> String {
        self.lex.gazetteer.divisions[d].name.clone()
    }

    fn into_extraction(self) -> Extraction {
        let mut x = Extraction {
            published: self.clean.date_line.map(|(y, m, d)| DateValue { year: Some(y), month: m, day: Some(d) }),
            ..Default::default()
        };
        x.sentences = self
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = self.clean.original_span(s.start, s.end);
                SentenceText { text: self.clean.slice(s.start, s.end), start, end, home: self.home_of(s.article) }
            })
            .collect();
        self.collect_mentions(&mut x);
        x.places = self.places_out();
        x.organizations = self.orgs_out();
        x.persons = self.persons_out();
        x.projects = self.projects_out();
        x.events = self.events_out();
        x
    }

    fn collect_mentions(&self, x: &mut Extraction) {
        let mut m = Vec::new();
        m.extend(self.persons.iter().map(|p| self.mention(MentionType::Person, p.start, p.end)));
        m.extend(self.positions.iter().map(|&(s, e)| self.mention(MentionType::Position, s, e)));
        m.extend(self.orgs.iter().map(|o| self.mention(MentionType::of_org(o.org_type), o.start, o.end)));
        m.extend(self.places.iter().map(|p| self.mention(MentionType::Place, p.start, p.end)));
        m.extend(self.projects.iter().map(|p| self.mention(MentionType::Project, p.start, p.end)));
        m.extend(self.events.iter().map(|e| self.mention(MentionType::Event, e.start, e.end)));
        m.extend(self.money.iter().map(|e| self.mention(MentionType::Money, e.start, e.end)));
        m.extend(self.dates.iter().map(|e| self.mention(MentionType::Date, e.start, e.end)));
        m.sort_by_key(|m| (m.start, m.end));
        m.dedup();
        x.mentions = m;
    }

    fn places_out(&self) -> Vec<Place> {
        let mut out: Vec<Place> = Vec::new();
        let mut index: HashMap<usize, usize> = HashMap::new();
        // A place written only inside the name of a company or a paper ("某某日报", "某某县某某食品
        //有限公司") is part of a brand, not a place the text speaks of. (A body's or a zone's place
        // is the place it governs: "某某区委" speaks of the district.)
        let brands: Vec<&organization::OrgMention> = self.orgs.iter().filter(|o| o.org_type == OrgType::Company || o.is_media()).collect();
        let names = SpanIndex::new(brands.iter().map(|o| (o.start, o.end)).collect());
        let inside_a_name = |p: &place::PlaceMention| names.any_containing(p.start, p.end);
        let named_outside: HashSet<usize> = self.places.iter().filter(|p| !inside_a_name(p)).map(|p| p.division).collect();
        for p in self.places.iter().filter(|p| named_outside.contains(&p.division)) {
            let ev = self.evidence(p.start, p.end);
            if let Some(&i) = index.get(&p.division) {
                out[i].evidence.push(ev);
                continue;
            }
            let g = &self.lex.gazetteer;
            let d = &g.divisions[p.division];
            index.insert(p.division, out.len());
            out.push(Place {
                name: d.name.clone(),
                level: d.level.as_str(),
                code: d.code.clone(),
                parents: g
                    .ancestors(p.division)
                    .into_iter()
                    .map(|a| (g.divisions[a].name.clone(), g.divisions[a].level.as_str(), g.divisions[a].code.clone()))
                    .collect(),
                evidence: vec![ev],
            });
        }
        out
    }

    fn orgs_out(&self) -> Vec<Organization> {
        let mut out: Vec<Organization> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for o in &self.orgs {
            let ev = self.evidence(o.start, o.end);
            let i = *index.entry(o.name.as_str()).or_insert_with(|| {
                out.push(Organization { name: o.name.clone(), org_type: o.org_type, aliases: vec![], evidence: vec![] });
                out.len() - 1
            });
            out[i].evidence.push(ev);
            if let Some(a) = &o.alias {
                if !out[i].aliases.contains(a) {
                    out[i].aliases.push(a.clone());
                }
            }
        }
        merge_short_forms(self.lex, out)
    }

    fn persons_out(&self) -> Vec<Person> {
        let mut out: Vec<Person> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for p in &self.persons {
            let ev = self.evidence(p.start, p.end);
            let i = *index.entry(p.name.as_str()).or_insert_with(|| {
                out.push(Person { name: p.name.clone(), titles: vec![], evidence: vec![] });
                out.len() - 1
            });
            out[i].evidence.push(ev.clone());
            for t in &p.titles {
                if !out[i].titles.iter().any(|x| x.text == t.text) {
                    out[i].titles.push(Title {
                        text: t.text.clone(),
                        org: t.org.clone(),
                        evidence: self.evidence(t.start.min(p.start), p.end.max(t.end)),
                    });
                }
            }
        }
        out
    }

    fn projects_out(&self) -> Vec<Project> {
        let mut out: Vec<Project> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for p in &self.projects {
            let place = p.place_org.clone().or_else(|| p.place.map(|d| self.division_name(d)));
            match index.get(p.name.as_str()).map(|&i| &mut out[i]) {
                Some(x) => {
                    x.investment = x.investment.take().or(p.investment.clone());
                    x.place = x.place.take().or(place);
                    x.investor = x.investor.take().or(p.investor.clone());
                    x.status = x.status.or(p.status);
                }
                None => {
                    index.insert(p.name.as_str(), out.len());
                    out.push(Project {
                        name: p.name.clone(),
                        investment: p.investment.clone(),
                        place,
                        investor: p.investor.clone(),
                        status: p.status,
                        evidence: self.evidence(p.start, p.end),
                    });
                }
            }
        }
        out
    }

    fn events_out(&self) -> Vec<Event> {
        let mut out: Vec<Event> = Vec::new();
        // The events of each name, in order: an event is the first of its name on a compatible date.
        let mut of_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for e in &self.events {
            let place = e.place_org.clone().or_else(|| e.place.map(|d| self.division_name(d)));
            let same = of_name.entry(e.name.as_str()).or_default();
            let earlier = same.iter().copied().find(|&i| out[i].date == e.date || out[i].date.is_none() || e.date.is_none());
            let i = match earlier {
                Some(i) => i,
                None => {
                    same.push(out.len());
                    out.push(Event {
                        name: e.name.clone(),
                        date: e.date,
                        end_date: e.end_date,
                        place,
                        participants: vec![],
                        aggregate_projects: e.aggregate_projects,
                        aggregate_investment: e.aggregate_investment.clone(),
                        evidence: self.evidence(e.start, e.end),
                    });
                    out.len() - 1
                }
            };
            for &(pi, role, at) in &e.participants {
                let person = &self.persons[pi];
                let ev = self.evidence(person.start.min(at), (at + 2).max(person.end));
                let parts = &mut out[i].participants;
                match parts.iter_mut().find(|x| x.person == person.name) {
                    Some(x) if role > x.role => {
                        x.role = role;
                        x.evidence = ev;
                    }
                    Some(_) => {}
                    None => parts.push(Participation { person: person.name.clone(), role, evidence: ev }),
                }
            }
        }
        out
    }
}

/// A short form used on the page for a body named in full elsewhere on it ("市委" for
/// "中共某某市委", "综合检查组" for "…第三综合检查组") becomes an alias of that body.
fn merge_short_forms(lex: &Lexicon, orgs: Vec<Organization>) -> Vec<Organization> {
    let mut out: Vec<Organization> = Vec::new();
    // Names are unique here (orgs_out): where each stands in `out`, once it is there.
    let mut placed: HashMap<String, usize> = HashMap::new();
    let all: Vec<String> = orgs.iter().map(|o| o.name.clone()).collect();
    let names = NameEndings::new(all.iter().map(String::as_str));
    for o in orgs {
        // "发改委" stands for "发展和改革委员会": compare the full form too.
        let expanded = lex.expand_abbreviation(&o.name);
        let short = (o.name.chars().count() >= 2).then_some(o.name.as_str());
        if let Some(target) = names.only_fuller(short, expanded.as_deref()) {
            let target = target.to_string();
            match placed.get(&target).map(|&i| &mut out[i]) {
                Some(x) => {
                    push_alias(x, &o.name);
                    x.evidence.extend(o.evidence);
                }
                None => {
                    placed.insert(target.clone(), out.len());
                    out.push(Organization { name: target, org_type: o.org_type, aliases: vec![o.name.clone()], evidence: o.evidence });
                }
            }
            continue;
        }
        match placed.get(&o.name).map(|&i| &mut out[i]) {
            Some(x) => {
                for a in &o.aliases {
                    push_alias(x, a);
                }
                x.evidence.extend(o.evidence);
                x.org_type = o.org_type;
            }
            None => {
                placed.insert(o.name.clone(), out.len());
                out.push(o);
            }
        }
    }
    out
}

/// The organisation names of a page by their endings: which names are a fuller form of a short one.
struct NameEndings<'a> {
    names: Vec<&'a str>,
    /// Every proper ending of every name ("市委" of "洛阳市委") → the names (positions) ending so.
    by_ending: HashMap<&'a str, Vec<usize>>,
    position: HashMap<&'a str, usize>,
}

impl<'a> NameEndings<'a> {
    fn new(names: impl Iterator<Item = &'a str>) -> Self {
        let names: Vec<&str> = names.collect();
        let mut by_ending: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut position = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            position.entry(*n).or_insert(i);
            for (b, _) in n.char_indices().skip(1) {
                by_ending.entry(&n[b..]).or_default().push(i);
            }
        }
        NameEndings { names, by_ending, position }
    }

    /// The one name, if exactly one, that is longer than `short` and ends with it, or ends with the
    /// full form `expanded` or is it (a name may stand for nothing, but not for two).
    fn only_fuller(&self, short: Option<&str>, expanded: Option<&str>) -> Option<&'a str> {
        let ending = |w: Option<&str>| w.and_then(|w| self.by_ending.get(w)).into_iter().flatten().copied();
        let equal = expanded.and_then(|e| self.position.get(e)).copied();
        let mut fuller = ending(short).chain(ending(expanded)).chain(equal);
        let first = fuller.next()?;
        fuller.all(|i| i == first).then(|| self.names[first])
    }
}

fn push_alias(o: &mut Organization, alias: &str) {
    if o.name != alias && !o.aliases.iter().any(|a| a == alias) {
        o.aliases.push(alias.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::{extract, extract_pieces, shift_offsets, LONG_TEXT_CHARS};
    use crate::model::Extraction;

    fn json(x: &Extraction) -> serde_json::Value {
        serde_json::to_value(x).expect("an extraction serialises")
    }

    /// Each mention's offsets name its own text in `whole` (the text is clean, so nothing moved).
    fn offsets_hold(whole: &str, x: &Extraction) {
        let chars: Vec<char> = whole.chars().collect();
        for m in &x.mentions {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text, "{m:?}");
        }
        for s in &x.sentences {
            assert_eq!(chars[s.start..s.end].iter().collect::<String>(), s.text);
        }
    }

    #[test]
    fn a_text_in_pieces_reads_as_its_articles_with_offsets_into_the_whole() {
        let first = "本报讯（记者周一鸣）3月4日，全市招商工作推进会在洛阳召开。副市长聂晓岚主持，市领导杭立新参加。洛阳恒远重工机械有限公司（以下简称恒远公司）签约。恒远公司将投资5亿元。\n\n";
        let second = "本报讯（记者吴小燕）3月5日，栾川县召开文旅座谈会。县长麦立群出席并讲话。\n";
        let text = format!("{first}{second}");
        let n = first.chars().count();
        let pieces: Vec<Extraction> = extract_pieces(&text, n + 10).collect();
        assert_eq!(pieces.len(), 2);
        assert_eq!(json(&pieces[0]), json(&extract(first)));
        let mut second_alone = extract(second);
        shift_offsets(&mut second_alone, n);
        assert_eq!(json(&pieces[1]), json(&second_alone));
        assert!(!pieces[0].mentions.is_empty() && !pieces[1].persons.is_empty() && !pieces[1].events.is_empty());
        pieces.iter().for_each(|x| offsets_hold(&text, x));
    }

    #[test]
    fn a_long_text_is_read_in_pieces_and_put_together() {
        let page = "本报讯（记者周一鸣）3月4日，全市招商工作推进会在洛阳召开。副市长聂晓岚主持，市领导杭立新参加。\n\n";
        let text = page.repeat(LONG_TEXT_CHARS / page.chars().count() + 2);
        let x = extract(&text);
        let parts: Vec<Extraction> = extract_pieces(&text, super::PIECE_CHARS).collect();
        assert!(parts.len() >= 3);
        let mentions: Vec<_> = parts.iter().flat_map(|p| p.mentions.clone()).collect();
        assert_eq!(x.mentions, mentions);
        offsets_hold(&text, &x);
        // One person, however many pieces name her, and every piece of evidence in its sentence.
        assert_eq!(x.persons.iter().filter(|p| p.name == "聂晓岚").count(), 1);
        for ev in x.persons.iter().flat_map(|p| &p.evidence) {
            let s = &x.sentences[ev.sentence];
            assert!(s.start <= ev.start && ev.end <= s.end, "{ev:?} {s:?}");
        }
    }

    fn orgs(text: &str) -> Vec<(String, Vec<String>)> {
        extract(text).organizations.into_iter().map(|o| (o.name, o.aliases)).collect()
    }

    #[test]
    fn later_short_forms_are_aliases_of_the_full_name() {
        let o = orgs("副市长某某到洛阳市发展和改革委员会调研。他指出，发改委要主动作为。");
        assert_eq!(o, vec![("洛阳市发展和改革委员会".to_string(), vec!["发改委".to_string()])]);
        let o = orgs("洛阳恒远重工机械有限公司今年扩产。恒远重工机械有限公司表示将增加投资。");
        assert_eq!(o.len(), 1, "{o:?}");
    }

    #[test]
    fn one_person_on_a_page_is_one_entry_with_every_title() {
        let x = extract("市委副书记、市长顾怀川出席。\n顾怀川强调要抓好落实。\n我是洛阳市委副书记顾怀川。\n");
        assert_eq!(x.persons.len(), 1);
        let titles: Vec<&str> = x.persons[0].titles.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(titles, vec!["市委副书记", "市长", "洛阳市委副书记"]);
        assert_eq!(x.persons[0].evidence.len(), 3);
    }

    #[test]
    fn a_works_title_names_no_body_person_or_place() {
        let x = extract("他在书店买了《法国海军与王某某在洛阳》。");
        assert!(
            x.organizations.is_empty() && x.persons.is_empty() && x.places.is_empty(),
            "{:?} {:?} {:?}",
            x.organizations,
            x.persons,
            x.places
        );
        let x = extract("法国海军与王某某在洛阳。");
        assert!(!x.organizations.is_empty() && !x.places.is_empty(), "{:?} {:?}", x.organizations, x.places);
    }
}
