/* layout.c: wrap a content template in layout.tpl with the navigation for who is signed in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "db/dbcache.h"
#include "web/csrf_anon.h"
#include "web/fragment.h"
#include "web/gzip_page.h"
#include "lib/money.h"
#include "web/layout.h"

/* The layout's own dictionary: title, who is signed in, and what the program adds to every page. */
static tmpl_dict *layout_root(struct req *r, const char *title)
{
	tmpl_dict *root = tmpl_new();
	if (!root)
		abort();
	r->page = root;
	r->title = title;
	tmpl_set(root, "TITLE", title);
	const struct session *s = &r->sess;
	/* Without a session, each form's anonymous token is filled in once the page is expanded,
	 * from the action of the form it sits in (csrf_anon.h). */
	tmpl_set_global(root, "CSRF", s->present ? s->csrf : CSRF_ANON_PLACEHOLDER);
	if (s->user_id) {
		tmpl_dict *u = tmpl_add(root, "SIGNED_IN");
		tmpl_set(u, "USER_NAME", s->user_name);
	} else {
		tmpl_show(root, "SIGNED_OUT");
	}
	if (r->app->layout)
		r->app->layout(r, root);
	return root;
}

tmpl_dict *layout_begin(struct req *r, const char *content_tpl, const char *title)
{
	tmpl_dict *root = layout_root(r, title);
	r->content_tpl = content_tpl;
	r->keep = NULL;
	r->gzip = NULL;
	r->head = NULL;
	return r->content = tmpl_include(root, "CONTENT", content_tpl);
}

void layout_head(struct req *r, const char *html)
{
	r->head = html;
	/* Expanded by ctemplate from an autoescaped template (views/page_meta.c): already escaped. */
	if (html && r->page)
		tmpl_set(tmpl_add(r->page, "HEAD"), "SANITISED_HEAD_HTML", html);
}

bool layout_cached(struct req *r, const char *key)
{
	struct fragment f;
	if (!fragment_get(r->arena, key, &f))
		return false;
	const char *title = f.title, *kept = f.html;
	size_t len = f.len;
	/* Kept as "<length of the head markup>:" head, content (keep_content): one slot, so a page
	 * never comes back without its head. */
	char *end;
	unsigned long long head_len = strtoull(kept, &end, 10);
	if (*end != ':' || head_len > len - (size_t)(end + 1 - kept))
		return false;
	const char *head = end + 1, *html = head + head_len;
	tmpl_dict *root = layout_root(r, title);
	/* Expanded by ctemplate from an autoescaped content template: HTML already escaped. The
	 * arena copy outlives the layout's dictionary (freed in layout_end); the body is made room
	 * for the page at once rather than doubled as the layout is expanded into it. */
	tmpl_setn_borrowed(tmpl_add(root, "KEPT_CONTENT"), "SANITISED_KEPT_HTML", html, len - (size_t)(html - kept));
	if (r->body.cap < len + 16384)
		buf_init(&r->body, r->arena, len + 16384);
	if (head_len)
		layout_head(r, arena_strndup(r->arena, head, head_len));
	r->content = NULL;
	r->keep = NULL;
	struct gzip_page *g = arena_zalloc(r->arena, sizeof *g);
	const char *const plain[] = { head, html };
	const size_t plain_len[] = { head_len, len - (size_t)(html - kept) };
	g->key = key;
	r->gzip = gzip_page_load(f.extra, f.extra_len, plain, plain_len, g, GZIP_PAGE_PIECES) ? g : NULL;
	return true;
}

void layout_keep(struct req *r, const char *key)
{
	r->keep = key;
}

static void emit_body(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

/* The content alone, expanded as it is inside the layout (an include sees only its own values
 * and the template globals), to be served from the fragment cache, with its head and content
 * deflated once for the views that ask for gzip (gzip_page.h), this one included. */
static void keep_content(struct req *r)
{
	if (!fragment_on())
		return;
	struct buf html;
	buf_init(&html, r->arena, 16384);
	const char *head = r->head ? r->head : "";
	buf_puts(&html, arena_printf(r->arena, "%zu:", strlen(head)));
	size_t head_at = html.len;
	buf_puts(&html, head);
	if (!tmpl_expand(r->content_tpl, r->content, emit_body, &html))
		return;
	/* A form added to a kept template one day would hand this visitor's CSRF token to the next
	 * ones: such a page is not kept, and the log says which. */
	if (r->sess.present && memmem(html.p, html.len, r->sess.csrf, strlen(r->sess.csrf))) {
		fprintf(stderr, "page: %s holds the visitor's CSRF token; not kept\n", r->content_tpl);
		return;
	}
	struct gzip_page *g = arena_zalloc(r->arena, sizeof *g);
	size_t content_at = head_at + strlen(head);
	gzip_page_piece(r->arena, html.p + head_at, content_at - head_at, &g->piece[0]);
	gzip_page_piece(r->arena, html.p + content_at, html.len - content_at, &g->piece[1]);
	g->n = GZIP_PAGE_PIECES;
	g->key = r->keep;
	struct buf blob;
	buf_init(&blob, r->arena, g->piece[0].zlen + g->piece[1].zlen + 64);
	gzip_page_save(&blob, g);
	fragment_put(r->keep, &(struct fragment){ r->title, html.p, html.len, blob.p, blob.len }, dbcache_expiry());
	r->gzip = g;
}

void layout_end(struct req *r, int status)
{
	r->body.len = 0;
	if (r->keep && r->content && status == 200)
		keep_content(r);
	bool ok = tmpl_expand("layout.tpl", r->page, emit_body, &r->body);
	tmpl_free(r->page);
	r->page = NULL;
	r->content = NULL;
	r->content_type = "text/html; charset=utf-8";
	if (ok)
		csrf_anon_fill(&r->body, r->secret, r->sess.present ? r->sess.csrf : NULL, r->path ? r->path : "/",
			       (long long)time(NULL));
	if (!ok) {
		/* A template that cannot expand is a deployment error: say nothing more. */
		r->status = 500;
		r->body.len = 0;
		buf_puts(&r->body, "<!doctype html><title>500</title><p>Internal error.</p>");
		return;
	}
	r->status = status;
}

const char *layout_money(struct req *r, long long minor, const char *currency)
{
	char tmp[64];
	if (!money_format(tmp, sizeof tmp, minor, currency))
		return "";
	return arena_strdup(r->arena, tmp);
}
