//! One way to build a URL. Every page is an `.html` file at depth 0 or 1, and every link
//! is relative, so the site works from `file://` and under any sub-path of any host.

use crate::model::{ActorId, Chronicle, ComparisonId, EventId, Owner, PlaceId, SourceId};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
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
    NotFound,
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
            Page::NotFound => "404.html".to_string(),
        }
    }

    /// `""` or `"../"`: the way from this page back to the site root.
    pub fn root(&self) -> &'static str {
        if self.path().contains('/') {
            "../"
        } else {
            ""
        }
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

/// The page where a reader meets what `owner` says: an event dated within the range is
/// read on its day's page, any other on its own page.
pub fn owner_page(owner: &Owner, chronicle: &Chronicle) -> Page {
    match owner {
        Owner::Intro => Page::Index,
        Owner::Day(day) => Page::Day(*day),
        Owner::Event(id) => chronicle
            .event(id)
            .and_then(|event| event.when.first_day())
            .filter(|day| (chronicle.config.start..=chronicle.config.end).contains(day))
            .map_or_else(|| Page::Event(id.clone()), Page::Day),
        Owner::Actor(id) => Page::Actor(id.clone()),
        Owner::Place(id) => Page::Place(id.clone()),
        Owner::Source(id) => Page::Source(id.clone()),
        Owner::Comparison(id) => Page::Comparison(id.clone()),
    }
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
}
