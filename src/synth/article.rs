//! One news article of the kinds a city paper prints about its officials: meetings, inspection
//! visits, signing ceremonies, projects starting or completing, and meetings with guests (会见).
//! The sentences come from `templates.txt`; this file chooses who and what fills them.

use super::calendar::Date;
use super::rng::Rng;
use super::templates::{Seen, Slots};
use super::world::{Company, Official, Person, Post, World};

/// Every slot an article fills in (the tests check that templates use no other slot, apart from
/// the names of tables).
pub const SLOTS: [&str; 45] = [
    "trade",
    "date",
    "year",
    "city",
    "city_short",
    "province",
    "province_short",
    "other_city",
    "other_short",
    "county",
    "county_short",
    "county_head",
    "zone",
    "venue",
    "venue_short",
    "event",
    "speaker",
    "speaker_name",
    "chair",
    "chair_name",
    "lead",
    "lead_name",
    "attendees",
    "hosts",
    "guest",
    "guest_name",
    "guest_company",
    "dept",
    "dept_name",
    "county_lead",
    "county_lead_name",
    "chairman",
    "chairman_name",
    "company",
    "company_short",
    "company_brand",
    "project",
    "amount",
    "total",
    "count",
    "output",
    "jobs",
    "months",
    "capacity",
    "product",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Meeting,
    CountyMeeting,
    Visit,
    Signing,
    ProjectStart,
    ProjectDone,
    Courtesy,
}

/// How often each kind appears, out of the sum.
const KINDS: [(Kind, usize); 7] = [
    (Kind::Meeting, 22),
    (Kind::CountyMeeting, 10),
    (Kind::Visit, 24),
    (Kind::Signing, 12),
    (Kind::ProjectStart, 12),
    (Kind::ProjectDone, 8),
    (Kind::Courtesy, 12),
];

/// Paragraphs an article may grow to while it fills its share of the page.
const MAX_PARAGRAPHS: usize = 16;
/// Paragraphs a filling table may give one article (so that background does not swamp it).
const MAX_FROM_TABLE: usize = 4;

#[derive(Debug, Clone)]
pub struct Article {
    pub headline: String,
    pub paragraphs: Vec<String>,
    /// A photo caption, without the photographer's credit.
    pub caption: Option<String>,
}

/// An article about an event on `date`, of about `target_chars` characters.
pub fn write(world: &World, date: Date, target_chars: usize, rng: &mut Rng) -> Article {
    let kind = pick_kind(rng);
    let mut w = Writer::new(world, date, target_chars, rng);
    let headline_table = match kind {
        Kind::Meeting => w.meeting(),
        Kind::CountyMeeting => w.county_meeting(),
        Kind::Visit => w.visit(),
        Kind::Signing => w.signing(),
        Kind::ProjectStart => w.project_start(),
        Kind::ProjectDone => w.project_done(),
        Kind::Courtesy => w.courtesy(),
    };
    let headline = w.say(headline_table);
    let caption = caption_table(kind).map(|t| w.say(t));
    Article { headline, paragraphs: w.paragraphs, caption }
}

/// Photos go with visits (the official at a company) and with ceremonies and meetings.
fn caption_table(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Visit => Some("visit_caption"),
        Kind::Courtesy => None,
        _ => Some("event_caption"),
    }
}

fn pick_kind(rng: &mut Rng) -> Kind {
    let total: usize = KINDS.iter().map(|(_, n)| n).sum();
    let mut at = rng.below(total);
    for (kind, n) in KINDS {
        if at < n {
            return kind;
        }
        at -= n;
    }
    Kind::Meeting
}

/// Which officials may take a part: tried in order, the first kind with someone free wins.
type Want<'w> = &'w dyn Fn(Post) -> bool;

fn is_top(p: Post) -> bool {
    p == Post::CityTop
}
fn is_vice(p: Post) -> bool {
    p == Post::CityVice
}
fn is_province(p: Post) -> bool {
    p == Post::Province
}
fn is_department(p: Post) -> bool {
    p == Post::Department
}

