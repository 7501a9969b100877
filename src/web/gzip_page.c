/* gzip_page.c: a kept page's gzip form from parts deflated once (gzip_page.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>
#include "web/gzip_page.h"

/* The quality of one element's parameters (";q=0.5"), 1000 for 1; -1 when malformed. */
static int gzip_page_q(const char *p, const char *end)
{
	int q = 1000;
	while (p < end) {
		p += strspn(p, " \t;");
		if (p >= end)
			break;
		const char *stop = p + strcspn(p, ";");
		if (stop > end)
			stop = end;
		if ((p[0] == 'q' || p[0] == 'Q') && p + 1 < stop && p[1] == '=') {
			const char *v = p + 2;
			size_t vn = (size_t)(stop - v);
			while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
				vn--;
			if (vn == 0 || (v[0] != '0' && v[0] != '1') || vn > 5 || (vn > 1 && v[1] != '.'))
				return -1;
			q = v[0] == '1' ? 1000 : 0;
			for (size_t i = 2, scale = 100; i < vn; i++, scale /= 10) {
				if (v[i] < '0' || v[i] > '9' || (v[0] == '1' && v[i] != '0'))
					return -1;
				q += (v[i] - '0') * (int)scale;
			}
		}
		p = stop;
	}
	return q;
}

bool gzip_page_accepts(const char *accept_encoding)
{
	int gzip = -1, star = -1;
	for (const char *p = accept_encoding; p && *p;) {
		p += strspn(p, " \t,");
		if (!*p)
			break;
		const char *end = p + strcspn(p, ",");
		size_t name = strcspn(p, " \t;,");
		int q = gzip_page_q(p + name, end);
		if (q >= 0) {
			if ((name == 4 && strncasecmp(p, "gzip", 4) == 0) || (name == 6 && strncasecmp(p, "x-gzip", 6) == 0))
				gzip = gzip > q ? gzip : q;
			else if (name == 1 && *p == '*')
				star = q;
		}
		p = end;
	}
	return gzip >= 0 ? gzip > 0 : star > 0;
}

/* zlib's memory from the allocator that aborts on exhaustion: deflate then cannot fail. */
static voidpf gzip_page_alloc(voidpf opaque, uInt items, uInt size)
{
	(void)opaque;
	return xcalloc(items, size);
}

static void gzip_page_free(voidpf opaque, voidpf p)
{
	(void)opaque;
	free(p);
}

/* One raw deflate stream per worker, reset for each use (its 256 KB of tables made once). */
static z_stream *gzip_page_stream(void)
{
	static z_stream zs;
	static bool ready;
	if (!ready) {
		zs.zalloc = gzip_page_alloc;
		zs.zfree = gzip_page_free;
		if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
			abort();
		ready = true;
	} else if (deflateReset(&zs) != Z_OK) {
		abort();
	}
	return &zs;
}

/* Appends to out the raw deflate of p on its own: ending in a sync flush, or the final block. */
static void gzip_page_deflate(struct buf *out, const char *p, size_t n, bool last)
{
	z_stream *zs = gzip_page_stream();
	size_t room = deflateBound(zs, n) + 16;
	if (out->len + room > out->cap) {
		struct buf grown;
		buf_init(&grown, out->a, out->len + room);
		buf_put(&grown, out->p, out->len);
		*out = grown;
	}
	zs->next_in = (Bytef *)(uintptr_t)p;
	zs->avail_in = (uInt)n;
	zs->next_out = (Bytef *)out->p + out->len;
	zs->avail_out = (uInt)(out->cap - out->len);
	int rc = deflate(zs, last ? Z_FINISH : Z_SYNC_FLUSH);
	/* deflateBound's room holds all of it: anything else is a bug, not a condition */
	if (zs->avail_in != 0 || (last ? rc != Z_STREAM_END : rc != Z_OK))
		abort();
	out->len = out->cap - zs->avail_out;
}

void gzip_page_piece(struct arena *a, const char *plain, size_t len, struct gzip_piece *out)
{
	struct buf z;
	buf_init(&z, a, len / 3 + 64);
	gzip_page_deflate(&z, plain, len, false);
	out->plain = plain;
	out->len = len;
	out->z = (const uint8_t *)z.p;
	out->zlen = z.len;
	out->crc = (uint32_t)crc32(0, (const Bytef *)plain, (uInt)len);
}

static void put_u32(struct buf *b, uint32_t v)
{
	char le[4] = { (char)(v & 0xff), (char)((v >> 8) & 0xff), (char)((v >> 16) & 0xff), (char)(v >> 24) };
	buf_put(b, le, 4);
}

static uint32_t get_u32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The blob: per piece its plain length, compressed length and CRC (little-endian), then the
 * compressed bytes of each in turn. */
void gzip_page_save(struct buf *out, const struct gzip_page *g)
{
	for (size_t i = 0; i < g->n; i++) {
		put_u32(out, (uint32_t)g->piece[i].len);
		put_u32(out, (uint32_t)g->piece[i].zlen);
		put_u32(out, g->piece[i].crc);
	}
	for (size_t i = 0; i < g->n; i++)
		buf_put(out, g->piece[i].z, g->piece[i].zlen);
}

bool gzip_page_load(const void *blob, size_t blob_len, const char *const plain[], const size_t len[],
		    struct gzip_page *g, size_t n)
{
	const uint8_t *p = blob;
	size_t head = 12 * n, off = head;
	if (n > GZIP_PAGE_PIECES || blob_len < head)
		return false;
	for (size_t i = 0; i < n; i++) {
		size_t zlen = get_u32(p + 12 * i + 4);
		if (get_u32(p + 12 * i) != len[i] || zlen > blob_len - off)
			return false;
		g->piece[i] = (struct gzip_piece){ plain[i], len[i], p + off, zlen, get_u32(p + 12 * i + 8) };
		off += zlen;
	}
	g->n = n;
	return off == blob_len;
}

