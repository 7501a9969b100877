/* admin_gate.c: the admin pages ask for two-step sign-in (ASVS 4.3.1): an admin can suspend
 * accounts and take pages down, so a password alone must not open them. An admin account without
 * it is sent to set it up first; an operator who cannot use it turns admin_requires_two_step off. */
#include <string.h>
#include "lib/config.h"
#include "web/response.h"
#include "domain/accounts/account_totp.h"
#include "studio/admin.h"

bool admin_gate_two_step(struct req *r)
{
	if (strcmp(config_str("admin_requires_two_step", "on"), "off") == 0)
		return true;
	bool on = false;
	enum db_status rc = account_totp_enabled(r->db, r->arena, r->sess.user_id, &on);
	if (rc != DB_OK) {
		response_db_error(r, rc);
		return false;
	}
	if (on)
		return true;
	response_error(r, 403, "The admin pages need two-step sign-in. Set it up on your account page, "
			   "under Two-step sign-in (/studio/account/two-step), then come back.");
	return false;
}
