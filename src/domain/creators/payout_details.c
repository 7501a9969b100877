/* payout_details.c: see payout_details.h. The sealing key is BLAKE2b keyed with the server secret
 * over a purpose label, so it is never the secret itself and changes if the secret does (which
 * makes stored IBANs unreadable: creators then enter them again). */
#include <string.h>
#include "lib/sealed.h"
#include "domain/creators/payout_details.h"

static const struct db_stmt q_load = {
	"SELECT method, paypal_email, iban_last4, bic, account_name, iban_sealed FROM creator_payout_details"
	" WHERE creator_id = ?", "i", "sssssb" };
static const struct db_stmt q_save = {
	"INSERT INTO creator_payout_details (creator_id, method, paypal_email, iban_sealed, iban_last4, bic,"
	" account_name, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE"
	" method = VALUES(method), paypal_email = VALUES(paypal_email), iban_sealed = VALUES(iban_sealed),"
	" iban_last4 = VALUES(iban_last4), bic = VALUES(bic), account_name = VALUES(account_name),"
	" updated_at = VALUES(updated_at)", "issbsss", "" };

#define SEALED_LEN (SEALED_OVERHEAD + BANK_IBAN_MAX)

#define IBAN_PURPOSE "crowdcart payout iban v1"

enum db_status payout_details_load(struct db *db, struct arena *a, long long creator_id, struct payout_details *out)
{
	struct db_res res;
	memset(out, 0, sizeof *out);
	out->paypal_email = out->iban_last4 = out->bic = out->account_name = "";
	enum db_status rc = db_query(db, a, &q_load, (struct db_param[]){ DB_I(creator_id) }, &res);
	if (rc != DB_OK || res.nrows == 0)
		return rc;
	out->method = strcmp(db_at(&res, 0, 0)->s, "sepa") == 0 ? PAYOUT_METHOD_SEPA : PAYOUT_METHOD_PAYPAL;
	out->paypal_email = db_at(&res, 0, 1)->s;
	out->iban_last4 = db_at(&res, 0, 2)->s;
	out->bic = db_at(&res, 0, 3)->s;
	out->account_name = db_at(&res, 0, 4)->s;
	out->iban_sealed = (const uint8_t *)db_at(&res, 0, 5)->s;
	out->iban_sealed_len = db_at(&res, 0, 5)->len;
	return DB_OK;
}

enum db_status payout_details_save_paypal(struct db *db, long long creator_id, const char *email)
{
	return db_query(db, NULL, &q_save, (struct db_param[]){ DB_I(creator_id), DB_S("paypal"), DB_S(email), DB_NULL,
				DB_S(""), DB_S(""), DB_S("") }, NULL);
}

enum db_status payout_details_save_sepa(struct db *db, long long creator_id, const char *iban, const char *bic,
					const char *account_name)
{
	uint8_t sealed[SEALED_LEN];
	size_t n = strlen(iban);
	if (n < 4 || n > BANK_IBAN_MAX || !sealed_seal(IBAN_PURPOSE, (const uint8_t *)iban, n, sealed))
		return DB_ERR;
	struct db_param p[] = { DB_I(creator_id), DB_S("sepa"), DB_S(""), DB_B(sealed, SEALED_OVERHEAD + n),
				DB_S(iban + n - 4), DB_S(bic), DB_S(account_name) };
	return db_query(db, NULL, &q_save, p, NULL);
}

bool payout_details_iban(const uint8_t *sealed, size_t len, char out[BANK_IBAN_MAX + 1])
{
	bool ok = sealed && len > SEALED_OVERHEAD && len - SEALED_OVERHEAD <= BANK_IBAN_MAX &&
		  sealed_open(IBAN_PURPOSE, sealed, len, (uint8_t *)out);
	out[ok ? len - SEALED_OVERHEAD : 0] = '\0';
	return ok;
}
