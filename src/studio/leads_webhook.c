/* leads_webhook.c: "/studio/leads/webhook" — the brand's CRM URL and signing secret (made on
 * first save, shown here so the CRM can check signatures), and the delivery log. A URL whose
 * host is a non-public IP literal, or is spelt to hide where it points, is refused here
 * (outbound_url.h). */
#include <string.h>
#include <sodium.h>
#include "lib/config.h"
#include "studio/forms.h"
#include "lib/outbound_url.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/studio.h"
#include "domain/leads/webhook_out.h"

static const struct db_stmt q_hook = {
	"SELECT url, secret FROM lead_webhooks WHERE brand_id = ?", "i", "ss" };
static const struct db_stmt q_log = {
	"SELECT d.id, IF(d.event = 'lead.erased', 0, d.lead_id), d.event, d.status, d.attempts, d.created_at, d.next_attempt_at,"
	" COALESCE(d.delivered_at, ''), COALESCE((SELECT CONCAT(a.http_status, ' ', a.error) FROM webhook_attempts a"
	" WHERE a.delivery_id = d.id ORDER BY a.id DESC LIMIT 1), '')"
	" FROM webhook_deliveries d WHERE d.brand_id = ? ORDER BY d.created_at DESC, d.id DESC LIMIT 100",
	"i", "iississss" };
static const struct db_stmt q_save = {
	"INSERT INTO lead_webhooks (brand_id, url, secret, updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP())"
	" ON DUPLICATE KEY UPDATE url = VALUES(url), secret = IF(? = 1, VALUES(secret), secret), updated_at = UTC_TIMESTAMP()",
	"issi", "" };
static const struct db_stmt q_remove = {
	"DELETE FROM lead_webhooks WHERE brand_id = ?", "i", "" };

static int render(struct req *r, long long brand_id, int status, const char *error)
{
	struct db_res h, log;
	enum db_status rc = db_query(r->db, r->arena, &q_hook, (struct db_param[]){ DB_I(brand_id) }, &h);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_log, (struct db_param[]){ DB_I(brand_id) }, &log);
	if (rc != DB_OK)
		return req_db_fail(rc);
	tmpl_dict *d = layout_begin(r, "studio_lead_webhook.tpl", "CRM webhook");
	const char *url = req_form(r, "url");
	tmpl_set(d, "URL", url ? url : h.nrows ? db_at(&h, 0, 0)->s : "");
	if (h.nrows)
		tmpl_set(tmpl_add(d, "SECRET"), "VALUE", db_at(&h, 0, 1)->s);
	if (error)
		tmpl_set(tmpl_add(d, "ERROR"), "TEXT", error);
	for (size_t i = 0; i < log.nrows; i++) {
		tmpl_dict *e = tmpl_add(d, "DELIVERY");
		tmpl_set_int(e, "ID", db_at(&log, i, 0)->i);
		tmpl_set_int(e, "LEAD", db_at(&log, i, 1)->i);
		tmpl_show(e, db_at(&log, i, 1)->i ? "LEAD_LINK" : "LEAD_GONE");	/* lead.erased outlives its lead */
		tmpl_set(e, "EVENT", db_at(&log, i, 2)->s);
		tmpl_set(e, "STATUS", db_at(&log, i, 3)->s);
		tmpl_set_int(e, "ATTEMPTS", db_at(&log, i, 4)->i);
		tmpl_set(e, "CREATED", db_at(&log, i, 5)->s);
		tmpl_set(e, "NEXT", db_at(&log, i, 6)->s);
		tmpl_set(e, "DELIVERED", db_at(&log, i, 7)->s);
		tmpl_set(e, "LAST", db_at(&log, i, 8)->s);
	}
	if (log.nrows == 0)
		tmpl_show(d, "EMPTY");
	layout_end(r, status);
	return REQ_DONE;
}

int page_leads_webhook(struct req *r)
{
	const struct acting_brand *b = r->brand;
	return render(r, b->id, 200, NULL);
}

int page_leads_webhook_save(struct req *r)
{
	const struct acting_brand *b = r->brand;
	const char *remove = req_form(r, "remove"), *rotate = req_form(r, "rotate"), *url = req_form(r, "url");
	enum db_status rc;
	if (remove && strcmp(remove, "yes") == 0) {
		rc = db_query(r->db, NULL, &q_remove, (struct db_param[]){ DB_I(b->id) }, NULL);
	} else {
		struct webhook_url u;
		char msg[OUTBOUND_URL_MSG];
		/* Literal addresses and spellings that hide one are judged now; names are judged by the
		 * worker on every address they resolve to at delivery time (DNS can change after this). */
		if (outbound_url_refusal(url, config_str("webhook_allow_private", ""), msg))
			return render(r, b->id, 422, msg);
		if (!webhook_url_parse(url, &u))
			return render(r, b->id, 422, "Enter an https:// (or http://) URL, like https://crm.example.com/hooks/leads.");
		uint8_t raw[32];
		char secret[WEBHOOK_SECRET_LEN + 1];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2base64(secret, sizeof secret, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
		rc = db_query(r->db, NULL, &q_save, (struct db_param[]){ DB_I(b->id), DB_S(url), DB_S(secret),
			DB_I(rotate && strcmp(rotate, "yes") == 0) }, NULL);
	}
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/leads/webhook");
	return REQ_DONE;
}