void gzip_page_build(struct arena *a, const char *body, size_t len, const struct gzip_page *g, struct buf *out)
{
	/* ID1 ID2, deflate, no flags, no time, no extra flags, Unix */
	static const char header[10] = { 0x1f, (char)0x8b, 8, 0, 0, 0, 0, 0, 0, 3 };
	size_t zkept = 0, from = 0;
	for (size_t i = 0; i < g->n; i++)
		zkept += g->piece[i].zlen;
	buf_init(out, a, zkept + (len - from) / 4 + 1024);
	buf_put(out, header, sizeof header);
	uLong crc = crc32(0, NULL, 0);
	for (size_t i = 0; i < g->n; i++) {
		const struct gzip_piece *k = &g->piece[i];
		if (g->at[i] > from) {
			gzip_page_deflate(out, body + from, g->at[i] - from, false);
			crc = crc32(crc, (const Bytef *)body + from, (uInt)(g->at[i] - from));
		}
		buf_put(out, k->z, k->zlen);
		crc = crc32_combine(crc, k->crc, (z_off_t)k->len);
		from = g->at[i] + k->len;
	}
	gzip_page_deflate(out, body + from, len - from, true);
	crc = crc32(crc, (const Bytef *)body + from, (uInt)(len - from));
	put_u32(out, (uint32_t)crc);
	put_u32(out, (uint32_t)len);
}

/* The last answer of a kept page, per worker: its bytes, ETag (when it had one) and gzip form. */
struct gzip_page_last {
	char key[GZIP_PAGE_KEY_MAX + 1];
	char *plain, *z;	/* malloc'd */
	size_t len, zlen;
	char etag[GZIP_PAGE_ETAG_MAX];
};

#define GZIP_PAGE_LAST_SLOTS 64

static struct gzip_page_last lasts[GZIP_PAGE_LAST_SLOTS];

static struct gzip_page_last *gzip_page_slot(const char *key)
{
	uint32_t h = 2166136261u;	/* FNV-1a: keys are short */
	for (const char *p = key; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	return &lasts[h % GZIP_PAGE_LAST_SLOTS];
}

/* Keeps this answer as the page's last one: its plain bytes, its ETag, and its gzip form when it
 * was made (else the one remembered for the same bytes). */
static void gzip_page_remember(const struct req *r, const struct gzip_page *g, const char *z, size_t zlen)
{
	if (!g->key || strlen(g->key) > GZIP_PAGE_KEY_MAX)
		return;
	struct gzip_page_last *s = gzip_page_slot(g->key);
	if (g->last == s && (s->z || !z) && (s->etag[0] || !r->etag))
		return;	/* nothing to add */
	if (g->last != s) {
		free(s->plain);
		free(s->z);
		*s = (struct gzip_page_last){ 0 };
		snprintf(s->key, sizeof s->key, "%s", g->key);
		s->plain = xmalloc(g->plain.len ? g->plain.len : 1);
		memcpy(s->plain, g->plain.p, g->plain.len);
		s->len = g->plain.len;
	}
	if (z && !s->z) {
		s->z = xmalloc(zlen);
		memcpy(s->z, z, zlen);
		s->zlen = zlen;
	}
	if (r->etag && !s->etag[0])
		snprintf(s->etag, sizeof s->etag, "%s", r->etag);
}

void gzip_page_choose(struct req *r)
{
	struct gzip_page *g = r->gzip;
	if (!g || r->method != HTTP_GET || r->status != 200)
		return;
	/* header lines of our own constants (response.h, which builds pages, is not needed here) */
	buf_puts(&r->headers, "Vary: Accept-Encoding\r\n");
	g->plain = r->body;
	const struct gzip_page_last *s = g->key ? gzip_page_slot(g->key) : NULL;
	if (s && s->plain && s->len == r->body.len && strcmp(s->key, g->key) == 0 && memcmp(s->plain, r->body.p, s->len) == 0) {
		g->last = s;
		if (s->etag[0])
			r->etag = s->etag;
	}
	if (!gzip_page_accepts(req_env(r, "HTTP_ACCEPT_ENCODING")))
		return;
	if (g->last && g->last->z) {
		r->content_encoding = "gzip";
		return;
	}
	size_t from = 0;
	for (size_t i = 0; i < g->n; i++) {
		const struct gzip_piece *k = &g->piece[i];
		const char *at = k->len ? memmem(r->body.p + from, r->body.len - from, k->plain, k->len) : r->body.p + from;
		if (!at)
			return;	/* the page changed the kept bytes as it ended: it goes out plain */
		g->at[i] = (size_t)(at - r->body.p);
		from = g->at[i] + k->len;
	}
	r->content_encoding = "gzip";
}

void gzip_page_encode(struct req *r)
{
	struct gzip_page *g = r->gzip;
	if (!g || r->method != HTTP_GET || r->status != 200)
		return;
	if (!r->content_encoding) {
		gzip_page_remember(r, g, NULL, 0);
		return;
	}
	if (g->last && g->last->z) {
		r->body = (struct buf){ g->last->z, g->last->zlen, g->last->zlen, r->arena };
	} else {
		struct buf z;
		gzip_page_build(r->arena, r->body.p, r->body.len, g, &z);
		gzip_page_remember(r, g, z.p, z.len);
		r->body = z;
	}
	buf_puts(&r->headers, "Content-Encoding: gzip\r\n");
}
