//! Chinese questions → [`Question`]s with their name slots.
//!
//! The supported forms are data: [`FORMS`] lists, for each kind of question, how it is used, an
//! example, and its patterns. A pattern is literal text with groups in braces:
//!
//! * `{X}`, `{A}`, `{B}` — a name slot (one or more characters, tried shortest first);
//! * `{attend}` — one word of the vocabulary entry of that name ([`VOCAB`]);
//! * `{了|过}` — one of the words given inline;
//! * a trailing `?` inside the braces (`{past?}`, `{的?}`) makes the group optional.
//!
//! A question can match several patterns (or one pattern in several ways, e.g. where a name itself
//! contains 和); [`parse_all`] returns every reading in table order, and the caller keeps the first
//! whose names it can resolve.

/// A day of the year named in a question ("2月23日", "2025年3月4日").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
}

/// A stretch of time named in a question ("2024年", "2024年3月", "3月"): a post counts when it is
/// seen in an article of that time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// A post in a place, as a question names it: "2024年晋中市市长" → 晋中市, 市长, 2024.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// The place (or body) as the user wrote it: "晋中市", "晋中" (of 晋中市委书记).
    pub place: String,
    /// One of [`titles`], never user text: "市长", "副市长", "市委书记".
    pub title: String,
    pub period: Option<Period>,
}

/// The event a question is about: by name (label or alias, fuzzy) or by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EventRef {
    Name(String),
    Date(Day),
}

/// What a question asks, with the names as the user wrote them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    /// 谁出席了<活动>？ — attendees of an event (or of the events on a day).
    EventAttendees(EventRef),
    /// <人物>出席了哪些活动？
    PersonEvents(String),
    /// 谁参加了哪些活动？ — the whole attendance table.
    AllAttendance,
    /// <人物>担任什么职务？ / <人物>是谁？
    PersonPosts(String),
    /// <人物>担任过哪些职务？ — every post with the first and last dates it is seen.
    PostHistory(String),
    /// <时间><地点><职务>是谁？ — who held that post there (then).
    OfficeHolder(Office),
    /// <项目>进展如何？ — the status timeline of a project.
    ProjectProgress(String),
    /// <地点>的项目总投资是多少？
    PlaceInvestment(String),
    /// 哪些公司在<地点>投资？
    PlaceInvestors(String),
    /// <地点>有哪些项目？
    PlaceProjects(String),
    /// 谁和<人物>一起出席过活动？
    CoAttendees(String),
    /// <A>和<B>有什么关系？
    Relation(String, String),
    /// 投资最多的项目是哪些？
    TopProjects,
}

/// The names captured by a pattern: `{X}` in one-name forms, `{A}` and `{B}` in relations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Slots {
    pub x: Option<String>,
    pub a: Option<String>,
    pub b: Option<String>,
}

/// One kind of question: how it reads, an example, its patterns and how its slots become a
/// [`Question`].
pub struct Form {
    /// The form with its slots named in Chinese ("谁出席了<活动>？").
    pub usage: &'static str,
    /// A question of this form that the sample articles answer.
    pub example: &'static str,
    /// Patterns in the syntax of this module's documentation, tried in order.
    pub patterns: &'static [&'static str],
    /// The question the captured slots make (`None` when a slot it needs is missing).
    build: fn(Slots) -> Option<Question>,
}

