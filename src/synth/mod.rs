//! A synthetic newspaper archive for benchmarks and archive-scale tests.
//!
//! Ingest and queries have to be measured at the size of a real archive (thousands of pages),
//! and the sample pages are four. [`generate`] writes as many pages as asked, deterministically
//! from a seed: the same options give byte-identical pages on every machine. The pages imitate
//! OCR'd pages of a city paper: a masthead and date line, one to four articles in a narrow
//! column, and the noise the clean-up undoes (see [`layout`]). What they report is invented but
//! shaped like an archive: one home city of the GB/T 2260 gazetteer with some of its counties, a
//! recurring cast of officials who chair, speak at and attend meetings, lead inspection visits and
//! witness signings across many pages, and a long tail of department heads and company chairmen
//! with projects and investments (see [`world`] and [`article`]). The sentences are our own
//! templates (`templates.txt`), written so that the extractor can read them: a benchmark that
//! extracts nothing measures nothing.
//!
//! ```no_run
//! use newsgraph::synth::{generate, Options};
//! let opts = Options { pages: 10, ..Options::default() };
//! for page in generate(&opts) {
//!     println!("{}: {} characters", page.name, page.text.chars().count());
//! }
//! ```

pub mod article;
pub mod calendar;
pub mod layout;
pub mod rng;
pub mod templates;
pub mod world;

use crate::lexicon::lexicon;
use calendar::Date;
use layout::PageSpec;
use rng::Rng;
use std::io::Write;
use std::path::Path;
use world::World;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub pages: usize,
    pub seed: u64,
    /// Fewest and most articles on a page (either order; 0 is read as 1).
    pub articles_per_page: (usize, usize),
    /// Size of the recurring cast of officials (capped at the posts the world has).
    pub officials: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options { pages: 1000, seed: 1, articles_per_page: (1, 4), officials: 24 }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// File name, "p000123.txt" (numbered from 1).
    pub name: String,
    pub text: String,
}

/// Days the archive spans at most (its pages are spread over about two years).
const SPAN_DAYS: usize = 730;
/// The first day of the archive: 1 January 2023, as days since 1970-01-01.
const FIRST_DAY: i64 = 19_358;
/// A page's text aims at this many characters, spread over its articles.
const PAGE_CHARS: (usize, usize) = (2_000, 6_500);
/// One page in this many breaks off its last article to the next page of the same issue.
const JUMP_EVERY: usize = 8;
/// Streams of the random generator: per page, and the jump decisions (which two pages share).
const JUMP_STREAM: u64 = 0x6a75_6d70;

/// The pages of the archive, one by one; the same options always give the same pages.
pub fn generate(opts: &Options) -> impl Iterator<Item = Page> {
    let archive = Archive::new(opts);
    (0..opts.pages).map(move |i| archive.page(i))
}

/// Writes every page of [`generate`] into `dir` (created if missing). Returns the number of pages
/// and of bytes written.
pub fn write_corpus(dir: &Path, opts: &Options) -> std::io::Result<(usize, u64)> {
    std::fs::create_dir_all(dir)?;
    let (mut pages, mut bytes) = (0, 0u64);
    for page in generate(opts) {
        let mut file = std::io::BufWriter::new(std::fs::File::create(dir.join(&page.name))?);
        file.write_all(page.text.as_bytes())?;
        file.flush()?;
        pages += 1;
        bytes += page.text.len() as u64;
    }
    Ok((pages, bytes))
}

/// The world of the archive and how its pages are laid out over the days.
struct Archive {
    world: World,
    opts: Options,
    span: usize,
}

impl Archive {
    fn new(opts: &Options) -> Self {
        let companies = 40 + opts.pages / 4;
        let world = World::build(lexicon(), opts.seed, opts.officials, companies.min(3_000));
        let span = SPAN_DAYS.min(opts.pages.saturating_mul(2)).max(1);
        Archive { world, opts: *opts, span }
    }

    fn page(&self, i: usize) -> Page {
        let mut rng = Rng::for_stream(self.opts.seed, i as u64);
        let spec = self.spec(i);
        let articles = self.articles(&spec, &mut rng);
        let text = layout::compose(&self.world, &spec, &articles, &mut rng);
        Page { name: format!("p{:06}.txt", i + 1), text }
    }

    /// The articles of a page: as many as drawn from `articles_per_page`, and more (up to its
    /// maximum) while the page is short of its length, as an editor fills a page.
    fn articles(&self, spec: &PageSpec, rng: &mut Rng) -> Vec<article::Article> {
        let (lo, hi) = self.opts.articles_per_page;
        let (lo, hi) = (lo.min(hi).max(1), lo.max(hi).max(1));
        let n = rng.between(lo, hi);
        let page_chars = rng.between(PAGE_CHARS.0, PAGE_CHARS.1);
        let mut articles = Vec::new();
        let mut length = 0;
        while articles.len() < n || (length < page_chars && articles.len() < hi) {
            let event_day = spec.date.days_before_in_year(rng.between(0, 2) as u32);
            let a = article::write(&self.world, event_day, page_chars / n, rng);
            length += a.paragraphs.iter().map(|p| p.chars().count()).sum::<usize>();
            articles.push(a);
        }
        articles
    }

