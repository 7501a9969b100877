/* sanitize.c: walk libxml2's parse tree and re-emit only the allowlisted structure; see sanitize.h. */
#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "lib/buf.h"
#include "lib/html.h"
#include "lib/sanitize.h"
#include "lib/utf8.h"

#define MAX_HREF 2000
#define MAX_DEPTH 200

/* Kept elements; a and li get extra checks in walk(). */
static const char *const kept[] = { "p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "a" };
/* Dropped with everything inside: active content, and elements whose text is not prose. */
static const char *const dropped[] = {
	"script", "style", "template", "iframe", "object", "embed", "noscript", "noembed", "noframes",
	"frame", "frameset", "applet", "svg", "math", "textarea", "select", "option", "button",
	"title", "head", "canvas", "audio", "video", "picture", "xmp", "plaintext",
};
/* Unwrapped elements that end a line of text, so words on either side do not run together. */
static const char *const blocks[] = {
	"div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "section",
	"article", "header", "footer", "table", "dd", "dt", "pre", "address", "figure", "figcaption",
};

static bool in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(name, list[i]) == 0)
			return true;
	return false;
}
#define IN(name, list) in_list(name, list, sizeof list / sizeof list[0])

/* An absolute http(s) URL with no white space or control characters in it (libxml2 has already
 * decoded entities, so "jav&#x61;script:" arrives here as "javascript:" and fails). */
static bool href_ok(const char *u)
{
	size_t n = strlen(u);
	if (n > MAX_HREF)
		return false;
	if (strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0)
		return false;
	for (const unsigned char *p = (const unsigned char *)u; *p; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '\\')
			return false;
	return true;
}

struct walk {
	struct buf *out;
	int lists;	/* open ul/ol around this point: an li outside a list is unwrapped */
	int links;	/* open a: links never nest */
	int blocks;	/* open p, ul, ol, li */
	int inlines;	/* open strong, em, b, i, a: a block inside one is unwrapped */
	int paras;	/* open p: nothing block-level goes inside one */
	int item_lists;	/* lists open at the innermost li: an li needs a list opened since */
	bool para;	/* a <p> opened here to hold top-level inline content is open */
};

/* Inline content never sits at the top level: it goes into a paragraph, so that sanitising the
 * output again gives the same output. */
static void before_inline(struct walk *w)
{
	if (w->blocks == 0 && !w->para) {
		buf_puts(w->out, "<p>");
		w->para = true;
		w->paras++;
	}
}

static void before_block(struct walk *w)
{
	if (w->para) {
		buf_puts(w->out, "</p>");
		w->para = false;
		w->paras--;
	}
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

static void walk(struct walk *w, xmlNode *n, int depth)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)n->content;
			if (!t || (w->blocks == 0 && !w->para && blank(t)))
				continue;
			before_inline(w);
			html_escape_str(w->out, t);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || !n->name)
			continue;	/* comments, processing instructions, DTDs */
		const char *name = (const char *)n->name;
		if (IN(name, dropped) || depth > MAX_DEPTH)
			continue;
		bool keep = IN(name, kept);
		bool list = strcasecmp(name, "ul") == 0 || strcasecmp(name, "ol") == 0;
		bool link = strcasecmp(name, "a") == 0;
		bool block = list || strcasecmp(name, "p") == 0 || strcasecmp(name, "li") == 0;
		bool inline_el = keep && !block && strcasecmp(name, "br") != 0;
		if (keep && block && w->blocks == 0 && !w->inlines)
			before_block(w);
		if (block && (w->inlines || w->paras))
			keep = false;
		bool item = strcasecmp(name, "li") == 0;
		if (item && w->lists <= w->item_lists)
			keep = false;
		if (list && w->lists > w->item_lists)
			keep = false;	/* a list goes at the top or straight into an li */
		xmlChar *href = NULL;
		if (link) {
			href = xmlGetProp(n, (const xmlChar *)"href");
			if (w->links || !href || !href_ok((const char *)href))
				keep = false;
		}
		if (!keep) {
			walk(w, n->children, depth + 1);
			if ((IN(name, blocks) || block) && (w->blocks || w->para))
				buf_putc(w->out, ' ');
			xmlFree(href);
			continue;
		}
		if (!block)
			before_inline(w);
		bool para = strcasecmp(name, "p") == 0;
		buf_putc(w->out, '<');
		buf_puts(w->out, name);
		if (link) {
			buf_puts(w->out, " href=\"");
			html_escape_str(w->out, (const char *)href);
			buf_puts(w->out, "\" rel=\"nofollow ugc\"");
		}
		buf_putc(w->out, '>');
		xmlFree(href);
		if (strcasecmp(name, "br") == 0)
			continue;
		w->lists += list;
		w->links += link;
		w->blocks += block;
		w->inlines += inline_el;
		w->paras += para;
		int saved_lists = w->item_lists;
		if (item)
			w->item_lists = w->lists;
		walk(w, n->children, depth + 1);
		w->paras -= para;
		w->item_lists = saved_lists;
		w->lists -= list;
		w->links -= link;
		w->blocks -= block;
		w->inlines -= inline_el;
		buf_puts(w->out, "</");
		buf_puts(w->out, name);
		buf_putc(w->out, '>');
	}
}

/* libxml2 passes bytes that are not UTF-8 straight through, so they are replaced first. */
static const char *scrub_utf8(struct arena *a, const char *s, size_t *len)
{
	if (utf8_valid((const uint8_t *)s, *len))
		return s;
	struct buf b;
	buf_init(&b, a, *len + 16);
	for (size_t i = 0; i < *len;) {
		unsigned char c = (unsigned char)s[i];
		size_t k = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		if (i + k <= *len && utf8_valid((const uint8_t *)s + i, k) && s[i]) {
			buf_put(&b, s + i, k);
			i += k;
		} else {
			buf_puts(&b, "\xef\xbf\xbd");	/* U+FFFD */
			i++;
		}
	}
	*len = b.len;
	return buf_cstr(&b);
}

const char *sanitize_html(struct arena *a, const char *html, size_t len, size_t *outlen)
{
	struct buf out;
	if (len > SANITIZE_MAX_INPUT)
		len = SANITIZE_MAX_INPUT;
	html = scrub_utf8(a, html, &len);
	buf_init(&out, a, len + 64);
	htmlDocPtr doc = len ? htmlReadMemory(html, (int)len, NULL, "UTF-8",
					      HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					      HTML_PARSE_NONET) : NULL;
	struct walk w = { .out = &out };
	if (doc) {
		walk(&w, doc->children, 0);
		xmlFreeDoc(doc);
	}
	/* White space left by unwrapped blocks at the end carries no meaning. */
	while (out.len && (out.p[out.len - 1] == '\n' || out.p[out.len - 1] == ' '))
		out.len--;
	before_block(&w);
	if (outlen)
		*outlen = out.len;
	return buf_cstr(&out);
}