struct Writer<'a> {
    world: &'a World,
    rng: &'a mut Rng,
    slots: Slots,
    /// Names that already have a part in this article.
    used: Vec<String>,
    /// Template entries already used: an article says each thing once.
    seen: Seen<'a>,
    paragraphs: Vec<String>,
    target: usize,
}

impl<'a> Writer<'a> {
    fn new(world: &'a World, date: Date, target: usize, rng: &'a mut Rng) -> Self {
        let mut slots = world.place_slots();
        let written = if rng.chance(0.1) { format!("{}年{}", date.year, date.month_day()) } else { date.month_day() };
        slots.insert("date", written);
        slots.insert("year", date.year.to_string());
        let mut w = Writer { world, rng, slots, used: Vec::new(), seen: Seen::new(), paragraphs: Vec::new(), target };
        let county = w.rng.below(world.counties.len());
        w.set_county(county);
        let trade = w.rng.pick(&world.industries).map(|i| i.trade.clone()).unwrap_or_default();
        w.set("trade", trade);
        w
    }

    // --- the kinds -----------------------------------------------------------------------------

    fn meeting(&mut self) -> &'static str {
        self.cast_as("speaker", &[&is_top, &is_province]);
        self.cast_as("chair", &[&is_top, &is_vice]);
        let n = self.rng.between(2, 5);
        let attendees = self.officials(n, &[&is_vice, &is_department]);
        let listed = list_people(&attendees, self.rng);
        self.set("attendees", listed);
        let event = self.say("meeting_event");
        self.set("event", event);
        self.set_venue_city();
        self.paragraph(&["meeting_lead", "meeting_roles", "meeting_attend"]);
        if self.rng.chance(0.6) {
            self.meeting_reports();
        }
        self.fill_with(&["progress", "meeting_body", "work_plan"]);
        self.paragraph(&["meeting_close"]);
        "meeting_headline"
    }

    fn county_meeting(&mut self) -> &'static str {
        let county = self.county_with_cast();
        self.set_county(county);
        self.cast_as("speaker", &[&|p| p == Post::CountySecretary(county)]);
        self.cast_as("chair", &[&|p| p == Post::CountyHead(county), &|p| p == Post::CountyVice(county)]);
        let mut attendees = self.officials(1, &[&is_vice]);
        attendees.extend(self.officials(1, &[&|p| p == Post::CountyVice(county)]));
        let listed = list_people(&attendees, self.rng);
        self.set("attendees", listed);
        let event = self.say("county_event");
        self.set("event", event);
        let name = self.world.counties[county].area.name.clone();
        self.set("venue", name);
        self.paragraph(&["meeting_lead", "meeting_roles", "meeting_attend"]);
        self.fill_with(&["progress_county", "meeting_body", "work_plan"]);
        self.paragraph(&["meeting_close"]);
        "meeting_headline"
    }

    fn visit(&mut self) -> &'static str {
        // Mostly the city's top two, often a vice mayor, now and then a provincial leader.
        let lead = match self.rng.below(10) {
            0..=4 => self.cast_as("lead", &[&is_top, &is_vice]),
            5..=8 => self.cast_as("lead", &[&is_vice, &is_top]),
            _ => self.cast_as("lead", &[&is_province, &is_top]),
        };
        let county = self.county_with_cast();
        self.set_county(county);
        let mut hosts = Vec::new();
        if lead.is_some_and(|p| p == Post::Province) {
            hosts.extend(self.officials(2, &[&is_top]));
        }
        hosts.extend(self.officials(1, &[&|p| p == Post::CountySecretary(county)]));
        hosts.extend(self.officials(1, &[&|p| p == Post::CountyHead(county)]));
        let listed = list_people(&hosts, self.rng);
        self.set("hosts", listed);
        self.paragraph(&["visit_lead", "visit_hosts"]);
        let stops = self.rng.between(1, 3);
        for _ in 0..stops {
            let company = self.company_in(county);
            self.set_company(company);
            self.paragraph(&["visit_company"]);
            if self.rng.chance(0.6) {
                self.paragraph(&["visit_project"]);
            }
        }
        self.fill_with(&["visit_speech", "pronoun_speech", "progress_county"]);
        "visit_headline"
    }

    fn signing(&mut self) -> &'static str {
        self.cast_as("speaker", &[&is_top]);
        self.cast_as("chair", &[&is_vice, &is_top]);
        let n = self.rng.between(1, 3);
        let witnesses = self.officials(n, &[&is_vice, &is_department]);
        let listed = list_people(&witnesses, self.rng);
        self.set("attendees", listed);
        let event = self.say("signing_event");
        self.set("event", event);
        self.set_venue_city();
        self.paragraph(&["signing_lead", "signing_roles", "signing_witness"]);
        self.signed_projects();
        self.paragraph(&["signing_speech"]);
        self.paragraph(&["signing_investor"]);
        self.fill_with(&["company_profile", "signing_background", "progress"]);
        "signing_headline"
    }

    fn project_start(&mut self) -> &'static str {
        let county = self.county_with_cast();
        self.set_county(county);
        self.cast_as("lead", &[&is_top, &is_vice]);
        self.cast_as("county_lead", &[&|p| p == Post::CountySecretary(county), &|p| p == Post::CountyHead(county)]);
        let company = self.company_in(county);
        self.set_company(company);
        let grouped = self.rng.chance(0.35);
        let event = self.say(if grouped { "start_group_event" } else { "start_event" });
        self.set("event", event);
        self.paragraph(&["start_lead", "start_roles"]);
        if grouped {
            let (count, total) = (self.rng.between(6, 40), self.amount_wan() * 8);
            self.set("count", count.to_string());
            self.set("total", format_amount(total));
            self.paragraph(&["start_total"]);
        }
        self.paragraph(&[if grouped { "start_group_detail" } else { "start_detail" }]);
        self.paragraph(&["signing_investor"]);
        self.fill_with(&["company_profile", "ceremony_speech", "progress_county"]);
        if grouped {
            "start_group_headline"
        } else {
            "start_headline"
        }
    }

    fn project_done(&mut self) -> &'static str {
        let county = self.county_with_cast();
        self.set_county(county);
        self.cast_as("lead", &[&is_vice, &is_top]);
        self.cast_as("county_lead", &[&|p| p == Post::CountySecretary(county), &|p| p == Post::CountyHead(county)]);
        let company = self.company_in(county);
        self.set_company(company);
        let event = format!("{}竣工投产仪式", self.slot("project"));
        self.set("event", event);
        self.paragraph(&["complete_lead", "complete_roles"]);
        self.paragraph(&["complete_detail"]);
        self.paragraph(&["signing_investor"]);
        self.fill_with(&["company_profile", "ceremony_speech", "progress_county"]);
        "complete_headline"
    }

    fn courtesy(&mut self) -> &'static str {
        let world = self.world;
        self.cast_as("lead", &[&is_top]);
        let other_leader = if self.rng.chance(0.35) { self.official(&[&|p| p == Post::OtherCity]) } else { None };
        match other_leader {
            Some(o) => {
                self.set_person("guest", &o.person);
                self.set("guest_company", world.other_city.name.clone());
            }
            None => {
                let company = self.company_in(usize::MAX);
                self.set_company(company);
                if let Some(c) = company.and_then(|c| world.companies.get(c)) {
                    self.set_person("guest", &c.chairman);
                    self.set("guest_company", c.short.clone());
                }
            }
        }
        let n = self.rng.between(1, 2);
        let attendees = self.officials(n, &[&is_vice, &is_department]);
        let listed = list_people(&attendees, self.rng);
        self.set("attendees", listed);
        self.paragraph(&["courtesy_lead", "courtesy_attend"]);
        if self.rng.chance(0.4) {
            self.paragraph(&["courtesy_signing"]);
        }
        self.fill_with(&["courtesy_body", "progress"]);
        "courtesy_headline"
    }

    // --- parts shared by several kinds ------------------------------------------------------------

    /// "会上，某局局长…作工作汇报，某县委书记…作交流发言": department heads, county leaders and
    /// company chairmen speaking at the meeting.
    fn meeting_reports(&mut self) {
        let world = self.world;
        match self.official(&[&is_department]) {
            Some(dept) => self.set_person("dept", &dept.person),
            None => {
                let k = self.rng.below(world.departments.len());
                if let Some(head) = world.departments.get(k) {
                    self.set_person("dept", head);
                }
            }
        }
        self.cast_as("county_lead", &[&|p| matches!(p, Post::CountySecretary(_)), &|p| matches!(p, Post::CountyHead(_))]);
        let company = self.company_in(usize::MAX);
        self.set_company(company);
        self.paragraph(&["meeting_report"]);
    }

    /// Two or three projects signed at the ceremony, with the total of the whole signing.
    fn signed_projects(&mut self) {
        let n = self.rng.between(2, 3);
        let world = self.world;
        let amounts: Vec<u64> = (0..n).map(|_| self.amount_wan()).collect();
        let more = self.amount_wan() * self.rng.between(2, 10) as u64;
        let total = amounts.iter().sum::<u64>() + more;
        let count = n + self.rng.between(3, 30);
        self.set("count", count.to_string());
        self.set("total", format_amount(total));
        let mut text = self.say("signing_total");
        for amount in amounts {
            let company = self.company_in(usize::MAX);
            self.set_company(company);
            if let Some(c) = company.and_then(|c| world.companies.get(c)) {
                self.set_county(c.county);
            }
            self.set("amount", format_amount(amount));
            text.push_str(&self.say("signing_project"));
        }
        self.paragraphs.push(text);
    }

    /// Adds paragraphs from `tables` (a random one each time) until the article reaches its
    /// length or has said all they hold. They stand in the order of `tables` (speeches before
    /// background, say).
    fn fill_with(&mut self, tables: &[&str]) {
        let mut open: Vec<usize> = (0..tables.len()).collect();
        let mut added: Vec<(usize, String)> = Vec::new();
        let mut length = self.length();
        while length < self.target && self.paragraphs.len() + added.len() < MAX_PARAGRAPHS && !open.is_empty() {
            let k = self.rng.below(open.len());
            let table = open[k];
            match self.say_new(tables[table]) {
                Some(text) => {
                    length += text.chars().count();
                    added.push((table, text));
                    if added.iter().filter(|(t, _)| *t == table).count() >= MAX_FROM_TABLE {
                        open.remove(k);
                    }
                }
                None => {
                    open.remove(k);
                }
            }
        }
        added.sort_by_key(|(table, _)| *table);
        self.paragraphs.extend(added.into_iter().map(|(_, text)| text));
    }

    fn length(&self) -> usize {
        self.paragraphs.iter().map(|p| p.chars().count()).sum()
    }

    fn paragraph(&mut self, tables: &[&str]) {
        let text: String = tables.iter().map(|t| self.say(t)).collect();
        if !text.is_empty() {
            self.paragraphs.push(text);
        }
    }

    /// An entry of `table`, filled: a new one if the article has not used them all.
    fn say(&mut self, table: &str) -> String {
        let world = self.world;
        self.say_new(table).unwrap_or_else(|| world.templates.pick(table, &self.slots, self.rng))
    }

    /// An entry of `table` the article has not used yet, filled.
    fn say_new(&mut self, table: &str) -> Option<String> {
        self.world.templates.pick_new(table, &self.slots, self.rng, &mut self.seen)
    }

    fn set(&mut self, key: &'static str, value: String) {
        self.slots.insert(key, value);
    }

    fn slot(&self, key: &str) -> String {
        self.slots.get(key).cloned().unwrap_or_default()
    }

    // --- people -----------------------------------------------------------------------------------

    /// Sets `key` (titled) and `key_name` (the bare name, for later mentions).
    fn set_person(&mut self, key: &'static str, p: &Person) {
        self.slots.insert(key, p.titled());
        self.slots.insert(name_key(key), p.name.clone());
        self.used.push(p.name.clone());
    }

    /// Gives the part `key` to an official of the first kind in `wants` that has someone free;
    /// returns that official's post.
    fn cast_as(&mut self, key: &'static str, wants: &[Want]) -> Option<Post> {
        let official = self.official(wants).or_else(|| self.official(&[&|_| true]))?;
        self.set_person(key, &official.person);
        Some(official.post)
    }

    /// A free official of the first kind in `wants` that has one (not yet in the article).
    fn official(&mut self, wants: &[Want]) -> Option<&'a Official> {
        let world = self.world;
        for want in wants {
            let free: Vec<&'a Official> = world.officials(want).into_iter().filter(|o| !self.used.contains(&o.person.name)).collect();
            if let Some(&o) = self.rng.pick(&free) {
                return Some(o);
            }
        }
        None
    }

    /// Up to `n` free officials of the kinds in `wants`, each marked as used.
    fn officials(&mut self, n: usize, wants: &[Want]) -> Vec<Person> {
        let mut out = Vec::new();
        while out.len() < n {
            let Some(o) = self.official(wants) else { break };
            self.used.push(o.person.name.clone());
            out.push(o.person.clone());
        }
        out
    }

    // --- places and companies ---------------------------------------------------------------------

    fn set_county(&mut self, c: usize) {
        let Some(county) = self.world.counties.get(c) else { return };
        self.slots.insert("county", county.area.name.clone());
        self.slots.insert("county_short", county.area.short.clone());
        self.slots.insert("county_head", county.head.to_string());
        self.slots.insert("zone", county.zone.clone());
    }

    /// A county whose leaders are in the cast, most of the time (else any county).
    fn county_with_cast(&mut self) -> usize {
        let with_cast: Vec<usize> =
            (0..self.world.counties.len()).filter(|&c| self.world.cast.iter().any(|o| o.post == Post::CountySecretary(c))).collect();
        match self.rng.pick(&with_cast) {
            Some(&c) if self.rng.chance(0.85) => c,
            _ => self.rng.below(self.world.counties.len()),
        }
    }

    fn set_venue_city(&mut self) {
        let city = &self.world.city;
        let word = self.world.templates.pick("venue_word", &Slots::new(), self.rng);
        let venue = match self.rng.below(4) {
            0 => city.short.clone(),
            1 => format!("{}{word}", city.name),
            _ => city.name.clone(),
        };
        self.set("venue", venue);
        self.set("venue_short", city.short.clone());
    }

    /// A company that builds in county `c` if one is found quickly, else any; the few at the
    /// front of the list come up more often (they recur across the archive).
    fn company_in(&mut self, c: usize) -> Option<usize> {
        let n = self.world.companies.len();
        let first = self.rng.skewed(n);
        let local = (0..n.min(40)).map(|k| (first + k * 7) % n.max(1)).find(|&k| self.world.companies[k].county == c);
        local.or((n > 0).then_some(first))
    }

    /// Sets the company slots, its chairman and a project of its industry.
    fn set_company(&mut self, company: Option<usize>) {
        let world = self.world;
        let Some(c) = company.and_then(|c| world.companies.get(c)) else { return };
        self.set_company_slots(c);
        let chairman = c.chairman.clone();
        self.slots.insert("chairman", chairman.titled());
        self.slots.insert("chairman_name", chairman.name.clone());
        self.set_project(c);
    }

    fn set_company_slots(&mut self, c: &Company) {
        self.slots.insert("company", c.name.clone());
        self.slots.insert("company_short", c.short.clone());
        self.slots.insert("company_brand", c.short.chars().take(2).collect());
        if let Some(industry) = self.world.industries.get(c.industry) {
            self.slots.insert("trade", industry.trade.clone());
        }
    }

    fn set_project(&mut self, c: &Company) {
        let Some(industry) = self.world.industries.get(c.industry) else { return };
        let product = self.rng.pick(&industry.products).cloned().unwrap_or_default();
        let number = if industry.unit.starts_with('万') { self.rng.between(1, 60) } else { self.rng.between(5, 80) * 100 };
        self.set("product", product);
        self.set("capacity", format!("{number}{}", industry.unit));
        let project = self.say("project_name");
        self.set("project", project);
        let amount = self.amount_wan();
        self.set("amount", format_amount(amount));
        let output = self.rng.between(2, 80);
        self.set("output", output.to_string());
        let jobs = self.rng.between(10, 150) * 10;
        self.set("jobs", jobs.to_string());
        let months = self.rng.between(8, 20);
        self.set("months", months.to_string());
    }

    /// An investment in 万元: mostly 1–60亿元 to a tenth, sometimes whole 亿元 or a few thousand 万元.
    fn amount_wan(&mut self) -> u64 {
        match self.rng.below(10) {
            0 => self.rng.between(30, 95) as u64 * 100,
            1 | 2 => self.rng.between(2, 80) as u64 * 10_000,
            _ => self.rng.between(10, 600) as u64 * 1_000,
        }
    }
}