    /// The day of page `i`: pages are spread evenly over the span, several a day in a large archive.
    fn day(&self, i: usize) -> i64 {
        let pages = self.opts.pages.max(1) as u128;
        FIRST_DAY + (i as u128 * self.span as u128 / pages) as i64
    }

    fn spec(&self, i: usize) -> PageSpec {
        let day = self.day(i);
        let number = 1 + (0..i).rev().take_while(|&j| self.day(j) == day).count();
        let section = self.world.templates.table("sections");
        PageSpec {
            number,
            date: Date::from_days(day),
            section: section.get((number - 1) % section.len().max(1)).cloned().unwrap_or_default(),
            continued_from: i > 0 && self.jumps(i - 1),
            continues: self.jumps(i),
        }
    }

    /// Does page `i` break off its last article to page `i + 1` (of the same issue)?
    fn jumps(&self, i: usize) -> bool {
        let same_issue = i + 1 < self.opts.pages && self.day(i + 1) == self.day(i);
        same_issue && Rng::for_stream(self.opts.seed ^ JUMP_STREAM, i as u64).below(JUMP_EVERY) == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn pages(n: usize, seed: u64) -> Vec<Page> {
        generate(&Options { pages: n, seed, ..Options::default() }).collect()
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_pages() {
        let a = pages(30, 7);
        assert_eq!(a, pages(30, 7));
        assert_ne!(a, pages(30, 8));
        assert_eq!(a[0].name, "p000001.txt");
    }

    #[test]
    fn odd_options_give_no_panic() {
        assert!(pages(0, 1).is_empty());
        let opts = Options { pages: 3, seed: u64::MAX, articles_per_page: (0, 0), officials: 0 };
        assert_eq!(generate(&opts).count(), 3);
        let opts = Options { pages: 2, seed: 0, articles_per_page: (9, 2), officials: 10_000 };
        assert!(generate(&opts).all(|p| !p.text.is_empty()));
    }

    #[test]
    fn pages_look_like_pages() {
        let all = pages(60, 3);
        let mean = all.iter().map(|p| p.text.chars().count()).sum::<usize>() / all.len();
        assert!((2_000..=6_500).contains(&mean), "mean page length {mean}");
        for p in &all {
            assert!(!p.text.contains('{') && !p.text.contains('}'), "unfilled slot in {}:\n{}", p.name, p.text);
            let clean = crate::text::normalize(&p.text);
            assert!(clean.date_line.is_some(), "{} has no date line", p.name);
            let longest = p.text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
            assert!(longest <= 120, "{}: a line of {longest} characters", p.name);
        }
    }

    #[test]
    fn every_template_slot_is_filled_by_the_writer_or_a_table() {
        let w = World::build(lexicon(), 1, 5, 5);
        let t = &w.templates;
        for name in t.names() {
            for entry in t.table(name) {
                for slot in templates::slot_names(entry) {
                    assert!(article::SLOTS.contains(&slot) || !t.table(slot).is_empty(), "[{name}] uses unknown slot {{{slot}}}");
                }
            }
        }
    }

    /// The point of the generator: the extractor finds the cast with their posts, the events
    /// they take part in and the projects with their investment.
    #[test]
    fn the_extractor_reads_the_pages() {
        let opts = Options { pages: 40, seed: 5, ..Options::default() };
        let world = World::build(lexicon(), opts.seed, opts.officials, 1);
        let (mut titled, mut events, mut participations, mut invested) = (0, 0, 0, 0);
        let mut cast_found = std::collections::HashSet::new();
        for page in generate(&opts) {
            let x = extract(&page.text);
            titled += x.persons.iter().filter(|p| !p.titles.is_empty()).count();
            events += x.events.iter().filter(|e| !e.participants.is_empty() && e.date.is_some()).count();
            participations += x.events.iter().map(|e| e.participants.len()).sum::<usize>();
            invested += x.projects.iter().filter(|p| p.investment.is_some()).count();
            for p in &x.persons {
                let official = world.cast.iter().find(|o| o.person.name == p.name);
                if official.is_some_and(|o| p.titles.iter().any(|t| o.person.title.ends_with(t.text.as_str()))) {
                    cast_found.insert(p.name.clone());
                }
            }
        }
        let n = opts.pages;
        assert!(titled >= 8 * n, "titled persons: {titled} on {n} pages");
        assert!(events >= 2 * n, "dated events with participants: {events} on {n} pages");
        assert!(participations >= 8 * n, "participations: {participations} on {n} pages");
        assert!(invested >= 3 * n / 2, "projects with investment: {invested} on {n} pages");
        assert!(
            cast_found.len() * 3 >= world.cast.len() * 2,
            "cast found with a title of theirs: {} of {}",
            cast_found.len(),
            world.cast.len()
        );
    }

    #[test]
    fn the_cast_recurs_across_pages() {
        let opts = Options { pages: 40, seed: 9, ..Options::default() };
        let world = World::build(lexicon(), opts.seed, opts.officials, 50);
        let texts: Vec<String> = generate(&opts).map(|p| crate::text::normalize(&p.text).text).collect();
        let secretary = &world.cast[0].person.name;
        let pages_with = texts.iter().filter(|t| t.contains(secretary.as_str())).count();
        assert!(pages_with >= 5, "{secretary} on {pages_with} of 40 pages");
    }
}
