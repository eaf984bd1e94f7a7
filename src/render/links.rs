//! The one place that makes URLs and anchors. Every page is an `.html` file whose path
//! derives from ids, dates and page numbers only, and every link is relative, so the
//! site works from `file://` and under any sub-path of any host.

use crate::model::*;
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Page {
    Index,
    Day(NaiveDate),
    Event(EventId),
    Actor(ActorId),
    Place(PlaceId),
    Source(SourceId),
    Comparison(ComparisonId),
    Actors,
    Places,
    Sources,
    Comparisons,
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
        match self {
            Page::Index => "index.html".to_string(),
            Page::Day(day) => format!("days/{day}.html"),
            Page::Event(id) => format!("events/{id}.html"),
            Page::Actor(id) => format!("actors/{id}.html"),
            Page::Place(id) => format!("places/{id}.html"),
            Page::Source(id) => format!("sources/{id}.html"),
            Page::Comparison(id) => format!("compare/{id}.html"),
            Page::Actors => "actors/index.html".to_string(),
            Page::Places => "places/index.html".to_string(),
            Page::Sources => "sources/index.html".to_string(),
            Page::Comparisons => "compare/index.html".to_string(),
            // Day pages are named by dates, so words cannot collide with them.
            Page::Context(list) => format!("days/{}.html", list.name()),
            Page::Continued(first, n) => {
                let path = first.path();
                format!("{}/{n}.html", path.trim_end_matches(".html"))
            }
            Page::NotFound => "404.html".to_string(),
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
        "../".repeat(self.path().matches('/').count())
    }

    /// A relative link from this page to `to`, with an optional `#anchor`.
    pub fn href(&self, to: &Page, anchor: Option<&str>) -> String {
        let target = if self == to { String::new() } else { format!("{}{}", self.root(), to.path()) };
        match anchor {
            Some(anchor) => format!("{target}#{anchor}"),
            None if target.is_empty() => "#".to_string(),
            None => target,
        }
    }

    pub fn absolute(&self, base_url: &str) -> String {
        match self {
            Page::Index => base_url.to_string(),
            _ => format!("{base_url}{}", self.path()),
        }
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
    }
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
    fn continued_pages_sit_under_the_first_and_link_back_up() {
        let actor = Page::Actor(ActorId("afp".into()));
        let second = actor.nth(2);
        assert_eq!(second.path(), "actors/afp/2.html");
        assert_eq!(second.nth(3).path(), "actors/afp/3.html");
        assert_eq!(second.nth(1), actor);
        assert_eq!(second.href(&actor, None), "../../actors/afp.html");
        assert_eq!(Page::Actors.nth(2).path(), "actors/index/2.html");
        assert_eq!(Page::Context(ContextList::Undated).path(), "days/undated.html");
    }
}
