//! The one place that makes URLs and anchors. Every page is an `.html` file whose path
//! derives from ids, dates and page numbers only, and every link is relative, so the
//! site works from `file://` and under any sub-path of any host.

use crate::model::*;
use chrono::NaiveDate;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    Index,
    Day(NaiveDate),
    Event(EventId),
    Actor(ActorId),
    Place(PlaceId),
    Source(SourceId),
    Comparison(ComparisonId),
    /// A page of the editor's own.
    Article(ArticleId),
    /// Every day of the range, a line each with its headlines.
    Days,
    Actors,
    Places,
    Sources,
    Comparisons,
    /// Every correction made to the chronicle.
    Corrections,
    /// The full list of the events that fall where the index lists only the first ones.
    Context(ContextList),
    /// Page `n` (2 or more) of a list too long for one page: `actors/konna/2.html`.
    Continued(Box<Page>, usize),
    NotFound,
}

/// The index's lists of events that have no day of the range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContextList {
    Before,
    Imprecise,
    After,
    Undated,
}

impl std::fmt::Display for ContextList {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl ContextList {
    pub const ALL: [ContextList; 4] =
        [ContextList::Before, ContextList::Imprecise, ContextList::After, ContextList::Undated];

    pub fn name(self) -> &'static str {
        match self {
            ContextList::Before => "before",
            ContextList::Imprecise => "imprecise",
            ContextList::After => "after",
            ContextList::Undated => "undated",
        }
    }

    pub fn events(self, chronicle: &Chronicle) -> &[EventIx] {
        let context = &chronicle.context;
        match self {
            ContextList::Before => &context.before,
            ContextList::Imprecise => &context.imprecise,
            ContextList::After => &context.after,
            ContextList::Undated => &context.undated,
        }
    }
}

impl Page {
    /// The page's path under the site root; permanent, derived from ids and dates only.
    pub fn path(&self) -> String {
        let mut path = String::with_capacity(32);
        self.write_path(&mut path);
        path
    }

    /// Appends the page's path to `out`: links are made by the hundred thousand.
    fn write_path(&self, out: &mut String) {
        let (folder, name): (&str, &str) = match self {
            Page::Index => return out.push_str("index.html"),
            Page::NotFound => return out.push_str("404.html"),
            Page::Corrections => return out.push_str("corrections.html"),
            Page::Day(day) => {
                out.push_str("days/");
                push_date(out, *day);
                return out.push_str(".html");
            }
            Page::Event(id) => ("events", id.as_str()),
            Page::Actor(id) => ("actors", id.as_str()),
            Page::Place(id) => ("places", id.as_str()),
            Page::Source(id) => ("sources", id.as_str()),
            Page::Comparison(id) => ("compare", id.as_str()),
            Page::Article(id) => ("pages", id.as_str()),
            Page::Days => ("days", "index"),
            Page::Actors => ("actors", "index"),
            Page::Places => ("places", "index"),
            Page::Sources => ("sources", "index"),
            Page::Comparisons => ("compare", "index"),
            // Day pages are named by dates, so words cannot collide with them.
            Page::Context(list) => ("days", list.name()),
            Page::Continued(first, n) => {
                first.write_path(out);
                out.truncate(out.len() - ".html".len());
                out.push('/');
                out.push_str(itoa::Buffer::new().format(*n));
                return out.push_str(".html");
            }
        };
        out.push_str(folder);
        out.push('/');
        out.push_str(name);
        out.push_str(".html");
    }

    /// How many folders down from the site root the page is.
    fn depth(&self) -> usize {
        match self {
            Page::Index | Page::NotFound | Page::Corrections => 0,
            Page::Continued(first, _) => first.depth() + 1,
            _ => 1,
        }
    }

    /// Page `n` of this page's list: the page itself for 1.
    pub fn nth(&self, n: usize) -> Page {
        match self {
            Page::Continued(first, _) => first.nth(n),
            _ if n <= 1 => self.clone(),
            _ => Page::Continued(Box::new(self.clone()), n),
        }
    }

    /// `""`, `"../"`, `"../../"`: the way from this page back to the site root.
    pub fn root(&self) -> String {
        "../".repeat(self.depth())
    }

    /// A relative link from this page to `to`, with an optional `#anchor`.
    pub fn href(&self, to: &Page, anchor: Option<&str>) -> String {
        let mut href = String::with_capacity(48);
        if self != to {
            (0..self.depth()).for_each(|_| href.push_str("../"));
            to.write_path(&mut href);
        }
        match anchor {
            Some(anchor) => {
                href.push('#');
                href.push_str(anchor);
            }
            None if href.is_empty() => href.push('#'),
            None => {}
        }
        href
    }

    pub fn absolute(&self, base_url: &str) -> String {
        let mut url = String::with_capacity(base_url.len() + 48);
        url.push_str(base_url);
        if *self != Page::Index {
            self.write_path(&mut url);
        }
        url
    }
}

/// `YYYY-MM-DD`, as chrono writes a date, without its formatter.
fn push_date(out: &mut String, day: NaiveDate) {
    use chrono::Datelike;
    if !(0..=9999).contains(&day.year()) {
        let _ = write!(out, "{day}");
        return;
    }
    let mut digits = itoa::Buffer::new();
    let (year, month, date) = (day.year() as u32, day.month(), day.day());
    for (value, width) in [(year, 4), (month, 2), (date, 2)] {
        if width == 2 {
            out.push('-');
        }
        let text = digits.format(value);
        (text.len()..width).for_each(|_| out.push('0'));
        out.push_str(text);
    }
}

