/* connector_store.c: the connectors table and its mapping tables (sql/0045_connectors.sql). */
#include <string.h>
#include "lib/config.h"
#include "domain/connectors/connector_store.h"
#include "lib/sealed.h"

#define TOKEN_PURPOSE "connector access token"
#define SECRET_PURPOSE "connector webhook secret"

static const struct db_stmt q_order = {
	"SELECT number, email, currency, ship_name, ship_line1, ship_line2, ship_city, ship_region, ship_postal,"
	" ship_country FROM orders WHERE id = ?", "i", "ssssssssss" };

static const struct db_stmt q_connect = {
	"INSERT INTO connectors (brand_id, platform, shop, token_sealed, secret_sealed, created_at, sync_state)"
	" VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(), 'queued')"
	" ON DUPLICATE KEY UPDATE shop = VALUES(shop), token_sealed = VALUES(token_sealed),"
	" secret_sealed = VALUES(secret_sealed), sync_state = 'queued', sync_cursor = NULL, lease_until = NULL,"
	" webhooks_registered_at = NULL,"
	" last_result = ''", "issbb", "" };
static const struct db_stmt q_queue = {
	"UPDATE connectors SET sync_state = 'queued', lease_until = NULL"
	" WHERE brand_id = ? AND platform = ? AND sync_state = 'idle'", "is", "" };
static const struct db_stmt q_view = {
	"SELECT id, shop, sync_state, last_result, COALESCE(last_synced_at, ''), COALESCE(sync_started_at, ''),"
	" sync_done, sync_total, sync_skipped, COALESCE(TIMESTAMPDIFF(SECOND, sync_started_at, UTC_TIMESTAMP()), 0)"
	" FROM connectors WHERE brand_id = ? AND platform = ?", "is", "isssssiiii" };
static const struct db_stmt q_due = {
	"SELECT id FROM connectors WHERE sync_state IN ('queued', 'running')"
	" AND (lease_until IS NULL OR lease_until <= UTC_TIMESTAMP()) AND FIND_IN_SET(platform, REPLACE(?, ' ', ''))"
	" ORDER BY id LIMIT 8", "s", "i" };
/* Assignments run left to right: sync_cursor is read before anything here changes it. */
static const struct db_stmt q_claim = {
	"UPDATE connectors SET sync_round = IF(sync_cursor IS NULL, sync_round + 1, sync_round),"
	" sync_done = IF(sync_cursor IS NULL, 0, sync_done), sync_skipped = IF(sync_cursor IS NULL, 0, sync_skipped),"
	" sync_started_at = IF(sync_cursor IS NULL, UTC_TIMESTAMP(), sync_started_at),"
	" sync_state = 'running', lease_until = UTC_TIMESTAMP() + INTERVAL 20 SECOND"	/* CONNECTOR_LEASE_S */
	" WHERE id = ? AND sync_state IN ('queued', 'running') AND (lease_until IS NULL OR lease_until <= UTC_TIMESTAMP())",
	"i", "" };
static const struct db_stmt q_load = {
	"SELECT c.brand_id, c.sync_round, c.sync_done, c.sync_skipped, c.shop, b.currency, COALESCE(c.sync_cursor, ''),"
	" c.token_sealed, c.platform, c.webhooks_registered_at IS NOT NULL FROM connectors c"
	" JOIN brands b ON b.id = c.brand_id WHERE c.id = ?", "i", "iiiisssssi" };
static const struct db_stmt q_checkpoint = {
	"UPDATE connectors SET sync_cursor = ?, sync_done = ?, sync_skipped = ?, sync_total = IF(? < 0, sync_total, ?),"
	" lease_until = UTC_TIMESTAMP() + INTERVAL 20 SECOND WHERE id = ? AND sync_state = 'running'", "siiiii", "" };
static const struct db_stmt q_hooks = {
	"UPDATE connectors SET webhooks_registered_at = UTC_TIMESTAMP() WHERE id = ?", "i", "" };
static const struct db_stmt q_pause = {
	"UPDATE connectors SET sync_state = 'queued', lease_until = NULL WHERE id = ? AND sync_state = 'running'", "i", "" };
