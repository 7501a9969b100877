/* search_terms.c: search box text to index words, trigrams, edit distance and the boolean query. */
#include <string.h>
#include "lib/buf.h"
#include "lib/search_terms.h"

/* InnoDB's default stopword list (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD) of three letters
 * or more: the index never holds them, so a required one would match nothing. */
static const char *const stopwords[] = {
	"about", "are", "com", "for", "from", "how", "that", "the", "this", "was", "what", "when",
	"where", "who", "will", "with", "und", "www", NULL,
};

static bool is_stopword(const char *w)
{
	for (size_t i = 0; stopwords[i]; i++)
		if (strcmp(w, stopwords[i]) == 0)
			return true;
	return false;
}

static bool word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Cuts at a character boundary: never half a UTF-8 sequence. */
static size_t cut_utf8(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

static void add_word(struct search_terms *out, const char *s, size_t len)
{
	/* Counted after the cut: bytes that are not UTF-8 could otherwise cut a word below the minimum. */
	len = cut_utf8(s, len, SEARCH_WORD_MAX);
	size_t chars = 0;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xc0) != 0x80;
	if (chars < SEARCH_WORD_MIN || out->n >= SEARCH_TERMS_MAX)
		return;
	struct search_term *t = &out->t[out->n];
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		t->word[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	if (is_stopword(t->word))
		return;
	for (size_t i = 0; i < out->n; i++)
		if (strcmp(out->t[i].word, t->word) == 0)
			return;
	out->n++;
}

size_t search_terms_parse(const char *text, struct search_terms *out)
{
	out->n = 0;
	const char *p = text ? text : "";
	while (*p && out->n < SEARCH_TERMS_MAX) {
		while (*p && !word_byte((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && word_byte((unsigned char)*p))
			p++;
		if (p > start)
			add_word(out, start, (size_t)(p - start));
	}
	return out->n;
}

size_t search_terms_grams(const char *word, char out[][4], size_t max)
{
	char padded[SEARCH_WORD_MAX + 3];
	size_t len = strnlen(word, SEARCH_WORD_MAX), n = 0;
	padded[0] = '^';
	memcpy(padded + 1, word, len);
	padded[len + 1] = '$';
	padded[len + 2] = '\0';
	for (size_t i = 0; i + 3 <= len + 2 && n < max; i++) {
		char g[4] = { padded[i], padded[i + 1], padded[i + 2], '\0' };
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = memcmp(out[k], g, 4) == 0;
		if (!seen)
			memcpy(out[n++], g, 4);
	}
	return n;
}

size_t search_terms_distance(const char *a, const char *b, size_t max)
{
	size_t la = strnlen(a, SEARCH_WORD_MAX), lb = strnlen(b, SEARCH_WORD_MAX);
	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	size_t prev[SEARCH_WORD_MAX + 1], cur[SEARCH_WORD_MAX + 1];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		size_t row_min = cur[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
			if (cur[j] < row_min)
				row_min = cur[j];
		}
		if (row_min > max)
			return max + 1;
		memcpy(prev, cur, (lb + 1) * sizeof prev[0]);
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}

size_t search_terms_tolerance(const char *word)
{
	size_t len = strlen(word);
	return len < 4 ? 0 : len < 8 ? 1 : 2;
}

const char *search_terms_boolean(struct arena *a, const struct search_terms *t)
{
	struct buf b;
	buf_init(&b, a, 128);
	for (size_t i = 0; i < t->n; i++) {
		buf_printf(&b, "%s+(%s", i ? " " : "", t->t[i].word);
		for (size_t k = 0; k < t->t[i].nalts; k++)
			buf_printf(&b, " %s", t->t[i].alts[k]);
		if (i + 1 == t->n)
			buf_printf(&b, " %s*", t->t[i].word);
		buf_puts(&b, ")");
	}
	return buf_cstr(&b);
}
