/* page.c: wrap a content template in layout.tpl with the navigation for who is signed in. */
#include <stdlib.h>
#include <string.h>
#include "money.h"
#include "page.h"

tmpl_dict *page_begin(struct req *r, const char *content_tpl, const char *title)
{
	tmpl_dict *root = tmpl_new();
	if (!root)
		abort();
	r->page = root;
	tmpl_set(root, "TITLE", title);
	const struct session *s = &r->sess;
	if (s->present)
		tmpl_set_global(root, "CSRF", s->csrf);
	if (s->user_id) {
		tmpl_dict *u = tmpl_add(root, "SIGNED_IN");
		tmpl_set(u, "USER_NAME", s->user_name);
	} else {
		tmpl_show(root, "SIGNED_OUT");
	}
	/* The cart's item count rides in a cookie the cart pages set, so no page pays a query for
	 * it; it is only ever displayed, and only if it is a small number. */
	const char *n = kv_get(&r->cookies, "cc_cart");
	if (n && strlen(n) <= 4 && *n >= '1' && *n <= '9' && strspn(n, "0123456789") == strlen(n))
		tmpl_set(tmpl_add(root, "CART_COUNT"), "N", n);
	return tmpl_include(root, "CONTENT", content_tpl);
}

static void emit_body(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

void page_end(struct req *r, int status)
{
	r->body.len = 0;
	bool ok = tmpl_expand("layout.tpl", r->page, emit_body, &r->body);
	tmpl_free(r->page);
	r->page = NULL;
	r->content_type = "text/html; charset=utf-8";
	if (!ok) {
		/* A template that cannot expand is a deployment error: say nothing more. */
		r->status = 500;
		r->body.len = 0;
		buf_puts(&r->body, "<!doctype html><title>500</title><p>Internal error.</p>");
		return;
	}
	r->status = status;
}

const char *page_money(struct req *r, long long minor, const char *currency)
{
	char tmp[64];
	if (!money_format(tmp, sizeof tmp, minor, currency))
		return "";
	return arena_strdup(r->arena, tmp);
}