/* A page's remote ids go 16 rows a statement (db.c binds at most 64 values), the rest one by one. */
#define R4(x) x ", " x ", " x ", " x
#define R16(x) R4(x) ", " R4(x) ", " R4(x) ", " R4(x)
#define T16(t) t t t t t t t t t t t t t t t t
#define ROWS 16
#define INS_P "INSERT INTO connector_products (connector_id, remote_id, handle, seen_round) VALUES "
#define UPD_P " ON DUPLICATE KEY UPDATE handle = VALUES(handle), seen_round = VALUES(seen_round)"
static const struct db_stmt q_product = { INS_P "(?, ?, ?, ?)" UPD_P, "iisi", "" };
static const struct db_stmt q_products16 = { INS_P R16("(?, ?, ?, ?)") UPD_P, T16("iisi"), "" };
#define INS_S "INSERT INTO connector_stock_items (connector_id, remote_item_id, variant_external_id) VALUES "
#define UPD_S " ON DUPLICATE KEY UPDATE variant_external_id = VALUES(variant_external_id)"
static const struct db_stmt q_item = { INS_S "(?, ?, ?)" UPD_S, "iis", "" };
static const struct db_stmt q_items16 = { INS_S R16("(?, ?, ?)") UPD_S, T16("iis"), "" };
static const struct db_stmt q_archive = {
	"UPDATE products p JOIN connector_products c ON c.connector_id = ? AND c.handle = p.handle"
	" SET p.status = 'archived', p.import_hash = NULL"
	" WHERE p.brand_id = ? AND c.seen_round < ? AND p.status <> 'archived'", "iii", "" };
static const struct db_stmt q_finish = {
	"UPDATE connectors SET sync_state = 'idle', sync_cursor = NULL, lease_until = NULL, sync_done = ?,"
	" sync_skipped = ?, last_synced_at = UTC_TIMESTAMP(), last_result = ? WHERE id = ?", "iisi", "" };
static const struct db_stmt q_fail = {
	"UPDATE connectors SET sync_state = IF(? > 0, 'queued', 'idle'), lease_until = IF(? > 0,"
	" UTC_TIMESTAMP() + INTERVAL ? SECOND, NULL), last_result = ? WHERE id = ?", "iiisi", "" };
static const struct db_stmt q_disconnect = {
	"DELETE FROM connectors WHERE brand_id = ? AND platform = ?", "is", "" };
static const struct db_stmt q_synced = {
	"SELECT c.shop, c.platform FROM products p JOIN connectors c ON c.brand_id = p.brand_id"
	" JOIN connector_products cp ON cp.connector_id = c.id AND cp.handle = p.handle"
	" WHERE p.id = ? AND p.brand_id = ? LIMIT 1", "ii", "ss" };
static const struct db_stmt q_secret = {
	"SELECT c.brand_id, b.currency, c.shop, c.secret_sealed, c.sync_round FROM connectors c"
	" JOIN brands b ON b.id = c.brand_id WHERE c.id = ? AND c.platform = ?", "is", "isssi" };

static bool seal(const char *purpose, const char *plain, uint8_t *out, size_t *n)
{
	size_t len = strlen(plain);
	if (len == 0 || len > CONNECTOR_SECRET_MAX || !sealed_seal(purpose, (const uint8_t *)plain, len, out))
		return false;
	*n = len + SEALED_OVERHEAD;
	return true;
}

static bool open_secret(const char *purpose, const struct db_val *v, char out[CONNECTOR_SECRET_MAX + 1])
{
	bool ok = v->len > SEALED_OVERHEAD && v->len - SEALED_OVERHEAD <= CONNECTOR_SECRET_MAX &&
		  sealed_open(purpose, (const uint8_t *)v->s, v->len, (uint8_t *)out);
	out[ok ? v->len - SEALED_OVERHEAD : 0] = '\0';
	return ok;
}

bool connector_store_open_token(const struct db_val *sealed, char out[CONNECTOR_SECRET_MAX + 1])
{
	return open_secret(TOKEN_PURPOSE, sealed, out);
}

enum db_status connector_store_connect(struct db *db, long long brand_id, const char *platform, const char *shop,
				       const char *token, const char *secret)
{
	uint8_t st[CONNECTOR_SECRET_MAX + SEALED_OVERHEAD], ss[CONNECTOR_SECRET_MAX + SEALED_OVERHEAD];
	size_t nt, ns;
	if (!seal(TOKEN_PURPOSE, token, st, &nt) || !seal(SECRET_PURPOSE, secret, ss, &ns))
		return DB_CONFLICT;
	return db_query(db, NULL, &q_connect, (struct db_param[]){ DB_I(brand_id), DB_S(platform), DB_S(shop),
		DB_B(st, nt), DB_B(ss, ns) }, NULL);
}

