/* creator_profile.c: "/studio/creator/profile" — display name, bio, avatar and up to five social
 * links, shown on the creator's storefront. The profile and its links are written in one
 * transaction. */
#include <stdio.h>
#include <string.h>
#include "domain/creators/link_check.h"
#include "web/layout.h"
#include "web/response.h"
#include "studio/picture_form.h"
#include "studio/studio.h"
#include "lib/validate.h"
#include "views/form_errors.h"

#define MAX_LINKS 5

static const struct db_stmt q_profile = {
	"SELECT display_name, bio, avatar_url, taken_down_reason, " PICTURE_FORM_COLS("cover_url")
	" FROM creators WHERE id = ?", "i", "ssssss" };
static const struct db_stmt q_links = {
	"SELECT label, url FROM creator_links WHERE creator_id = ? ORDER BY position, id LIMIT 5", "i", "ss" };
static const struct db_stmt q_update = {
	"UPDATE creators SET display_name = ?, bio = ?, avatar_url = ? WHERE id = ?", "sssi", "" };
static const struct db_stmt q_clear_links = {
	"DELETE FROM creator_links WHERE creator_id = ?", "i", "" };
static const struct db_stmt q_add_link = {
	"INSERT INTO creator_links (creator_id, label, url, position) VALUES (?, ?, ?, ?)", "issi", "" };

struct profile {
	long long creator_id;
	const char *name, *bio, *avatar;
	const char *label[MAX_LINKS], *url[MAX_LINKS];
	const struct db_val *taken_down;	/* the storefront's takedown reason; NULL: not read */
	const char *cover, *cover_refusal;	/* PICTURE_FORM_COLS; NULL: not read */
	struct form_error errors[FORM_ERRORS_MAX];	/* every problem of a submit, in the form's order */
	size_t nerrors;
	const char *label_error[MAX_LINKS], *url_error[MAX_LINKS];	/* the same, beside a link's fields */
};

static const char *field(struct req *r, const char *name)
{
	const char *v = req_form(r, name);
	return v ? v : "";
}

static void link_names(int i, char label[16], char url[16])
{
	snprintf(label, 16, "link_label_%d", i + 1);
	snprintf(url, 16, "link_url_%d", i + 1);
}

static void profile_form(struct req *r, const struct acting_creator *c, const struct profile *p, int status)
{
	tmpl_dict *d = layout_begin(r, "studio_creator_profile.tpl", "Your creator profile");
	tmpl_set(d, "HANDLE", c->handle);
	tmpl_set(d, "DISPLAY_NAME", p->name);
	tmpl_set(d, "BIO", p->bio);
	tmpl_set(d, "AVATAR_URL", p->avatar);
	for (int i = 0; i < MAX_LINKS; i++) {
		tmpl_dict *l = tmpl_add(d, "LINKS");
		tmpl_set_int(l, "N", i + 1);
		tmpl_set(l, "LABEL", p->label[i] ? p->label[i] : "");
		tmpl_set(l, "URL", p->url[i] ? p->url[i] : "");
		if (p->label_error[i])
			tmpl_set(tmpl_add(l, "ERR_LABEL"), "TEXT", p->label_error[i]);
		if (p->url_error[i])
			tmpl_set(tmpl_add(l, "ERR_URL"), "TEXT", p->url_error[i]);
	}
	form_errors_summary(d, p->errors, p->nerrors);
	for (size_t i = 0; i < p->nerrors; i++)	/* the link pairs' are set above, in their rows */
		if (strncmp(p->errors[i].field, "link_", 5))
			form_errors_mark(d, &p->errors[i], 1);
	if (req_query(r, "saved"))
		tmpl_show(d, "SAVED");
	if (p->taken_down)
		takedown_note_add(d, p->taken_down);
	picture_form_add(r, d, "COVER_UPLOAD", &(struct picture_form){ "/studio/creator/profile/cover", "cover-file",
		"Upload a cover", "A wide picture across the top of your storefront (cut to 3:1) and the picture of "
		"your storefront's shared links; its location and other metadata are removed.", p->cover, p->cover_refusal,
		"/studio/creator/profile/cover/remove" });
	layout_end(r, status);
}

