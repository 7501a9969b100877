/* mail_html.c: a mail's text as paragraphs, line breaks and links in the HTML template. */
#include <string.h>
#include "lib/buf.h"
#include "web/tmpl.h"
#include "ctl/mail_html.h"

/* An absolute http(s) address starting at s: its length, without the punctuation that ends a
 * sentence around it; 0 if s does not start one. */
static size_t link_len(const char *s, const char *end)
{
	if (strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0)
		return 0;
	const char *e = s;
	while (e < end && *e != ' ' && *e != '\t' && *e != '\n' && *e != '\r' && *e != '<' && *e != '>' && *e != '"')
		e++;
	while (e > s && strchr(".,;:!?)'", e[-1]))
		e--;
	return (size_t)(e - s);
}

static void add_text(tmpl_dict *para, const char *s, size_t n)
{
	if (n)
		tmpl_setn(tmpl_add(tmpl_add(para, "SEG"), "TEXT"), "WORDS", s, n);
}

/* One paragraph (no blank line inside): text, links, and a break for each line end. */
static void add_para(tmpl_dict *d, const char *s, const char *end)
{
	tmpl_dict *para = tmpl_add(d, "PARA");
	const char *run = s;
	for (const char *p = s; p < end;) {
		size_t k = (p == s || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' || p[-1] == '(') ? link_len(p, end) : 0;
		if (k) {
			add_text(para, run, (size_t)(p - run));
			tmpl_setn(tmpl_add(tmpl_add(para, "SEG"), "LINK"), "URL", p, k);
			p += k;
			run = p;
		} else if (*p == '\n') {
			add_text(para, run, (size_t)(p - run - (p > run && p[-1] == '\r')));
			tmpl_show(tmpl_add(para, "SEG"), "BREAK");
			run = ++p;
		} else {
			p++;
		}
	}
	add_text(para, run, (size_t)(end - run));
}

static void mail_html_emit(void *ctx, const char *s, size_t n)
{
	buf_put(ctx, s, n);
}

const char *mail_html_render(struct arena *a, const char *subject, const char *text)
{
	tmpl_dict *d = tmpl_new();
	tmpl_set(d, "SUBJECT", subject);
	const char *s = text, *end = text + strlen(text);
	while (s < end) {
		while (s < end && (*s == '\n' || *s == '\r'))
			s++;
		const char *stop = strstr(s, "\n\n");
		const char *crlf = strstr(s, "\r\n\r\n");
		if (!stop || (crlf && crlf < stop))
			stop = crlf;
		if (!stop)
			stop = end;
		const char *pe = stop;
		while (pe > s && (pe[-1] == '\n' || pe[-1] == '\r'))
			pe--;
		if (pe > s)
			add_para(d, s, pe);
		s = stop;
	}
	struct buf out;
	buf_init(&out, a, 4096);
	bool ok = tmpl_expand("mail.tpl", d, mail_html_emit, &out);
	tmpl_free(d);
	return ok ? buf_cstr(&out) : NULL;
}