enum db_status connector_store_disconnect(struct db *db, long long brand_id, const char *platform)
{
	return db_query(db, NULL, &q_disconnect, (struct db_param[]){ DB_I(brand_id), DB_S(platform) }, NULL);
}

enum db_status connector_store_queue(struct db *db, long long brand_id, const char *platform)
{
	return db_query(db, NULL, &q_queue, (struct db_param[]){ DB_I(brand_id), DB_S(platform) }, NULL);
}

enum db_status connector_store_view(struct db *db, struct arena *a, long long brand_id, const char *platform,
				    struct connector_view *v)
{
	struct db_res r;
	enum db_status rc = db_query(db, a, &q_view, (struct db_param[]){ DB_I(brand_id), DB_S(platform) }, &r);
	memset(v, 0, sizeof *v);
	if (rc != DB_OK || r.nrows == 0)
		return rc;
	v->found = true;
	v->id = db_at(&r, 0, 0)->i;
	v->shop = db_at(&r, 0, 1)->s;
	v->state = db_at(&r, 0, 2)->s;
	v->last_result = db_at(&r, 0, 3)->s;
	v->last_synced_at = db_at(&r, 0, 4)->s;
	v->started_at = db_at(&r, 0, 5)->s;
	v->done = db_at(&r, 0, 6)->i;
	v->total = db_at(&r, 0, 7)->i;
	v->skipped = db_at(&r, 0, 8)->i;
	v->seconds_running = db_at(&r, 0, 9)->i;
	return DB_OK;
}

/* The platforms this worker syncs and pushes orders to: every one unless the operator splits them
 * across workers (a test's worker is pointed at one platform's simulator). */
const char *connector_store_platforms(void)
{
	return config_str("connector_platforms", "shopify,woocommerce,prestashop");
}

enum db_status connector_store_due(struct db *db, struct arena *a, long long *ids, size_t max, size_t *n)
{
	struct db_res r;
	*n = 0;
	enum db_status rc = db_query(db, a, &q_due, (struct db_param[]){ DB_S(connector_store_platforms()) }, &r);
	for (size_t i = 0; rc == DB_OK && i < r.nrows && *n < max; i++)
		ids[(*n)++] = db_at(&r, i, 0)->i;
	return rc;
}

enum db_status connector_store_claim(struct db *db, struct arena *a, long long id, bool *won,
				     struct connector_sync_row *row)
{
	*won = false;
	enum db_status rc = db_query(db, NULL, &q_claim, (struct db_param[]){ DB_I(id) }, NULL);
	if (rc != DB_OK || db_affected(db) != 1)
		return rc;
	struct db_res r;
	if ((rc = db_query(db, a, &q_load, (struct db_param[]){ DB_I(id) }, &r)) != DB_OK || r.nrows == 0)
		return rc;
	row->id = id;
	row->brand_id = db_at(&r, 0, 0)->i;
	row->round = db_at(&r, 0, 1)->i;
	row->done = db_at(&r, 0, 2)->i;
	row->skipped = db_at(&r, 0, 3)->i;
	row->shop = db_at(&r, 0, 4)->s;
	row->currency = db_at(&r, 0, 5)->s;
	row->cursor = db_at(&r, 0, 6)->s;
	row->platform = db_at(&r, 0, 8)->s;
	row->webhooks_registered = db_at(&r, 0, 9)->i != 0;
	if (!open_secret(TOKEN_PURPOSE, db_at(&r, 0, 7), row->token)) {
		/* The secret_key changed since the brand connected: nothing to sync with. */
		rc = connector_store_fail(db, id, 0, "the stored access token cannot be opened (the server's"
					  " secret_key changed): connect the shop again");
		return rc;
	}
	*won = true;
	return DB_OK;
}

enum db_status connector_store_checkpoint(struct db *db, const struct connector_sync_row *row, const char *cursor,
					  long long total)
{
	return db_query(db, NULL, &q_checkpoint, (struct db_param[]){ DB_S(cursor), DB_I(row->done), DB_I(row->skipped),
		DB_I(total), DB_I(total), DB_I(row->id) }, NULL);
}

/* nrows rows of ncols parameters: 16 at a time, then one by one. */
static enum db_status insert_rows(struct db *db, const struct db_stmt *many, const struct db_stmt *one,
				  const struct db_param *p, size_t ncols, size_t nrows)
{
	enum db_status rc = DB_OK;
	for (size_t done = 0; rc == DB_OK && done < nrows;) {
		bool big = nrows - done >= ROWS;
		rc = db_query(db, NULL, big ? many : one, p + done * ncols, NULL);
		done += big ? ROWS : 1;
	}
	return rc;
}

