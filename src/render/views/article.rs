//! A page of the editor's own (`content/pages/<id>.md`): its title, its body with its
//! footnotes, and its corrections.

use super::*;

pub fn article<'a>(ctx: &RenderContext<'a>, article: &'a Article) -> PageView {
    let page = Page::Article(article.id.clone());
    let mut notes = Notes::default();
    let body = render_body(&article.text, &Owner::Article(article.id.clone()), ctx, &page, &mut notes);
    let mut context = Context::new();
    context.insert("title", &article.title);
    context.insert("body", &body);
    context.insert("corrections", &corrections(&article.text, ctx));
    view_of(ctx, "article.html", article.title.clone(), context, notes)
}