fn name_key(key: &'static str) -> &'static str {
    match key {
        "speaker" => "speaker_name",
        "chair" => "chair_name",
        "lead" => "lead_name",
        "guest" => "guest_name",
        "dept" => "dept_name",
        "county_lead" => "county_lead_name",
        "chairman" => "chairman_name",
        _ => "other_name",
    }
}

/// "12.5亿元", "8亿元", "6800万元".
pub fn format_amount(wan: u64) -> String {
    if wan < 10_000 {
        return format!("{wan}万元");
    }
    let tenths = wan / 1_000;
    if tenths.is_multiple_of(10) {
        format!("{}亿元", tenths / 10)
    } else {
        format!("{}.{}亿元", tenths / 10, tenths % 10)
    }
}

/// People as a list of attendees: "市领导甲、乙、丙" when all are city leaders written that way,
/// else grouped by title ("副市长甲、乙，市委常委、秘书长丙"), sometimes closed by 等.
pub fn list_people(people: &[Person], rng: &mut Rng) -> String {
    let city_leaders = people.iter().all(|p| p.title.starts_with('市') && !p.title.contains('局') && !p.title.contains("委员会"));
    let mut text = if city_leaders && people.len() >= 2 && rng.chance(0.5) {
        format!("市领导{}", people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join("、"))
    } else {
        grouped_by_title(people)
    };
    if people.len() >= 2 && rng.chance(0.5) {
        text.push('等');
    }
    text
}

fn grouped_by_title(people: &[Person]) -> String {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for p in people {
        match groups.iter_mut().find(|(t, _)| *t == p.title) {
            Some((_, names)) => names.push(&p.name),
            None => groups.push((&p.title, vec![&p.name])),
        }
    }
    groups.iter().map(|(t, names)| format!("{t}{}", names.join("、"))).collect::<Vec<_>>().join("，")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, title: &str) -> Person {
        Person { name: name.into(), title: title.into() }
    }

    #[test]
    fn amounts_are_written_as_papers_do() {
        assert_eq!(format_amount(125_000), "12.5亿元");
        assert_eq!(format_amount(80_000), "8亿元");
        assert_eq!(format_amount(6_800), "6800万元");
    }

    #[test]
    fn lists_group_people_by_title() {
        let people = [person("甲一", "副市长"), person("乙二", "市委常委、秘书长"), person("丙三", "副市长")];
        assert_eq!(grouped_by_title(&people), "副市长甲一、丙三，市委常委、秘书长乙二");
        let mut rng = Rng::new(3);
        let listed = list_people(&people, &mut rng);
        assert!(listed.starts_with("市领导") || listed.starts_with("副市长"), "{listed}");
    }
}