enum db_status connector_store_remember(struct db *db, struct arena *a, long long connector_id, long long round,
					struct catalog_product *const *ps, const struct connector_ids *ids, size_t n)
{
	size_t nitems = 0, nprod = 0;
	for (size_t i = 0; i < n; i++)
		if (ps[i]) {
			nprod++;
			nitems += ids[i].nitems < ps[i]->nvars ? ids[i].nitems : ps[i]->nvars;
		}
	struct db_param *pp = arena_alloc(a, (nprod ? nprod : 1) * 4 * sizeof *pp);
	struct db_param *ip = arena_alloc(a, (nitems ? nitems : 1) * 3 * sizeof *ip);
	size_t np = 0, ni = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ps[i])
			continue;
		pp[np++] = DB_I(connector_id);
		pp[np++] = DB_I(ids[i].product);
		pp[np++] = DB_S(ps[i]->handle);
		pp[np++] = DB_I(round);
		for (size_t k = 0; k < ids[i].nitems && k < ps[i]->nvars; k++) {
			ip[ni++] = DB_I(connector_id);
			ip[ni++] = DB_I(ids[i].item[k]);
			ip[ni++] = DB_S(ps[i]->vars[k].ext_id);
		}
	}
	enum db_status rc = insert_rows(db, &q_products16, &q_product, pp, 4, nprod);
	return rc == DB_OK ? insert_rows(db, &q_items16, &q_item, ip, 3, nitems) : rc;
}

enum db_status connector_store_finish(struct db *db, const struct connector_sync_row *row, const char *result)
{
	enum db_status rc = db_query(db, NULL, &q_archive, (struct db_param[]){ DB_I(row->id), DB_I(row->brand_id),
		DB_I(row->round) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_finish, (struct db_param[]){ DB_I(row->done), DB_I(row->skipped), DB_S(result),
			DB_I(row->id) }, NULL);
	return rc;
}

enum db_status connector_store_hooks_registered(struct db *db, long long id)
{
	return db_query(db, NULL, &q_hooks, (struct db_param[]){ DB_I(id) }, NULL);
}

enum db_status connector_store_pause(struct db *db, long long id)
{
	return db_query(db, NULL, &q_pause, (struct db_param[]){ DB_I(id) }, NULL);
}

enum db_status connector_store_fail(struct db *db, long long id, long retry_s, const char *result)
{
	return db_query(db, NULL, &q_fail, (struct db_param[]){ DB_I(retry_s), DB_I(retry_s), DB_I(retry_s), DB_S(result),
		DB_I(id) }, NULL);
}

enum db_status connector_store_webhook(struct db *db, struct arena *a, long long connector_id, const char *platform,
				       struct connector_hook_row *row, bool *found)
{
	struct db_res r;
	*found = false;
	enum db_status rc = db_query(db, a, &q_secret, (struct db_param[]){ DB_I(connector_id), DB_S(platform) }, &r);
	if (rc != DB_OK || r.nrows == 0)
		return rc;
	row->id = connector_id;
	row->brand_id = db_at(&r, 0, 0)->i;
	row->currency = db_at(&r, 0, 1)->s;
	row->shop = db_at(&r, 0, 2)->s;
	row->round = db_at(&r, 0, 4)->i;
	*found = open_secret(SECRET_PURPOSE, db_at(&r, 0, 3), row->secret);
	return DB_OK;
}

enum db_status connector_store_synced_from(struct db *db, struct arena *a, long long brand_id, long long product_id,
					   const char **shop, const char **platform)
{
	struct db_res r;
	*shop = NULL;
	enum db_status rc = db_query(db, a, &q_synced, (struct db_param[]){ DB_I(product_id), DB_I(brand_id) }, &r);
	if (rc == DB_OK && r.nrows) {
		*shop = db_at(&r, 0, 0)->s;
		*platform = db_at(&r, 0, 1)->s;
	}
	return rc;
}

bool connector_store_order(struct db *db, struct arena *a, long long order_id, long long connector_id,
			   const struct db_stmt *lines, struct db_res *order, struct db_res *line_rows,
			   enum db_status *rc)
{
	return (*rc = db_query(db, a, &q_order, (struct db_param[]){ DB_I(order_id) }, order)) == DB_OK && order->nrows
	       && (*rc = db_query(db, a, lines, (struct db_param[]){ DB_I(connector_id), DB_I(order_id) }, line_rows)) == DB_OK;
}
