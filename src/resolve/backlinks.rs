//! The reverse edges of the chronicle, filled once so that a page looks them up instead
//! of scanning (as Zola's `Library` fills backlinks once): the events of each day and of
//! each actor and place, the context lists, members and sub-places, the comparisons of an
//! event, the positions and claims of an actor, what cites each passage of each seed, and
//! the list of corrections.

use crate::model::*;
use std::collections::HashMap;

pub fn fill(chronicle: &mut Chronicle) {
    order_events(chronicle);
    place_events(chronicle);
    link_actors_and_places(chronicle);
    link_comparisons(chronicle);
    derive_citations(chronicle);
    derive_claims_and_corrections(chronicle);
}

/// Chronological; within a day, in the editor's `order`, then by time where known, then
/// headline events first, then by id.
fn order_events(chronicle: &mut Chronicle) {
    let key = |e: &Event| {
        let (day, rank, time) = e.when.sort_key();
        (day, e.order, rank, time, !e.headline)
    };
    chronicle.events.sort_by(|a, b| (key(a), &a.id).cmp(&(key(b), &b.id)));
    chronicle.event_ix = chronicle.events.iter().enumerate().map(|(ix, e)| (e.id.clone(), ix)).collect();
}

/// Puts each event on its day, or in the context list where it falls, and lists it as
/// ongoing on every later day of the range it covers.
fn place_events(chronicle: &mut Chronicle) {
    let end = chronicle.config.end;
    for (ix, event) in chronicle.events.iter().enumerate() {
        let list = match event.placement {
            Placement::Day(day) => {
                let start = chronicle.config.start;
                let offset = |d: chrono::NaiveDate| (d - start).num_days() as usize;
                chronicle.days[offset(day)].starting.push(ix);
                if let Some(last) = event.when.last_day() {
                    for later in day.iter_days().skip(1).take_while(|d| *d <= last.min(end)) {
                        chronicle.days[offset(later)].ongoing.push(ix);
                    }
                }
                continue;
            }
            Placement::Before => &mut chronicle.context.before,
            Placement::Imprecise => &mut chronicle.context.imprecise,
            Placement::After => &mut chronicle.context.after,
            Placement::Undated => &mut chronicle.context.undated,
        };
        list.push(ix);
    }
}

fn link_actors_and_places(chronicle: &mut Chronicle) {
    for (ix, event) in chronicle.events.iter().enumerate() {
        for id in &event.actors {
            if let Some(actor) = chronicle.actors.get_mut(id) {
                push_once(&mut actor.events, ix);
            }
        }
        for id in &event.places {
            if let Some(place) = chronicle.places.get_mut(id) {
                push_once(&mut place.events, ix);
            }
        }
    }
    let affiliations: Vec<(ActorId, ActorId)> = chronicle
        .actors
        .values()
        .flat_map(|a| a.affiliations.iter().map(move |to| (to.clone(), a.id.clone())))
        .collect();
    for (to, member) in affiliations {
        if let Some(actor) = chronicle.actors.get_mut(&to) {
            push_once(&mut actor.members, member);
        }
    }
    let regions: Vec<(PlaceId, PlaceId)> =
        chronicle.places.values().filter_map(|p| Some((p.region.clone()?, p.id.clone()))).collect();
    for (region, place) in regions {
        if let Some(region) = chronicle.places.get_mut(&region) {
            push_once(&mut region.within, place);
        }
    }
}

fn link_comparisons(chronicle: &mut Chronicle) {
    for comparison in chronicle.comparisons.values() {
        for id in &comparison.events {
            if let Some(&ix) = chronicle.event_ix.get(id) {
                push_once(&mut chronicle.events[ix].comparisons, comparison.id.clone());
            }
        }
        for (index, position) in comparison.positions.iter().enumerate() {
            let claim = &position.quote.claim;
            // An actor's positions are those it takes; those it passes on are among the
            // claims it relayed.
            for id in claim.said_by.iter().filter_map(Claimant::actor) {
                if let Some(actor) = chronicle.actors.get_mut(id) {
                    push_once(&mut actor.positions, (comparison.id.clone(), index));
                }
            }
        }
    }
}

