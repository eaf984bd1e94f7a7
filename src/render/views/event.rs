//! An event's own page: its permanent address, wherever the event is also read.

use super::*;

pub fn event<'a>(ctx: &RenderContext<'a>, event: &'a Event) -> PageView {
    let page = Page::Event(event.id.clone());
    let mut notes = Notes::default();
    let event_view = event_view(event, ctx, &page, &mut notes);
    let mut context = Context::new();
    context.insert("event", &event_view);
    view_of(ctx, "event.html", event.title.clone(), context, notes)
}