/// Word lists that patterns refer to by name (`{attend}`).
pub const VOCAB: &[(&str, &[&str])] = &[
    ("attend", &["出席", "参加", "参会", "参与", "到场", "列席"]),
    ("past", &["了", "过"]),
    ("which", &["哪些", "什么", "哪几个", "哪个", "哪几场", "哪几次"]),
    ("event", &["活动", "会议", "会"]),
    ("who", &["谁", "哪些人", "什么人", "哪几位", "哪些领导", "哪些人员", "哪位"]),
    ("and", &["和", "与", "跟", "同", "及"]),
    ("together", &["一起", "一同", "共同", "同时"]),
    ("post", &["职务", "职位", "官职", "头衔", "工作", "职"]),
    ("hold", &["担任", "任", "任职", "是", "有"]),
    ("company", &["公司", "企业", "机构", "投资方", "投资者", "单位"]),
    ("most", &["最多", "最大", "最高"]),
    ("how_much", &["多少", "多少钱", "几何", "多大"]),
    ("relation", &["关系", "联系", "关联"]),
    (
        "attendees",
        &[
            "出席人员",
            "参会人员",
            "参加人员",
            "与会人员",
            "出席者",
            "参会者",
            "参加者",
            "与会者",
            "出席的人",
            "参加的人",
            "出席名单",
            "参会名单",
        ],
    ),
    ("list", &["有哪些", "是哪些", "有什么", "都有哪些", "有谁", "是谁", "都有谁", "都是谁", "是什么", "有哪些人", "是哪些人"]),
    ("ranking", &["排名", "排行", "排行榜", "排序"]),
    (
        "holder",
        &["是谁", "是哪位", "是哪一位", "是什么人", "叫什么", "叫什么名字", "都是谁", "有谁", "都有谁", "是哪些人", "有哪些人", "有哪几位"],
    ),
    ("take_post", &["担任", "任", "出任", "当", "是"]),
    ("career", &["任职经历", "任职履历", "履历", "任职情况", "任职记录", "职务变化", "职务变动", "职务变迁", "历任职务", "工作经历"]),
    (
        "progress",
        &[
            "进展",
            "进度",
            "进展情况",
            "进度情况",
            "进展状况",
            "推进情况",
            "建设进展",
            "建设进度",
            "建设情况",
            "最新进展",
            "最新情况",
            "动态",
            "最新动态",
        ],
    ),
    (
        "how",
        &[
            "如何",
            "怎么样",
            "怎么样了",
            "怎样",
            "怎样了",
            "是什么",
            "是怎样的",
            "有哪些",
            "到哪一步了",
            "到哪一步",
            "到哪了",
            "到什么程度了",
            "到什么程度",
        ],
    ),
];

