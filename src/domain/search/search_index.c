/* search_index.c: a product's search row, category and vocabulary, written at save time. */
#include <string.h>
#include "domain/search/search_index.h"
#include "lib/buf.h"
#include "lib/category_name.h"
#include "lib/htmltext.h"
#include "lib/search_terms.h"

static const struct db_stmt q_product = {
	"SELECT p.title, p.description_html, p.product_type, p.vendor, p.tags, p.category, b.name"
	" FROM products p JOIN brands b ON b.id = p.brand_id WHERE p.id = ?", "i", "sssssss" };
/* updated_at kept as it is: the category follows from the type and is no edit of its own, and
 * the index row compares its source_updated_at with it. */
static const struct db_stmt q_set_category = {
	"UPDATE products SET category = ?, updated_at = updated_at WHERE id = ? AND category <> ?", "sis", "" };
static const struct db_stmt q_category = {
	"INSERT IGNORE INTO categories (slug, name) VALUES (?, ?)", "ss", "" };
static const struct db_stmt q_updated = {
	"SELECT updated_at FROM products WHERE id = ?", "i", "s" };
static const struct db_stmt q_upsert = {
	"INSERT INTO search_products (product_id, title, body, source_updated_at) VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE title = VALUES(title), body = VALUES(body),"
	" source_updated_at = VALUES(source_updated_at)", "isss", "" };
static const struct db_stmt q_word = {
	"INSERT IGNORE INTO search_words (word) VALUES (?)", "s", "" };
static const struct db_stmt q_gram = {
	"INSERT IGNORE INTO search_word_grams (gram, word) VALUES (?, ?)", "bs", "" };
static const struct db_stmt q_stale = {
	"SELECT p.id FROM products p LEFT JOIN search_products s ON s.product_id = p.id"
	" WHERE s.product_id IS NULL OR s.source_updated_at <> p.updated_at ORDER BY p.id LIMIT ?", "i", "i" };
static const struct db_stmt q_stale_brand = {
	"SELECT p.id FROM products p LEFT JOIN search_products s ON s.product_id = p.id WHERE p.brand_id = ?"
	" AND (s.product_id IS NULL OR s.source_updated_at <> p.updated_at) ORDER BY p.id LIMIT ?", "ii", "i" };

/* A description is at most a few paragraphs worth searching; the rest adds noise, not matches. */
#define BODY_PARAGRAPHS 64

static const char *plain_body(struct arena *a, const char *html, const char *const extra[], size_t nextra)
{
	const char *paras[BODY_PARAGRAPHS];
	size_t n = htmltext_paragraphs(a, html, strlen(html), paras, BODY_PARAGRAPHS);
	struct buf b;
	buf_init(&b, a, 1024);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "\n" : "", paras[i]);
	for (size_t i = 0; i < nextra; i++)
		if (*extra[i])
			buf_printf(&b, "\n%s", extra[i]);
	return buf_cstr(&b);
}

/* Adds the words of text to the vocabulary; a word already there already has its trigrams. */
static enum db_status vocabulary_add(struct db *db, const char *text)
{
	struct search_terms t;
	search_terms_parse(text, &t);
	for (size_t i = 0; i < t.n; i++) {
		const char *w = t.t[i].word;
		enum db_status rc = db_query(db, NULL, &q_word, (struct db_param[]){ DB_S(w) }, NULL);
		if (rc != DB_OK)
			return rc;
		if (db_affected(db) == 0)
			continue;
		char grams[SEARCH_GRAMS_MAX][4];
		size_t ng = search_terms_grams(w, grams, SEARCH_GRAMS_MAX);
		for (size_t g = 0; g < ng; g++)
			if ((rc = db_query(db, NULL, &q_gram, (struct db_param[]){ DB_B(grams[g], strlen(grams[g])), DB_S(w) },
					   NULL)) != DB_OK)
				return rc;
	}
	return DB_OK;
}

enum db_status search_index_product(struct db *db, struct arena *a, long long product_id)
{
	struct db_res p, up;
	struct db_param id[] = { DB_I(product_id) };
	enum db_status rc = db_query(db, a, &q_product, id, &p);
	if (rc != DB_OK || p.nrows == 0)
		return rc;
	const char *title = db_at(&p, 0, 0)->s, *type = db_at(&p, 0, 2)->s, *brand = db_at(&p, 0, 6)->s;
	const char *name = category_name(a, type), *slug = category_slug(a, name);
	if (*slug && (rc = db_query(db, NULL, &q_category, (struct db_param[]){ DB_S(slug), DB_S(name) }, NULL)) != DB_OK)
		return rc;
	if (strcmp(slug, db_at(&p, 0, 5)->s) != 0 &&
	    (rc = db_query(db, NULL, &q_set_category, (struct db_param[]){ DB_S(slug), DB_I(product_id), DB_S(slug) },
			   NULL)) != DB_OK)
		return rc;
	if ((rc = db_query(db, a, &q_updated, id, &up)) != DB_OK || up.nrows == 0)
		return rc;
	const char *extra[] = { type, db_at(&p, 0, 3)->s, db_at(&p, 0, 4)->s, brand, name };
	const char *body = plain_body(a, db_at(&p, 0, 1)->s, extra, sizeof extra / sizeof extra[0]);
	if ((rc = db_query(db, NULL, &q_upsert, (struct db_param[]){ DB_I(product_id), DB_S(title), DB_S(body),
			   DB_S(db_at(&up, 0, 0)->s) }, NULL)) != DB_OK)
		return rc;
	if ((rc = vocabulary_add(db, title)) != DB_OK || (rc = vocabulary_add(db, brand)) != DB_OK)
		return rc;
	return vocabulary_add(db, name);
}

enum db_status search_index_stale(struct db *db, struct arena *a, long long brand_id, long long limit, long long *done)
{
	struct db_res ids;
	*done = 0;
	enum db_status rc = brand_id ? db_query(db, a, &q_stale_brand, (struct db_param[]){ DB_I(brand_id), DB_I(limit) }, &ids)
				     : db_query(db, a, &q_stale, (struct db_param[]){ DB_I(limit) }, &ids);
	for (size_t i = 0; rc == DB_OK && i < ids.nrows; i++)
		if ((rc = search_index_product(db, a, db_at(&ids, i, 0)->i)) == DB_OK)
			(*done)++;
	return rc;
}
