/* brand_team.h: a brand's team. The owner invites members by mail: a one-time token of 256 random
 * bits, stored only as its hash, valid BRAND_TEAM_INVITE_DAYS days. Whoever signs in with the
 * invited address accepts it and becomes a member (role `member`): they work the brand's leads
 * (the leads centre's routes are NEED_TEAM) and nothing else of it. An account belongs to at most
 * one team and one that owns a brand joins none, so "which brand is this account's" keeps one
 * answer (web/actor.c). */
#ifndef CC_BRAND_TEAM_H
#define CC_BRAND_TEAM_H
#include <stdbool.h>
#include "db/db.h"

#define BRAND_TEAM_INVITE_DAYS 7
#define BRAND_TEAM_MAX_MEMBERS 50
#define BRAND_TEAM_MAX_PENDING 20	/* open invitations per brand at once */

/* The people a lead can be assigned to: the owner first, then the members by name. Columns:
 * user id, display name, email, 1 for the owner (0 for a member), added (UTC, "" for the owner). */
enum db_status brand_team_list(struct db *db, struct arena *a, long long brand_id, struct db_res *res) DB_MUST_CHECK;
/* *name is the display name of user_id if they are the brand's owner or member, else NULL. */
enum db_status brand_team_name(struct db *db, struct arena *a, long long brand_id, long long user_id,
			       const char **name) DB_MUST_CHECK;

enum brand_team_invite_result {
	BRAND_TEAM_INVITED,
	BRAND_TEAM_ALREADY_IN,	/* the address is the owner's or a member's */
	BRAND_TEAM_TOO_MANY,	/* the team is full, or too many invitations are open */
};
/* Inside the caller's db_txn: a new invitation for email (replacing an open one to the same
 * address) and the mail carrying its link, base_url + "/studio/team/join/" + token. */
enum db_status brand_team_invite(struct db *db, struct arena *a, long long brand_id, const char *brand_name,
				 const char *inviter, const char *email, const char *base_url,
				 enum brand_team_invite_result *out) DB_MUST_CHECK;
/* Open invitations: id, email, expires_at (UTC). */
enum db_status brand_team_invites(struct db *db, struct arena *a, long long brand_id, struct db_res *res) DB_MUST_CHECK;
enum db_status brand_team_invite_cancel(struct db *db, long long brand_id, long long invite_id, bool *found) DB_MUST_CHECK;

/* Reads only: the open invitation a token names: *brand_id (0 when unknown or expired), the
 * brand's name and the invited address. */
enum db_status brand_team_invite_peek(struct db *db, struct arena *a, const char *token, long long *brand_id,
				      const char **brand_name, const char **email) DB_MUST_CHECK;

enum brand_team_join_result {
	BRAND_TEAM_JOINED,
	BRAND_TEAM_JOIN_UNKNOWN,	/* no open invitation (used, cancelled, expired, or never) */
	BRAND_TEAM_JOIN_OTHER_ADDRESS,	/* the account's address is not the invited one */
	BRAND_TEAM_JOIN_OWNS_BRAND,	/* the account owns a brand */
	BRAND_TEAM_JOIN_IN_A_TEAM,	/* the account is in a team already */
};
/* Inside the caller's db_txn: user_id (whose address is email) takes up the invitation; it works
 * once. */
enum db_status brand_team_join(struct db *db, struct arena *a, const char *token, long long user_id,
			       const char *email, enum brand_team_join_result *out, long long *brand_id) DB_MUST_CHECK;

/* Inside the caller's db_txn: user_id leaves the brand's team; the brand's leads assigned to them
 * become unassigned, each with a line in its history written by `actor`. */
enum db_status brand_team_remove(struct db *db, struct arena *a, long long brand_id, long long user_id,
				 const char *actor, bool *found) DB_MUST_CHECK;

#endif