/// Every supported question form: forms without names first, then the more specific ones.
pub const FORMS: &[Form] = &[
    Form {
        usage: "谁参加了哪些活动？",
        example: "谁参加了哪些活动？",
        patterns: &[
            "{who}{都?}{attend}{past?}{which}{event}",
            "{which}{event}{都?}有{who}{attend}{past?}",
            "{所有|全部|各|每个?}{event}的{出席|参会|参加}{情况|名单|人员}",
        ],
        build: |_| Some(Question::AllAttendance),
    },
    Form {
        usage: "投资最多的项目是哪些？",
        example: "投资最多的项目是哪些？",
        patterns: &[
            "投资{额?}{most}的{前几个|前十个|前十|几个?}项目{list?}",
            "{which}项目{的?}投资{额?}{most}",
            "{项目?}{的?}投资{额?}{ranking}",
            "{最大|最多|最重要}的{投资?}项目{list?}",
        ],
        build: |_| Some(Question::TopProjects),
    },
    Form {
        usage: "谁和<人物>一起出席过活动？",
        example: "谁和杭立新一起出席过活动？",
        patterns: &[
            "{who}{and}{X}{together}{attend}{past?}{which?}{event?}",
            "{X}{and}{who}{together}{attend}{past?}{which?}{event?}",
            "{and}{X}{together}{attend}{past?}{event?}的{有|是|都有|都是}{who}",
        ],
        build: |s| Some(Question::CoAttendees(s.x?)),
    },
    Form {
        usage: "<人物>出席了哪些活动？",
        example: "秦守源出席了哪些活动？",
        patterns: &["{X}{都?}{attend}{past?}{which}{event}", "{X}{attend}{past?}的{event}{list}", "{X}的{event}{list}"],
        // "3月4日的活动有哪些" names a day, not a person.
        build: |s| {
            let x = s.x?;
            Some(parse_day(&x).map_or(Question::PersonEvents(x), |d| Question::EventAttendees(EventRef::Date(d))))
        },
    },
    Form {
        usage: "谁出席了<活动>？ / <活动或日期>有哪些人参加？",
        example: "谁出席了民营企业家座谈会？ / 3月4日的活动有哪些人参加？",
        patterns: &[
            "{who}{都?}{attend}{past?}{X}",
            "{X}{都?}有{who}{attend}{past?}",
            "{X}{who}{attend}{past?}",
            "{X}的{attendees}{list?}",
            "{attend}{past?}{X}的{有|是|都有|都是}{who}",
            "{X}{attend}{past?}的{有|是|都有|都是}{who}",
        ],
        build: |s| {
            let x = s.x?;
            Some(Question::EventAttendees(parse_day(&x).map_or(EventRef::Name(x), EventRef::Date)))
        },
    },
    Form {
        usage: "<时间><地点><职务>是谁？",
        example: "2025年洛阳市副市长是谁？ / 洛阳市委书记是谁？",
        patterns: &["{X}{holder}", "谁是{X}", "{谁|哪位|哪些人}{曾经|曾?}{take_post}{过|了?}{X}", "{X}{是|由}谁{担任|出任|当}{的?}"],
        // Only a name that ends in a post (晋中市市长) reads so; 顾怀川是谁 is a person's posts.
        build: |s| office(&s.x?).map(Question::OfficeHolder),
    },
    Form {
        usage: "<人物>担任过哪些职务？",
        example: "杭立新担任过哪些职务？",
        patterns: &[
            "{X}{都?}{曾经|曾|先后|历任?}{担任|任|任职|出任}过{which}{post}",
            "{X}{曾经|曾|先后}{担任|任|出任}{which}{post}",
            "{X}历任{which}{post}",
            "{X}{的?}{career}{list?}",
        ],
        build: |s| Some(Question::PostHistory(s.x?)),
    },
    Form {
        usage: "<人物>担任什么职务？ / <人物>是谁？",
        example: "顾怀川担任什么职务？",
        patterns: &[
            "{X}{hold}{past?}{which}{post}",
            "{X}的{post}{list?}",
            "{X}是谁",
            "谁是{X}",
            "{X}是{什么|哪里的|哪儿的}人",
            "{X}是做什么的",
            "{X}在{哪里|哪儿|哪个单位|什么单位}{工作|任职}",
        ],
        build: |s| Some(Question::PersonPosts(s.x?)),
    },
    Form {
        usage: "<项目>进展如何？",
        example: "擎川轴承大兆瓦风电主轴轴承项目进展如何？",
        patterns: &[
            "{X}{的?}{目前|现在|如今|最新?}{progress}{how?}",
            "{X}{目前|现在|如今?}{推进|建设|进展}{得?}{how}",
            "{X}{目前|现在|如今?}{是|处于|到了|进行到}{什么|哪个|哪一}{阶段|状态|程度}{了?}",
        ],
        build: |s| Some(Question::ProjectProgress(s.x?)),
    },
    Form {
        usage: "<地点>的项目总投资是多少？",
        example: "洛阳市的项目总投资是多少？",
        patterns: &[
            "{X}{的?}{所有|全部?}项目{的?}总投资{额?}{是|为|有?}{how_much}",
            "{X}{的?}{项目?}{一共|总共|共|合计|累计}投资{了?}{how_much}",
            "{X}{的?}总投资{额?}{是|为|有?}{how_much}",
        ],
        build: |s| Some(Question::PlaceInvestment(s.x?)),
    },
    Form {
        usage: "哪些公司在<地点>投资？",
        example: "哪些公司在偃师区投资？",
        patterns: &[
            "{which}{company}在{X}投资{了?}{项目?}",
            "{who}在{X}投资{了?}{项目?}",
            "在{X}投资的{company}{list}",
            "{X}的{投资方|投资者|投资企业|投资商}{list?}",
            "{which}{company}投资{了?}{X}{的?}{项目?}",
        ],
        build: |s| Some(Question::PlaceInvestors(s.x?)),
    },
    Form {
        usage: "<地点>有哪些项目？",
        example: "宜阳县有哪些项目？",
        patterns: &[
            "{X}{都?}有{which}{投资?}项目",
            "{X}{的?}{投资?}项目{list}",
            "{which}{投资?}项目{在|位于|落户|落户在|落地}{X}",
            "在{X}的{投资?}项目{list}",
        ],
        build: |s| Some(Question::PlaceProjects(s.x?)),
    },
    Form {
        usage: "<A>和<B>有什么关系？",
        example: "秦守源和杭立新有什么关系？",
        patterns: &[
            "{A}{and}{B}{之间?}{有|是|存在}{什么|哪些|怎样的|何种|什么样的}{relation}",
            "{A}{and}{B}{之间?}{有|存在}{没有|无?}{relation}",
            "{A}{and}{B}{之间?}{的?}{relation}{是什么?}",
            "{A}{and}{B}{是|有}{怎么|如何}{联系|关联}{的?}{起来?}",
        ],
        build: |s| Some(Question::Relation(s.a?, s.b?)),
    },
];

/// Words that are never part of a name: a slot holding one is a misreading.
const QUESTION_WORDS: [&str; 6] = ["谁", "哪些", "什么", "多少", "哪个", "哪几"];

/// Quote marks users put around names; trimmed off slot values.
const QUOTES: &[char] = &['“', '”', '"', '\'', '‘', '’', '《', '》', '「', '」', '『', '』', '〈', '〉'];