/// The anchor of a footnote: derived from what the text belongs to and the quote's key.
pub fn footnote_anchor(owner: &Owner, key: &str) -> String {
    match owner {
        Owner::Intro => format!("fn-intro-{key}"),
        Owner::Day(_) => format!("fn-day-{key}"),
        Owner::Event(id) => format!("fn-{id}-{key}"),
        Owner::Actor(id) => format!("fn-{id}-{key}"),
        Owner::Place(id) => format!("fn-{id}-{key}"),
        Owner::Source(id) => format!("fn-{id}-{key}"),
        Owner::Comparison(id) => format!("fn-{id}-{key}"),
        Owner::Article(id) => format!("fn-{id}-{key}"),
    }
}

/// The anchor of the corrections of a text, where its page shows them: a page's own at
/// `#corrections`, an event's in its article, which a day page holds with others.
pub fn corrections_anchor(owner: &Owner) -> String {
    match owner {
        Owner::Event(id) => format!("corrections-{id}"),
        _ => "corrections".to_string(),
    }
}

/// The anchor of the `n`-th citation (from 1) of a footnote in the text: its links back.
pub fn marker_anchor(footnote: &str, n: usize) -> String {
    format!("ref-{}-{n}", footnote.strip_prefix("fn-").unwrap_or(footnote))
}

/// The anchor of a paragraph of a source: its line, since seeds never change.
pub fn paragraph_anchor(line: usize) -> String {
    format!("p-{line}")
}

pub fn position_anchor(key: &str) -> String {
    format!("pos-{key}")
}

/// A quoted passage's anchor on its source page: stable, since the seed is immutable and
/// the offset is where the quote starts in it.
pub fn passage_anchor(source: &SourceId, start: usize) -> String {
    format!("q-{source}-{start}")
}

/// The page of its own that each thing has (an event's is `events/<id>.html`).
pub fn own_page(owner: &Owner) -> Page {
    match owner {
        Owner::Intro => Page::Index,
        Owner::Day(day) => Page::Day(*day),
        Owner::Event(id) => Page::Event(id.clone()),
        Owner::Actor(id) => Page::Actor(id.clone()),
        Owner::Place(id) => Page::Place(id.clone()),
        Owner::Source(id) => Page::Source(id.clone()),
        Owner::Comparison(id) => Page::Comparison(id.clone()),
        Owner::Article(id) => Page::Article(id.clone()),
    }
}

/// The page where a reader meets what `owner` says: an event placed on a day of the range
/// is read on that day's page, any other on its own page. Footnotes live there, so every
/// backlink to a footnote goes through here.
pub fn read_on(owner: &Owner, chronicle: &Chronicle) -> Page {
    match owner {
        Owner::Event(id) => match chronicle.event(id).and_then(|e| e.placement.day()) {
            Some(day) => Page::Day(day),
            None => Page::Event(id.clone()),
        },
        _ => own_page(owner),
    }
}

/// Where a link to an event goes: its anchor on its day's page, or its own page.
pub fn event_href(event: &Event, from: &Page) -> String {
    match event.placement.day() {
        Some(day) => from.href(&Page::Day(day), Some(event.id.as_str())),
        None => from.href(&Page::Event(event.id.clone()), None),
    }
}

/// Where a backlink to `owner`'s footnote for `key` goes, from `from`.
pub fn footnote_href(owner: &Owner, key: &str, chronicle: &Chronicle, from: &Page) -> String {
    from.href(&read_on(owner, chronicle), Some(&footnote_anchor(owner, key)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page() {
        let day = Page::Day(NaiveDate::from_ymd_opt(2013, 1, 10).unwrap());
        let konna = Page::Place(PlaceId("konna".into()));
        assert_eq!(Page::Index.href(&day, None), "days/2013-01-10.html");
        assert_eq!(day.href(&konna, None), "../places/konna.html");
        assert_eq!(konna.href(&Page::Index, Some("top")), "../index.html#top");
        assert_eq!(day.href(&day, Some("fn-a-b")), "#fn-a-b");
        assert_eq!(day.absolute("https://example.org/k/"), "https://example.org/k/days/2013-01-10.html");
        assert_eq!(Page::Index.absolute("https://example.org/k/"), "https://example.org/k/");
    }

    #[test]
    fn dates_are_written_as_chrono_writes_them() {
        for (y, m, d) in [(2013, 1, 10), (50, 12, 3), (12345, 6, 7), (-44, 3, 15)] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut path = String::new();
            push_date(&mut path, day);
            assert_eq!(path, day.to_string());
        }
    }

    #[test]
    fn continued_pages_sit_under_the_first_and_link_back_up() {
        let actor = Page::Actor(ActorId("afp".into()));
        let second = actor.nth(2);
        assert_eq!(second.path(), "actors/afp/2.html");
        assert_eq!(second.nth(3).path(), "actors/afp/3.html");
        assert_eq!(second.nth(1), actor);
        assert_eq!(second.href(&actor, None), "../../actors/afp.html");
        assert_eq!(Page::Actors.nth(2).path(), "actors/index/2.html");
        assert_eq!(Page::Context(ContextList::Undated).path(), "days/undated.html");
        assert_eq!(Page::Corrections.nth(2).path(), "corrections/2.html");
        assert_eq!(Page::Corrections.nth(2).href(&Page::Corrections, None), "../corrections.html");
    }
}
