//! The facts extracted from one document, each with its evidence.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgType {
    Company,
    Government,
    Other,
}

impl OrgType {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "company" => Some(OrgType::Company),
            "government" => Some(OrgType::Government),
            "other" => Some(OrgType::Other),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            OrgType::Company => "company",
            OrgType::Government => "government",
            OrgType::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Attended,
    Organized,
    Led,
    Spoke,
    Presided,
}

impl Role {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "presided" => Some(Role::Presided),
            "spoke" => Some(Role::Spoke),
            "led" => Some(Role::Led),
            "attended" => Some(Role::Attended),
            "organized" => Some(Role::Organized),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Presided => "presided",
            Role::Spoke => "spoke",
            Role::Led => "led",
            Role::Attended => "attended",
            Role::Organized => "organized",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    Planned,
    Signed,
    Started,
    InProduction,
    Completed,
}

impl ProjectStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::Planned => "planned",
            ProjectStatus::Signed => "signed",
            ProjectStatus::Started => "started",
            ProjectStatus::InProduction => "in_production",
            ProjectStatus::Completed => "completed",
        }
    }
}

/// A calendar date as far as the text gives it: year may come from the page's context, the day may
/// be missing ("3月").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

impl DateValue {
    /// ISO form: `2024-02-13`, `2024-03` (month only), `--02-13` (no year).
    pub fn iso(&self) -> String {
        match (self.year, self.day) {
            (Some(y), Some(d)) => format!("{y:04}-{:02}-{d:02}", self.month),
            (Some(y), None) => format!("{y:04}-{:02}", self.month),
            (None, Some(d)) => format!("--{:02}-{d:02}", self.month),
            (None, None) => format!("--{:02}", self.month),
        }
    }
}

/// Where a fact was read: a sentence of the document and the character span (end exclusive) of
/// the words that state it, both as offsets into the ORIGINAL document text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// The kinds `newsgraph extract` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionType {
    Person,
    Position,
    Company,
    Government,
    Organization,
    Place,
    Project,
    Event,
    Date,
    Money,
}

impl MentionType {
    pub fn of_org(t: OrgType) -> Self {
        match t {
            OrgType::Company => MentionType::Company,
            OrgType::Government => MentionType::Government,
            OrgType::Other => MentionType::Organization,
        }
    }
}

/// One recognised span, offsets into the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    #[serde(rename = "type")]
    pub kind: MentionType,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Title {
    pub text: String,
    /// The organisation written in the title ("市工信局" in "市工信局局长"), if any.
    pub org: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub name: String,
    pub titles: Vec<Title>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Organization {
    pub name: String,
    pub org_type: OrgType,
    pub aliases: Vec<String>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Place {
    pub name: String,
    pub level: &'static str,
    pub code: String,
    /// Ancestors, nearest first: (name, level, code).
    pub parents: Vec<(String, &'static str, String)>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Project {
    pub name: String,
    /// Yuan, as an exact decimal string ("3006000000").
    pub investment: Option<String>,
    pub place: Option<String>,
    pub investor: Option<String>,
    pub status: Option<ProjectStatus>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct Participation {
    pub person: String,
    pub role: Role,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub name: String,
    pub date: Option<DateValue>,
    pub end_date: Option<DateValue>,
    pub place: Option<String>,
    pub participants: Vec<Participation>,
    /// Aggregate statements about the event ("签约项目32个，总投资186亿元").
    pub aggregate_projects: Option<u64>,
    pub aggregate_investment: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Serialize)]
pub struct SentenceText {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The home of the sentence's article: the GB/T 2260 codes of the city and the province it
    /// names most (see `extract::home`), where a post written without its place ("市长") serves.
    #[serde(skip_serializing_if = "Home::is_empty")]
    pub home: Home,
}

/// Where an article is from, as GB/T 2260 codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Home {
    pub city: Option<String>,
    pub province: Option<String>,
}

impl Home {
    pub fn is_empty(&self) -> bool {
        self.city.is_none() && self.province.is_none()
    }

    /// The most precise division known: the city, else the province.
    pub fn nearest(&self) -> Option<&str> {
        self.city.as_deref().or(self.province.as_deref())
    }
}

/// Everything read from one document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extraction {
    pub published: Option<DateValue>,
    pub sentences: Vec<SentenceText>,
    pub mentions: Vec<Mention>,
    pub persons: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    pub projects: Vec<Project>,
    pub events: Vec<Event>,
}

impl Extraction {
    /// Number of facts (titles, aliases, project and event attributes, participations) for summaries.
    pub fn fact_count(&self) -> usize {
        let titles: usize = self.persons.iter().map(|p| p.titles.len()).sum();
        let aliases: usize = self.organizations.iter().map(|o| o.aliases.len()).sum();
        let projects: usize = self
            .projects
            .iter()
            .map(|p| {
                1 + usize::from(p.investment.is_some())
                    + usize::from(p.place.is_some())
                    + usize::from(p.investor.is_some())
                    + usize::from(p.status.is_some())
            })
            .sum();
        let events: usize =
            self.events.iter().map(|e| 1 + usize::from(e.date.is_some()) + usize::from(e.place.is_some()) + e.participants.len()).sum();
        titles + aliases + projects + events + self.places.iter().map(|p| p.parents.len().min(1)).sum::<usize>()
    }

    pub fn entity_count(&self) -> usize {
        self.persons.len() + self.organizations.len() + self.places.len() + self.projects.len() + self.events.len()
    }
}
