/* csrf_anon.c: see csrf_anon.h. Pure functions of the secret, the path and the clock. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sodium.h>
#include "web/csrf_anon.h"

static const char b64url[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/* What a token is good for, hashed first: one action path, or a page and every path under it. */
static const char FOR_ACTION[] = "anon-csrf";
static const char FOR_PAGE[] = "anon-csrf-page";

static void csrf_anon_mac(const uint8_t secret[32], const char *scope, const char *bucket, const char *path,
			  size_t path_len, uint8_t out[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, secret, 32);
	/* NUL separators: no scope, bucket and path can be shifted into another triple of the same bytes. */
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)scope, strlen(scope) + 1);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)bucket, 9);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)path, path_len);
	crypto_auth_hmacsha256_final(&st, out);
}

static void csrf_anon_compute(const uint8_t secret[32], const char *scope, const char *path, size_t path_len,
			      long long bucket, char out[CSRF_ANON_LEN + 1])
{
	char head[10];
	snprintf(head, sizeof head, "%08llx", (unsigned long long)bucket & 0xffffffffULL);
	uint8_t mac[crypto_auth_hmacsha256_BYTES];
	csrf_anon_mac(secret, scope, head, path, path_len, mac);	/* head's NUL is hashed too */
	memcpy(out, head, 8);
	out[8] = '.';
	sodium_bin2base64(out + 9, CSRF_ANON_LEN - 9 + 1, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* A token is the same for every view of a form within the hour, and a page holds a dozen forms
 * (the live page: react, chat, ask, vote, deal, remind...): each HMAC costs a few thousand
 * instructions, so a worker remembers the tokens it made. A memo, not state: an entry is a pure
 * function of its key, which includes the secret. */
#define MEMO_SLOTS 128
#define MEMO_PATH_MAX 200
struct csrf_anon_memo {
	uint8_t secret[32];
	long long bucket;
	const char *scope;	/* FOR_ACTION or FOR_PAGE, compared by address */
	size_t path_len;
	char path[MEMO_PATH_MAX];
	char token[CSRF_ANON_LEN + 1];
};
static struct csrf_anon_memo csrf_anon_memos[MEMO_SLOTS];

static void csrf_anon_make_n(const uint8_t secret[32], const char *scope, const char *path, size_t path_len,
			     long long bucket, char out[CSRF_ANON_LEN + 1])
{
	if (path_len >= MEMO_PATH_MAX) {
		csrf_anon_compute(secret, scope, path, path_len, bucket, out);
		return;
	}
	uint32_t h = 2166136261u ^ (uint32_t)bucket ^ (scope == FOR_PAGE ? 0x9e3779b9u : 0);
	for (size_t i = 0; i < path_len; i++)
		h = (h ^ (uint8_t)path[i]) * 16777619u;
	struct csrf_anon_memo *m = &csrf_anon_memos[h % MEMO_SLOTS];
	if (m->scope != scope || m->bucket != bucket || m->path_len != path_len ||
	    memcmp(m->path, path, path_len) != 0 || memcmp(m->secret, secret, 32) != 0) {
		csrf_anon_compute(secret, scope, path, path_len, bucket, m->token);
		memcpy(m->secret, secret, 32);
		m->bucket = bucket;
		m->scope = scope;
		m->path_len = path_len;
		memcpy(m->path, path, path_len);
	}
	memcpy(out, m->token, CSRF_ANON_LEN + 1);
}

void csrf_anon_make(const uint8_t secret[32], const char *path, long long now, char out[CSRF_ANON_LEN + 1])
{
	csrf_anon_make_n(secret, FOR_ACTION, path, strlen(path), now / CSRF_ANON_BUCKET_S, out);
}

void csrf_anon_make_page(const uint8_t secret[32], const char *path, long long now, char out[CSRF_ANON_LEN + 1])
{
	csrf_anon_make_n(secret, FOR_PAGE, path, strlen(path), now / CSRF_ANON_BUCKET_S, out);
}

bool csrf_anon_check(const uint8_t secret[32], const char *path, const char *submitted, long long now)
{
	if (!submitted || strlen(submitted) != CSRF_ANON_LEN || submitted[8] != '.' ||
	    strspn(submitted, "0123456789abcdef") != 8 || strspn(submitted + 9, b64url) != CSRF_ANON_LEN - 9)
		return false;
	unsigned long long sent = 0;
	sscanf(submitted, "%8llx", &sent);
	long long cur = now / CSRF_ANON_BUCKET_S;
	if ((long long)sent > cur || (long long)sent < cur - CSRF_ANON_BUCKETS_BACK)
		return false;
	char want[CSRF_ANON_LEN + 1];
	size_t len = strlen(path);
	csrf_anon_make_n(secret, FOR_ACTION, path, len, (long long)sent, want);
	bool ok = sodium_memcmp(want, submitted, CSRF_ANON_LEN) == 0;
	/* A page's token: made for this path or one above it, "/" excepted (no token covers the site). */
	for (; len > 1 && !ok; len--) {
		if (len < strlen(path) && path[len] != '/')
			continue;
		csrf_anon_make_n(secret, FOR_PAGE, path, len, (long long)sent, want);
		ok = sodium_memcmp(want, submitted, CSRF_ANON_LEN) == 0;
	}
	return ok;
}

/* The form a placeholder at `at` sits in: the last "<form" opened before it, or NULL when there is
 * none or it was closed ("</form>") before `at`. Read backwards from the placeholder, tag by tag:
 * a token's form opens a few tags before it, where a forward search for "<form" (glibc's memmem,
 * two to three instructions a byte) crossed the whole page before it on every view. */
static const char *csrf_anon_form_before(const char *start, const char *at)
{
	for (const char *q = at; (q = memrchr(start, '<', (size_t)(q - start))) != NULL;) {
		size_t room = (size_t)(at - q);
		if (room >= 7 && memcmp(q, "</form>", 7) == 0)
			return NULL;
		if (room >= 5 && memcmp(q, "<form", 5) == 0)
			return q;
	}
	return NULL;
}

/* The action of `form` (a "<form" tag, or NULL: see csrf_anon_form_before), entity-decoded, up to
 * its query string, in out; false when there is none or it is no local path. */
static bool csrf_anon_action(const char *form, const char *end, char *out, size_t cap)
{
	if (!form)
		return false;
	const char *close = memchr(form, '>', (size_t)(end - form));
	const char *a = memmem(form, (size_t)((close ? close : end) - form), " action=\"", 9);
	if (!a)
		return false;
	a += 9;
	size_t n = 0;
	for (; a < end && *a != '"' && *a != '?' && *a != '#'; a++) {
		char c = *a;
		if (c == '&') {	/* what the autoescaper may have written in an attribute */
			static const struct { const char *ent; char c; } ents[] = {
				{ "&amp;", '&' }, { "&#38;", '&' }, { "&#39;", '\'' }, { "&#61;", '=' },
				{ "&quot;", '"' }, { "&#34;", '"' }, { "&lt;", '<' }, { "&gt;", '>' },
			};
			size_t i;
			for (i = 0; i < sizeof ents / sizeof ents[0]; i++) {
				size_t l = strlen(ents[i].ent);
				if ((size_t)(end - a) >= l && strncasecmp(a, ents[i].ent, l) == 0) {
					c = ents[i].c;
					a += l - 1;
					break;
				}
			}
		}
		if (n + 1 >= cap)
			return false;
		out[n++] = c;
	}
	out[n] = '\0';
	return n > 0 && out[0] == '/' && out[1] != '/';
}

/* The first placeholder in [from, end), or NULL. Found by its one '~' (after the eight zeros), a
 * byte pages seldom hold, with memchr's vector scan: glibc's memmem took about an instruction a
 * byte for this needle, over every page on every view. */
static char *csrf_anon_find(char *from, const char *end)
{
	static const char mark[] = CSRF_ANON_PLACEHOLDER;
	const size_t mlen = sizeof mark - 1, dot = 8;	/* csrf_anon.h: "00000000~" starts it */
	if ((size_t)(end - from) < mlen)
		return NULL;
	for (char *q = from + dot; (q = memchr(q, '~', (size_t)(end - q))) != NULL; q++) {
		if ((size_t)(end - (q - dot)) < mlen)
			return NULL;
		if (memcmp(q - dot, mark, mlen) == 0)
			return q - dot;
	}
	return NULL;
}

bool csrf_anon_fill(struct buf *page, const uint8_t secret[32], const char *session_csrf,
		    const char *page_path, long long now)
{
	const size_t mlen = sizeof CSRF_ANON_PLACEHOLDER - 1;
	char *const end = page->p + page->len;
	char *p = csrf_anon_find(page->p, end);
	if (!p)
		return false;
	if (session_csrf) {
		/* A kept fragment rendered for a cookieless visitor, shown to one with a session. */
		struct buf out;
		buf_init(&out, page->a, page->len);
		char *from = page->p;
		for (; p; p = csrf_anon_find(from, end)) {
			buf_put(&out, from, (size_t)(p - from));
			buf_puts(&out, session_csrf);
			from = p + mlen;
		}
		buf_put(&out, from, (size_t)(end - from));
		*page = out;
		return true;
	}
	for (; p; p = csrf_anon_find(p, end)) {
		const char *form = csrf_anon_form_before(page->p, p);
		char action[1024];
		char token[CSRF_ANON_LEN + 1];
		if (csrf_anon_action(form, p, action, sizeof action))
			csrf_anon_make(secret, action, now, token);
		else
			csrf_anon_make_page(secret, page_path, now, token);
		memcpy(p, token, CSRF_ANON_LEN);
		p += CSRF_ANON_LEN;
	}
	return true;
}