int page_creator_profile_form(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct db_res pr, links;
	struct db_param id[] = { DB_I(c->id) };
	enum db_status rc = db_query(r->db, r->arena, &q_profile, id, &pr);
	if (rc == DB_OK)
		rc = db_query(r->db, r->arena, &q_links, id, &links);
	if (rc != DB_OK || pr.nrows == 0)
		return req_db_fail(rc == DB_OK ? DB_ERR : rc);
	struct profile p = { .creator_id = c->id, .name = db_at(&pr, 0, 0)->s, .bio = db_at(&pr, 0, 1)->s,
			     .avatar = db_at(&pr, 0, 2)->s, .taken_down = db_at(&pr, 0, 3),
			     .cover = db_at(&pr, 0, 4)->s, .cover_refusal = db_at(&pr, 0, 5)->s };
	for (size_t i = 0; i < links.nrows && i < MAX_LINKS; i++) {
		p.label[i] = db_at(&links, i, 0)->s;
		p.url[i] = db_at(&links, i, 1)->s;
	}
	profile_form(r, c, &p, 200);
	return REQ_DONE;
}

static enum db_status profile_write(struct db *db, void *ctx)
{
	const struct profile *p = ctx;
	enum db_status rc = db_query(db, NULL, &q_update, (struct db_param[]){ DB_S(p->name), DB_S(p->bio),
				     DB_S(p->avatar), DB_I(p->creator_id) }, NULL);
	if (rc == DB_OK)
		rc = db_query(db, NULL, &q_clear_links, (struct db_param[]){ DB_I(p->creator_id) }, NULL);
	for (int i = 0, pos = 1; rc == DB_OK && i < MAX_LINKS; i++)
		if (*p->label[i])
			rc = db_query(db, NULL, &q_add_link, (struct db_param[]){ DB_I(p->creator_id), DB_S(p->label[i]),
				      DB_S(p->url[i]), DB_I(pos++) }, NULL);
	return rc;
}

static void problem(struct profile *p, const char *field, const char *text)
{
	if (p->nerrors < FORM_ERRORS_MAX)
		p->errors[p->nerrors++] = (struct form_error){ field, text };
}

/* Notes every problem, each with its field; true when there is none. */
static bool profile_check(struct req *r, struct profile *p)
{
	if (!validate_has_text(p->name))
		problem(p, "display_name", "Enter the name people will see.");
	if (*p->avatar && !link_check_avatar_url(p->avatar))
		problem(p, "avatar_url", "Use an http:// or https:// address, a /static/ path, or upload a picture below.");
	for (int i = 0; i < MAX_LINKS; i++) {
		bool has_label = validate_has_text(p->label[i]), has_url = *p->url[i] != '\0';
		char ln[16], un[16];
		link_names(i, ln, un);
		if (has_url && !has_label)
			problem(p, arena_strdup(r->arena, ln), p->label_error[i] = "Give this link a label, or clear its address.");
		if (has_label && !has_url)
			problem(p, arena_strdup(r->arena, un), p->url_error[i] = "Add the link's address, or clear its label.");
		else if (has_url && !link_check_web_url(p->url[i]))
			problem(p, arena_strdup(r->arena, un), p->url_error[i] = "Use an http:// or https:// address.");
	}
	return p->nerrors == 0;
}

int page_creator_profile(struct req *r)
{
	const struct acting_creator *c = r->creator;
	struct profile p = { .creator_id = c->id, .name = field(r, "display_name"), .bio = field(r, "bio"),
			     .avatar = field(r, "avatar_url") };
	for (int i = 0; i < MAX_LINKS; i++) {
		char ln[16], un[16];
		link_names(i, ln, un);
		p.label[i] = field(r, ln);
		p.url[i] = field(r, un);
	}
	if (!profile_check(r, &p)) {
		profile_form(r, c, &p, 422);
		return REQ_DONE;
	}
	enum db_status rc = db_txn(r->db, profile_write, &p);
	if (rc != DB_OK)
		return req_db_fail(rc);
	response_redirect(r, "/studio/creator/profile?saved=1");
	return REQ_DONE;
}
