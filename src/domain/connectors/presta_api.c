/* presta_api.c: Webservice requests, and reading the XML answers: never with entities substituted
 * or anything fetched from the network (XML_PARSE_NONET, no XML_PARSE_NOENT), and an answer with a
 * DOCTYPE refused outright; CDATA read as text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/parser.h>
#include "domain/connectors/presta_api.h"
#include "domain/connectors/woo_api.h"
#include "lib/buf.h"
#include "lib/config.h"

bool presta_api_shop(const char *typed, char out[256])
{
	return woo_api_shop(typed, out);
}

xmlNode *presta_xml_child(xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0)
			return c;
	return NULL;
}

const char *presta_xml_text(struct arena *a, xmlNode *n)
{
	if (!n)
		return "";
	xmlNode *lang = presta_xml_child(n, "language");
	xmlChar *s = xmlNodeGetContent(lang ? lang : n);
	const char *out = arena_strdup(a, s ? (const char *)s : "");
	xmlFree(s);
	return out;
}

long long presta_xml_id(xmlNode *n)
{
	xmlChar *s = n ? xmlNodeGetContent(n) : NULL;
	char *end = NULL;
	long long v = s ? strtoll((const char *)s, &end, 10) : 0;
	bool ok = s && end != (char *)s && *end == '\0';
	xmlFree(s);
	return ok ? v : 0;
}

static xmlNode *first_element(xmlNode *n)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

enum connector_fetch presta_api_read(int status, const char *body, size_t len, xmlDoc **doc, xmlNode **list,
				     char error[200])
{
	*doc = NULL;
	*list = NULL;
	if (status == 0) {
		snprintf(error, 200, "the shop did not answer");
		return CONNECTOR_FETCH_FAILED;
	}
	xmlDoc *d = len && len < (size_t)1 << 30 ? xmlReadMemory(body, (int)len, NULL, NULL,
		XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING) : NULL;
	if (d && (d->intSubset || d->extSubset)) {
		/* The Webservice never sends a DOCTYPE; one can only carry entities (a file's content, a
		 * billion laughs) that reading the text would expand. */
		xmlFreeDoc(d);
		snprintf(error, 200, "the shop's answer declares a DOCTYPE, which the Webservice never does");
		return CONNECTOR_FETCH_FAILED;
	}
	xmlNode *root = d ? xmlDocGetRootElement(d) : NULL;
	if (!root || strcmp((const char *)root->name, "prestashop") != 0) {
		xmlFreeDoc(d);
		snprintf(error, 200, status == 200 ? "the shop's answer is not the Webservice's XML (is this a PrestaShop"
			 " site with the Webservice on?)" : "the shop answered HTTP %d", status);
		return status == 401 || status == 403 ? CONNECTOR_FETCH_REFUSED
		     : status == 429 || status == 503 ? CONNECTOR_FETCH_WAIT : CONNECTOR_FETCH_FAILED;
	}
	if (status != 200) {
		struct arena *a = arena_new(1024);
		xmlNode *e = presta_xml_child(presta_xml_child(root, "errors"), "error");
		snprintf(error, 200, "the shop answered HTTP %d: %.150s", status, presta_xml_text(a, presta_xml_child(e, "message")));
		arena_free(a);
		xmlFreeDoc(d);
		return status == 401 || status == 403 ? CONNECTOR_FETCH_REFUSED
		     : status == 429 || status == 503 ? CONNECTOR_FETCH_WAIT : CONNECTOR_FETCH_FAILED;
	}
	*doc = d;
	*list = first_element(root);
	return CONNECTOR_FETCH_OK;
}

const char *presta_api_filter(struct arena *a, const char *value)
{
	struct buf b;
	buf_init(&b, a, 3 * strlen(value) + 8);
	buf_puts(&b, "%5B");
	for (const unsigned char *c = (const unsigned char *)value; *c; c++)
		if (isalnum(*c) || strchr("-._~", *c))
			buf_putc(&b, (char)*c);
		else
			buf_printf(&b, "%%%02X", *c);
	buf_puts(&b, "%5D");
	return buf_cstr(&b);
}

static enum connector_fetch call(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
				 const char *method, const char *path, const char *xml, xmlDoc **doc, xmlNode **list,
				 int *status, char error[200])
{
	const char *base = config_str("prestashop_api_base", NULL);
	struct outcall_req rq = { .method = method, .user = s->key, .password = "", .timeout_ms = PRESTA_TIMEOUT_MS,
				  .url = arena_printf(a, "%s/api/%s", base && *base ? base : s->url, path) };
	rq.headers[0] = "Accept: application/xml";
	if (xml) {
		rq.headers[1] = "Content-Type: application/xml";
		rq.body = xml;
		rq.body_len = strlen(xml);
	}
	struct outcall_res res;
	memset(&res, 0, sizeof res);
	http->call(http->ctx, a, &rq, &res);
	*status = res.status;
	enum connector_fetch r = presta_api_read(res.status == 201 ? 200 : res.status, res.body, res.body_len, doc, list, error);
	if (res.status == 0 && *res.error)
		snprintf(error, 200, "the shop did not answer: %.150s", res.error);
	return r;
}

enum connector_fetch presta_api_post(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
				     const char *resource, const char *xml, xmlDoc **doc, xmlNode **item, int *status,
				     char error[200])
{
	return call(http, a, s, "POST", resource, xml, doc, item, status, error);
}

enum connector_fetch presta_api_get(const struct connector_http *http, struct arena *a, const struct presta_shop *s,
				    const char *resource, const char *query, xmlDoc **doc, xmlNode **list,
				    char error[200])
{
	int status;
	return call(http, a, s, "GET", arena_printf(a, "%s?%s", resource, query), NULL, doc, list, &status, error);
}
