/* search_typo.c: a misspelt word's neighbours, found by shared trigrams, kept by edit distance. */
#include <string.h>
#include "domain/search/search_typo.h"

/* One placeholder per possible term, padded with "" (no word is empty). */
static const struct db_stmt q_known = {
	"SELECT word FROM search_words WHERE word IN (?, ?, ?, ?, ?, ?, ?, ?)", "ssssssss", "s" };
_Static_assert(SEARCH_TERMS_MAX == 8, "one placeholder per term");

/* The grams of the unknown words, padded with "" (no gram is empty). Candidates sharing the most
 * grams first; CANDIDATES of them are measured. */
#define GRAM_SLOTS 24
#define CANDIDATES 40
static const struct db_stmt q_neighbours = {
	"SELECT word FROM search_word_grams WHERE gram IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) GROUP BY word ORDER BY COUNT(*) DESC, word LIMIT 40",
	"bbbbbbbbbbbbbbbbbbbbbbbb", "s" };

static bool is_known(const struct db_res *known, const char *w)
{
	for (size_t i = 0; i < known->nrows; i++)
		if (strcmp(db_at(known, i, 0)->s, w) == 0)
			return true;
	return false;
}

/* Gathers the distinct grams of the unknown terms into slots; returns how many were filled. */
static size_t unknown_grams(const struct search_terms *t, const bool *unknown, char slots[][4])
{
	size_t n = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (!unknown[i])
			continue;
		char g[SEARCH_GRAMS_MAX][4];
		size_t ng = search_terms_grams(t->t[i].word, g, SEARCH_GRAMS_MAX);
		for (size_t k = 0; k < ng && n < GRAM_SLOTS; k++) {
			bool seen = false;
			for (size_t j = 0; j < n && !seen; j++)
				seen = strcmp(slots[j], g[k]) == 0;
			if (!seen)
				memcpy(slots[n++], g[k], 4);
		}
	}
	return n;
}

enum db_status search_typo_expand(struct db *db, struct arena *a, struct search_terms *t)
{
	struct db_param words[SEARCH_TERMS_MAX];
	for (size_t i = 0; i < SEARCH_TERMS_MAX; i++)
		words[i] = DB_S(i < t->n ? t->t[i].word : "");
	struct db_res known;
	enum db_status rc = db_query(db, a, &q_known, words, &known);
	if (rc != DB_OK)
		return rc;
	bool unknown[SEARCH_TERMS_MAX] = { false };
	bool any = false;
	for (size_t i = 0; i < t->n; i++) {
		t->t[i].nalts = 0;
		unknown[i] = search_terms_tolerance(t->t[i].word) > 0 && !is_known(&known, t->t[i].word);
		any |= unknown[i];
	}
	if (!any)
		return DB_OK;
	char slots[GRAM_SLOTS][4] = { { 0 } };
	unknown_grams(t, unknown, slots);
	struct db_param grams[GRAM_SLOTS];
	for (size_t i = 0; i < GRAM_SLOTS; i++)
		grams[i] = DB_B(slots[i], strlen(slots[i]));
	struct db_res cand;
	if ((rc = db_query(db, a, &q_neighbours, grams, &cand)) != DB_OK)
		return rc;
	for (size_t i = 0; i < t->n; i++) {
		struct search_term *term = &t->t[i];
		size_t tol = search_terms_tolerance(term->word);
		for (size_t c = 0; unknown[i] && c < cand.nrows && c < CANDIDATES && term->nalts < SEARCH_ALTS_MAX; c++) {
			const char *w = db_at(&cand, c, 0)->s;
			if (strlen(w) <= SEARCH_WORD_MAX && search_terms_distance(term->word, w, tol) <= tol)
				strcpy(term->alts[term->nalts++], w);
		}
	}
	return DB_OK;
}