/// Courtesy openings and closings that carry no meaning.
const LEADING: [&str; 5] = ["请问一下", "请问", "我想知道", "想知道", "查询"];
const TRAILING: &[char] = &['？', '?', '。', '.', '！', '!', '～', '~', '呢', '吗', '啊', '呀', '…'];

/// Removes blanks (except one between two non-CJK characters, as in "Hello World"), turns
/// full-width digits into ASCII, and drops courtesy words and closing punctuation.
pub fn normalize(question: &str) -> String {
    let chars: Vec<char> = question
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    let mut s = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_whitespace() {
            s.push(c);
            continue;
        }
        let before = s.chars().last();
        let after = chars[i..].iter().find(|c| !c.is_whitespace());
        if let (Some(b), Some(a)) = (before, after) {
            if b.is_ascii_graphic() && a.is_ascii_graphic() {
                s.push(' ');
            }
        }
    }
    for lead in LEADING {
        if let Some(rest) = s.strip_prefix(lead) {
            s = rest.trim_start_matches(['，', ',', '：', ':']).to_string();
            break;
        }
    }
    s.trim_end_matches(TRAILING).to_string()
}

/// The first reading of a question, if any form matches.
pub fn parse(question: &str) -> Option<Question> {
    parse_all(question).into_iter().next()
}