/// Lists, for each source, everything that cites one of its passages, in seed order.
fn derive_citations(chronicle: &mut Chronicle) {
    let mut by_source: HashMap<SourceId, Vec<Citation>> = HashMap::new();
    let mut cite = |owner: &Owner, quote: &Quote, is_position: bool| {
        by_source.entry(quote.passage.source.clone()).or_default().push(Citation {
            range: quote.passage.range.clone(),
            owner: owner.clone(),
            key: quote.key.clone(),
            is_position,
        })
    };
    for (owner, text) in &texts(chronicle) {
        text.quotes.values().for_each(|quote| cite(owner, quote, false));
    }
    for comparison in chronicle.comparisons.values() {
        let owner = Owner::Comparison(comparison.id.clone());
        comparison.positions.iter().for_each(|p| cite(&owner, &p.quote, true));
    }
    for (id, mut citations) in by_source {
        citations.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.owner, &a.key).cmp(&(
                b.range.start,
                b.range.end,
                &b.owner,
                &b.key,
            ))
        });
        if let Some(source) = chronicle.sources.get_mut(&id) {
            source.citations = citations;
        }
    }
}

/// Every text of the chronicle with its owner, in the order of `Owner`'s kinds.
fn texts(chronicle: &Chronicle) -> Vec<(Owner, &Text)> {
    let mut texts: Vec<(Owner, &Text)> = vec![(Owner::Intro, &chronicle.intro)];
    texts.extend(chronicle.days.iter().filter_map(|d| Some((Owner::Day(d.date), d.note.as_ref()?))));
    texts.extend(chronicle.events.iter().map(|e| (Owner::Event(e.id.clone()), &e.text)));
    texts.extend(chronicle.actors.values().map(|a| (Owner::Actor(a.id.clone()), &a.text)));
    texts.extend(chronicle.places.values().map(|p| (Owner::Place(p.id.clone()), &p.text)));
    texts.extend(chronicle.sources.values().map(|s| (Owner::Source(s.id.clone()), &s.notes)));
    texts.extend(chronicle.comparisons.values().map(|c| (Owner::Comparison(c.id.clone()), &c.text)));
    texts.extend(chronicle.articles.values().map(|a| (Owner::Article(a.id.clone()), &a.text)));
    texts
}

/// Lists, for each actor, the quotes of claims it made and of claims it passed on (an
/// unnamed claimant's claims count for the actor it belongs to), and every correction,
/// newest first.
fn derive_claims_and_corrections(chronicle: &mut Chronicle) {
    let mut claims: Vec<(ActorId, ClaimRef)> = Vec::new();
    let mut corrections = Vec::new();
    let mut note = |owner: &Owner, quote: &Quote| {
        let roles = [(false, &quote.claim.said_by), (true, &quote.claim.via)];
        for (relayed, claimants) in roles {
            for actor in claimants.iter().filter_map(Claimant::actor) {
                let claim = ClaimRef {
                    owner: owner.clone(),
                    key: quote.key.clone(),
                    relayed,
                    source: quote.passage.source.clone(),
                    range: (quote.passage.range.start, quote.passage.range.end),
                };
                claims.push((actor.clone(), claim));
            }
        }
    };
    for (owner, text) in texts(chronicle) {
        text.quotes.values().for_each(|quote| note(&owner, quote));
        for (index, correction) in text.corrections.iter().enumerate() {
            corrections.push(CorrectionRef { date: correction.date, owner: owner.clone(), index });
        }
    }
    for comparison in chronicle.comparisons.values() {
        let owner = Owner::Comparison(comparison.id.clone());
        comparison.positions.iter().for_each(|p| note(&owner, &p.quote));
    }
    // Made before relayed; each in the order of its passage in the sources, then of the
    // owners that quote it.
    claims.sort_by(|(a, x), (b, y)| {
        (a, x.passage(), &x.owner, &x.key).cmp(&(b, y.passage(), &y.owner, &y.key))
    });
    claims.dedup();
    for (actor, claim) in claims {
        if let Some(actor) = chronicle.actors.get_mut(&actor) {
            if actor.claims.last().is_none_or(|last| last.passage() != claim.passage()) {
                actor.claim_groups.push(actor.claims.len());
            }
            actor.claims.push(claim);
        }
    }
    corrections.sort_by(|a, b| (b.date, &a.owner, a.index).cmp(&(a.date, &b.owner, b.index)));
    chronicle.corrections = corrections;
}

/// Pushes `item` unless it was just pushed: every list here is filled in order, so a
/// repeat (an id listed twice in one file) is always the last item.
fn push_once<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if list.last() != Some(&item) {
        list.push(item);
    }
}
