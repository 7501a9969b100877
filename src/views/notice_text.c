/* notice_text.c: renders a notice's section of mail_notice.tpl and decodes the HTML escaping back
 * to plain text. The template escapes like every template; the text goes into the mail's text
 * part as it is, and its HTML part is made from it through mail.tpl, escaped again there. */
#include <ctype.h>
#include <string.h>
#include "lib/buf.h"
#include "views/notice_text.h"
#include "web/tmpl.h"

static void notice_text_emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

/* ctemplate's HTML escapes, and only those: a "&" the template wrote is "&amp;" already. */
static const char *notice_text_unescape(struct arena *a, const char *s)
{
	static const struct { const char *from; char to; } ents[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' }, { "&#39;", '\'' },
	};
	char *out = arena_alloc(a, strlen(s) + 1), *o = out;
	while (*s) {
		size_t i = 0;
		while (*s == '&' && i < sizeof ents / sizeof ents[0] && strncmp(s, ents[i].from, strlen(ents[i].from)) != 0)
			i++;
		if (*s == '&' && i < sizeof ents / sizeof ents[0]) {
			*o++ = ents[i].to;
			s += strlen(ents[i].from);
		} else {
			*o++ = *s++;
		}
	}
	*o = '\0';
	return out;
}

const char *notice_text_render(struct arena *a, const char *name, bool switchable, const struct notify_text *t)
{
	tmpl_dict *d = tmpl_new();
	if (!d)
		return NULL;
	char section[40];
	size_t n = 0;
	for (; name[n] && n < sizeof section - 1; n++)
		section[n] = (char)toupper((unsigned char)name[n]);
	section[n] = '\0';
	tmpl_show(d, section);
	if (switchable)
		tmpl_show(d, "SWITCHABLE");
	tmpl_set(d, "PARA", "");
	for (size_t i = 0; i < t->n; i++) {
		if (t->f[i].name[0] == '#')
			tmpl_set(tmpl_add(d, t->f[i].name + 1), "TEXT", t->f[i].value);
		else
			tmpl_set(d, t->f[i].name, t->f[i].value);
	}
	struct buf b;
	buf_init(&b, a, 1024);
	bool ok = tmpl_expand("mail_notice.tpl", d, notice_text_emit, &b);
	tmpl_free(d);
	return ok ? notice_text_unescape(a, buf_cstr(&b)) : NULL;
}