/// Every reading of a question, in the order of [`FORMS`] (then pattern, then shortest slot first),
/// without repeats.
pub fn parse_all(question: &str) -> Vec<Question> {
    let text = normalize(question);
    let mut out: Vec<Question> = Vec::new();
    for form in FORMS {
        for pattern in form.patterns {
            for slots in match_pattern(pattern, &text) {
                if let Some(q) = (form.build)(slots) {
                    if !out.contains(&q) {
                        out.push(q);
                    }
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlotName {
    X,
    A,
    B,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// One of these words (or nothing, when optional).
    Words {
        options: Vec<&'static str>,
        optional: bool,
    },
    Slot(SlotName),
}

/// Splits a pattern into tokens; panics on a malformed pattern (the patterns are constants, and a
/// unit test compiles them all).
fn compile(pattern: &'static str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('{') {
            let end = inner.find('}').unwrap_or_else(|| panic!("unclosed group in pattern {pattern}"));
            tokens.push(group(&inner[..end]));
            rest = &inner[end + 1..];
        } else {
            let end = rest.find('{').unwrap_or(rest.len());
            tokens.push(Token::Words { options: vec![&rest[..end]], optional: false });
            rest = &rest[end..];
        }
    }
    tokens
}

fn group(inner: &'static str) -> Token {
    let (key, optional) = match inner.strip_suffix('?') {
        Some(k) => (k, true),
        None => (inner, false),
    };
    match key {
        "X" => return Token::Slot(SlotName::X),
        "A" => return Token::Slot(SlotName::A),
        "B" => return Token::Slot(SlotName::B),
        _ => {}
    }
    let options = match VOCAB.iter().find(|(name, _)| *name == key) {
        Some((_, words)) => words.to_vec(),
        None => key.split('|').collect(),
    };
    Token::Words { options, optional }
}

/// Every way `pattern` matches the whole of `text`.
fn match_pattern(pattern: &'static str, text: &str) -> Vec<Slots> {
    let tokens = compile(pattern);
    let mut out = Vec::new();
    match_tokens(&tokens, text, &mut Slots::default(), &mut out);
    out
}

fn match_tokens(tokens: &[Token], text: &str, slots: &mut Slots, out: &mut Vec<Slots>) {
    let Some((first, rest)) = tokens.split_first() else {
        if text.is_empty() {
            out.push(slots.clone());
        }
        return;
    };
    match first {
        Token::Words { options, optional } => {
            for word in options {
                if let Some(after) = text.strip_prefix(word) {
                    match_tokens(rest, after, slots, out);
                }
            }
            if *optional {
                match_tokens(rest, text, slots, out);
            }
        }
        Token::Slot(name) => {
            let ends = text.char_indices().skip(1).map(|(i, _)| i).chain(std::iter::once(text.len()));
            for end in ends {
                let Some(value) = slot_value(&text[..end]) else { continue };
                let saved = slots.clone();
                *slot_mut(slots, *name) = Some(value);
                match_tokens(rest, &text[end..], slots, out);
                *slots = saved;
            }
        }
    }
}

fn slot_mut(slots: &mut Slots, name: SlotName) -> &mut Option<String> {
    match name {
        SlotName::X => &mut slots.x,
        SlotName::A => &mut slots.a,
        SlotName::B => &mut slots.b,
    }
}

/// A captured name without surrounding quote marks; `None` when nothing is left or it holds a
/// question word.
fn slot_value(raw: &str) -> Option<String> {
    let value = raw.trim_matches(QUOTES).trim();
    let ok = !value.is_empty() && !QUESTION_WORDS.iter().any(|w| value.contains(w));
    ok.then(|| value.to_string())
}

/// Words that may follow a date in place of an event name ("2月23日的活动").
const DATE_SUFFIXES: [&str; 12] =
    ["", "的活动", "的会议", "的会", "活动", "会议", "举行的活动", "召开的会议", "举办的活动", "那天的活动", "当天的活动", "的各项活动"];

/// Reads "2月23日", "2025年2月23日的活动", "二月二十三日的会议", "3月4号"; `None` for anything else.
pub fn parse_day(text: &str) -> Option<Day> {
    let (year, rest) = match text.split_once('年') {
        Some((y, rest)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => (Some(y.parse().ok()?), rest),
        _ => (None, text),
    };
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once(['日', '号'])?;
    let (month, day) = (small_number(month)?, small_number(day)?);
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day) && DATE_SUFFIXES.contains(&rest);
    valid.then_some(Day { year, month, day })
}

/// Suffixes of division names, longest first: what a short form leaves off (洛阳市 → 洛阳).
pub const DIVISION_SUFFIXES: [&str; 9] = ["自治州", "自治县", "自治区", "省", "市", "县", "区", "盟", "旗"];

/// The posts a question can name (data/post_forms.txt).
pub fn titles() -> &'static [String] {
    &crate::lexicon::lexicon().post_titles
}

/// Splits "洛阳市副市长" into the place and the longest post of [`titles`] that ends it ("洛阳市",
/// "副市长"); `None` when no post ends the name or nothing is left before it.
pub fn split_title(name: &str) -> Option<(&str, String)> {
    let title = titles().iter().filter(|t| name.len() > t.len() && name.ends_with(t.as_str())).max_by_key(|t| t.len())?;
    Some((&name[..name.len() - title.len()], title.clone()))
}

/// Reads "2024年晋中市市长", "晋中市委书记", "2024年3月的洛阳市副市长", "晋中市2024年的市长": an
/// optional period, a place of at least two characters, and a post of [`titles`].
pub fn office(text: &str) -> Option<Office> {
    let text = ["时任", "现任", "历任", "历届"].iter().find_map(|p| text.strip_prefix(p)).unwrap_or(text);
    let (period, rest) = match leading_period(text) {
        Some((p, rest)) => (Some(p), rest),
        None => (None, text),
    };
    let (place, title) = split_title(rest)?;
    let place = place.strip_suffix('的').unwrap_or(place);
    // A period after the place: "晋中市2024年的".
    let (place, period) = match (period, place.find(|c: char| c.is_ascii_digit())) {
        (None, Some(i)) => match leading_period(&place[i..]) {
            Some((p, "")) => (&place[..i], Some(p)),
            _ => return None,
        },
        (_, Some(_)) => return None,
        (period, None) => (place, period),
    };
    let place = place.trim_matches(QUOTES).trim();
    let ok = place.chars().count() >= 2 && !QUESTION_WORDS.iter().any(|w| place.contains(w));
    ok.then(|| Office { place: place.to_string(), title, period })
}

/// A period at the start of `text` ("2024年", "2024年3月份的", "3月", "2024年3月5日") and what follows.
fn leading_period(text: &str) -> Option<(Period, &str)> {
    let mut period = Period::default();
    let mut rest = text;
    if let Some((y, after)) = rest.split_once('年') {
        if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) {
            period.year = y.parse().ok();
            rest = after;
        }
    }
    if let Some((m, after)) = rest.split_once('月') {
        if let Some(m) = small_number(m).filter(|m| (1..=12).contains(m)) {
            period.month = Some(m);
            rest = after.strip_prefix('份').unwrap_or(after);
            if let Some((d, after)) = rest.split_once(['日', '号']) {
                if let Some(d) = small_number(d).filter(|d| (1..=31).contains(d)) {
                    period.day = Some(d);
                    rest = after;
                }
            }
        }
    }
    if period.year.is_none() && period.month.is_none() {
        return None;
    }
    let rest = ["期间的", "期间", "时的", "时", "的"].iter().find_map(|s| rest.strip_prefix(s)).unwrap_or(rest);
    Some((period, rest))
}

/// "2024年", "2024年3月", "3月5日".
pub fn period_name(p: Period) -> String {
    let mut s = String::new();
    if let Some(y) = p.year {
        s.push_str(&format!("{y}年"));
    }
    if let Some(m) = p.month {
        s.push_str(&format!("{m}月"));
        if let Some(d) = p.day {
            s.push_str(&format!("{d}日"));
        }
    }
    s
}

/// 1–99 written in ASCII digits or Chinese numerals (三, 十二, 二十三).
fn small_number(s: &str) -> Option<u8> {
    if !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u8);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d).filter(|&v| v > 0),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

/// The supported forms with examples, one per line, for a user whose question was not understood.
pub fn help() -> String {
    FORMS.iter().map(|f| format!("  {}　　例：{}", f.usage, f.example)).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> String {
        s.to_string()
    }

    fn day(month: u8, d: u8) -> Day {
        Day { year: None, month, day: d }
    }

    #[test]
    fn every_pattern_compiles_and_names_known_vocabulary() {
        for form in FORMS {
            for p in form.patterns {
                let tokens = compile(p);
                assert!(!tokens.is_empty(), "{p}");
                for t in tokens {
                    if let Token::Words { options, .. } = t {
                        assert!(options.iter().all(|o| !o.is_empty() && !o.contains(['{', '}', '?'])), "{p}: {options:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_example_parses_to_its_own_form() {
        for (i, form) in FORMS.iter().enumerate() {
            for example in form.example.split(" / ") {
                let q = parse(example).unwrap_or_else(|| panic!("{example} does not parse"));
                let text = normalize(example);
                let own = form.patterns.iter().flat_map(|p| match_pattern(p, &text)).find_map(form.build);
                let own = own.unwrap_or_else(|| panic!("form {i}: {example} is not of its form"));
                assert_eq!(std::mem::discriminant(&q), std::mem::discriminant(&own), "form {i}: {example}");
            }
        }
    }

    #[test]
    fn attendees_of_an_event_in_many_wordings() {
        let expected = Question::EventAttendees(EventRef::Name(name("民营企业家座谈会")));
        for q in [
            "谁出席了民营企业家座谈会？",
            "谁参加了民营企业家座谈会?",
            "谁参会了民营企业家座谈会",
            "谁出席过民营企业家座谈会",
            "谁出席民营企业家座谈会",
            "哪些人参加了“民营企业家座谈会”？",
            "民营企业家座谈会有哪些人参加？",
            "民营企业家座谈会有谁出席",
            "民营企业家座谈会都有哪些人参加了？",
            "民营企业家座谈会的参会人员有哪些",
            "民营企业家座谈会的出席人员",
            "出席民营企业家座谈会的有哪些人？",
            " 请问，谁出席了 民营企业家座谈会 ？",
        ] {
            assert_eq!(parse(q), Some(expected.clone()), "{q}");
        }
    }

    #[test]
    fn attendees_by_date() {
        let on = |m, d| Some(Question::EventAttendees(EventRef::Date(day(m, d))));
        assert_eq!(parse("2月23日的活动有哪些人参加"), on(2, 23));
        assert_eq!(parse("谁出席了3月4日的会议？"), on(3, 4));
        assert_eq!(parse("３月４号的活动有谁参加"), on(3, 4));
        assert_eq!(parse("二月二十三日的活动有哪些人参加"), on(2, 23));
        assert_eq!(
            parse("2025年3月4日的活动有哪些人参加"),
            Some(Question::EventAttendees(EventRef::Date(Day { year: Some(2025), month: 3, day: 4 })))
        );
        // Not a date: stays a name.
        assert_eq!(parse("谁出席了13月4日的活动"), Some(Question::EventAttendees(EventRef::Name(name("13月4日的活动")))));
    }

    #[test]
    fn events_of_a_person() {
        let expected = Some(Question::PersonEvents(name("秦守源")));
        for q in [
            "秦守源出席了哪些活动？",
            "秦守源参加过什么活动",
            "秦守源都参加了哪些会议?",
            "秦守源参会了哪些会",
            "秦守源出席的活动有哪些",
            "秦守源的活动有哪些？",
        ] {
            assert_eq!(parse(q), expected, "{q}");
        }
    }

    #[test]
    fn the_whole_attendance_table() {
        for q in ["谁参加了哪些活动？", "谁出席了哪些活动", "哪些人参加过哪些会议", "所有活动的出席情况"]
        {
            assert_eq!(parse(q), Some(Question::AllAttendance), "{q}");
        }
    }

    #[test]
    fn posts_of_a_person() {
        let expected = Some(Question::PersonPosts(name("顾怀川")));
        for q in [
            "顾怀川担任什么职务？",
            "顾怀川是什么职务",
            "顾怀川任什么职",
            "顾怀川是谁？",
            "谁是顾怀川",
            "顾怀川的职务是什么",
            "顾怀川的职务",
        ] {
            assert_eq!(parse(q), expected, "{q}");
        }
    }

    #[test]
    fn projects_investment_and_investors_of_a_place() {
        for q in ["宜阳县有哪些项目？", "宜阳有什么项目", "宜阳县的项目有哪些", "哪些项目在宜阳县", "宜阳县都有哪些投资项目"]
        {
            assert!(matches!(parse(q), Some(Question::PlaceProjects(ref p)) if p.starts_with("宜阳")), "{q}: {:?}", parse(q));
        }
        for q in ["宜阳县的项目总投资是多少？", "宜阳县项目总投资多少", "宜阳县的总投资是多少", "宜阳县一共投资了多少"]
        {
            assert_eq!(parse(q), Some(Question::PlaceInvestment(name("宜阳县"))), "{q}");
        }
        for q in ["哪些公司在偃师区投资？", "哪些企业在偃师区投资了", "谁在偃师区投资", "在偃师区投资的公司有哪些", "偃师区的投资方有哪些"]
        {
            assert_eq!(parse(q), Some(Question::PlaceInvestors(name("偃师区"))), "{q}");
        }
    }

    #[test]
    fn co_attendance() {
        let expected = Some(Question::CoAttendees(name("杭立新")));
        for q in [
            "谁和杭立新一起出席过活动？",
            "谁与杭立新一起参加过活动",
            "哪些人和杭立新一起出席了会议",
            "杭立新和谁一起出席过活动",
            "和杭立新一起参加活动的有哪些人",
        ] {
            assert_eq!(parse(q), expected, "{q}");
        }
    }

    #[test]
    fn relations_between_two_names() {
        let expected = Question::Relation(name("秦守源"), name("杭立新"));
        for q in [
            "秦守源和杭立新有什么关系？",
            "秦守源与杭立新之间有什么关系",
            "秦守源跟杭立新是什么关系",
            "秦守源和杭立新的关系",
            "秦守源和杭立新有关系吗",
        ] {
            assert_eq!(parse(q), Some(expected.clone()), "{q}");
        }
        // A name with 和 in it: every split is offered, for the resolver to choose.
        let all = parse_all("秦守源和市发展和改革委员会有什么关系");
        assert!(all.contains(&Question::Relation(name("秦守源"), name("市发展和改革委员会"))), "{all:?}");
        assert!(all.contains(&Question::Relation(name("秦守源和市发展"), name("改革委员会"))), "{all:?}");
    }

    #[test]
    fn post_history_of_a_person() {
        let expected = Some(Question::PostHistory(name("柴永谦")));
        for q in [
            "柴永谦担任过哪些职务？",
            "柴永谦担任过什么职务",
            "柴永谦曾经担任过哪些职务",
            "柴永谦先后担任过哪些职位",
            "柴永谦任过什么职",
            "柴永谦曾担任什么职务",
            "柴永谦历任哪些职务",
            "柴永谦的任职经历",
            "柴永谦的履历是什么",
        ] {
            assert_eq!(parse(q), expected, "{q}");
        }
        // Without 过 it is the posts as they stand.
        assert_eq!(parse("柴永谦担任什么职务"), Some(Question::PersonPosts(name("柴永谦"))));
    }

    fn office_q(place: &str, title: &str, period: Option<Period>) -> Option<Question> {
        Some(Question::OfficeHolder(Office { place: name(place), title: name(title), period }))
    }

    fn year(y: u16) -> Option<Period> {
        Some(Period { year: Some(y), month: None, day: None })
    }

    #[test]
    fn holders_of_a_post_in_a_place_and_period() {
        assert_eq!(parse("2024年晋中市市长是谁？"), office_q("晋中市", "市长", year(2024)));
        assert_eq!(parse("晋中市市长是谁"), office_q("晋中市", "市长", None));
        assert_eq!(
            parse("2024年3月洛阳市副市长是谁？"),
            office_q("洛阳市", "副市长", Some(Period { year: Some(2024), month: Some(3), day: None }))
        );
        // The longest post that ends the name: 副市长 is not 市长, 市委副书记 is not 书记.
        assert_eq!(parse("晋中市委书记是谁"), office_q("晋中", "市委书记", None));
        assert_eq!(parse("晋中市市委书记是谁"), office_q("晋中市", "市委书记", None));
        assert_eq!(parse("洛阳市委副书记是谁"), office_q("洛阳", "市委副书记", None));
        assert_eq!(parse("洛阳市常务副市长是谁"), office_q("洛阳市", "常务副市长", None));
        assert_eq!(parse("宜阳县长是谁"), office_q("宜阳", "县长", None));
        for q in [
            "2024年的晋中市市长是谁",
            "晋中市2024年的市长是谁",
            "谁是2024年晋中市市长",
            "谁担任过2024年晋中市市长",
            "2024年晋中市市长是哪位",
            "2024年晋中市市长由谁担任",
            "2024年晋中市的市长是谁",
        ] {
            assert_eq!(parse(q), office_q("晋中市", "市长", year(2024)), "{q}");
        }
        assert_eq!(parse("3月份洛阳市副市长是谁"), office_q("洛阳市", "副市长", Some(Period { year: None, month: Some(3), day: None })));
        // A name that does not end in a post is a person's.
        assert_eq!(parse("顾怀川是谁"), Some(Question::PersonPosts(name("顾怀川"))));
        assert_eq!(parse("谁是顾怀川"), Some(Question::PersonPosts(name("顾怀川"))));
        // A post with no place, or a place of one character, is not an office question.
        assert_eq!(parse_all("市长是谁").into_iter().find(|q| matches!(q, Question::OfficeHolder(_))), None);
        assert_eq!(office("王书记"), None);
        assert_eq!(
            office("晋中市2024年3月13号的副市长").map(|o| o.period),
            Some(Some(Period { year: Some(2024), month: Some(3), day: Some(13) }))
        );
        assert_eq!(period_name(Period { year: Some(2024), month: Some(3), day: None }), "2024年3月");
    }

    #[test]
    fn progress_of_a_project() {
        let project = "宸铝年产10万吨再生铝合金项目";
        for q in [
            "宸铝年产10万吨再生铝合金项目进展如何？",
            "宸铝年产10万吨再生铝合金项目的进展",
            "宸铝年产10万吨再生铝合金项目进展情况",
            "宸铝年产10万吨再生铝合金项目的进展情况如何",
            "宸铝年产10万吨再生铝合金项目目前进展怎么样了",
            "宸铝年产10万吨再生铝合金项目推进得怎么样",
            "宸铝年产10万吨再生铝合金项目现在到了什么阶段",
            "宸铝年产10万吨再生铝合金项目的最新进展",
            "“宸铝年产10万吨再生铝合金项目”进展如何",
        ] {
            assert_eq!(parse(q), Some(Question::ProjectProgress(name(project))), "{q}");
        }
        assert_eq!(parse("宸铝项目建设进度"), Some(Question::ProjectProgress(name("宸铝项目"))));
    }

    #[test]
    fn investment_ranking() {
        for q in ["投资最多的项目是哪些？", "投资额最大的项目有哪些", "哪些项目投资最多", "项目投资排行", "最大的项目是哪些"]
        {
            assert_eq!(parse(q), Some(Question::TopProjects), "{q}");
        }
    }

    #[test]
    fn unknown_questions_have_no_reading() {
        for q in ["今天天气怎么样？", "", "？", "谁", "哪些活动", "出席了"] {
            assert_eq!(parse_all(q), vec![], "{q}");
        }
    }

    #[test]
    fn hostile_names_are_captured_whole() {
        let hostile = "a\"} . ?s ?p ?o } #x";
        assert_eq!(parse(&format!("{hostile}出席了哪些活动")), Some(Question::PersonEvents(name(hostile))));
        assert_eq!(parse("谁出席了{}#\"'"), Some(Question::EventAttendees(EventRef::Name(name("{}#")))));
    }

    #[test]
    fn blanks_go_except_between_latin_words() {
        assert_eq!(normalize(" 谁 出席了  Hello   World 大会 ？ "), "谁出席了Hello World大会");
        assert_eq!(normalize("３月４日"), "3月4日");
        assert_eq!(normalize("请问，秦守源是谁呢？"), "秦守源是谁");
    }

    #[test]
    fn help_lists_every_form() {
        let h = help();
        assert_eq!(h.lines().count(), FORMS.len());
        assert!(h.contains("谁出席了<活动>") && h.contains("例：投资最多的项目是哪些"), "{h}");
        for form in ["<时间><地点><职务>是谁", "<人物>担任过哪些职务", "<项目>进展如何"] {
            assert!(h.contains(form), "{form}: {h}");
        }
    }
}
