/* studio_nav.c: see studio_nav.h. */
#include <string.h>
#include "views/studio_nav.h"

struct studio_nav_link {
	const char *href, *label;
};

static const struct studio_nav_link studio_nav_brand[] = {
	{ "/studio", "Today" }, { "/studio/orders", "Orders" }, { "/studio/products", "Products" },
	{ "/studio/brand/dashboard", "Creators" }, { "/studio/leads", "Leads" }, { "/studio/account", "Account" }, { NULL, NULL },
};
static const struct studio_nav_link studio_nav_creator[] = {
	{ "/studio", "Today" }, { "/studio/creator/dashboard", "Sales" }, { "/studio/creator/picks", "Picks" },
	{ "/studio/creator/collections", "Collections" }, { "/studio/creator/payouts", "Payouts" },
	{ "/studio/account", "Account" }, { NULL, NULL },
};
/* A member of a brand's team, on the leads centre's pages (the only ones it acts for the brand on). */
static const struct studio_nav_link studio_nav_team[] = {
	{ "/studio", "Home" }, { "/studio/leads", "Leads" }, { "/studio/account", "Account" }, { NULL, NULL },
};
static const struct studio_nav_link studio_nav_shopper[] = {
	{ "/studio", "Your orders" }, { "/studio/account", "Account" }, { NULL, NULL },
};

/* The section a path is in: the longest link that is the path or a folder above it. */
static bool studio_nav_within(const char *path, const char *href)
{
	size_t n = strlen(href);
	return strncmp(path, href, n) == 0 && (path[n] == '\0' || (path[n] == '/' && n > 7));
}

void studio_nav_show(struct req *r, tmpl_dict *layout)
{
	if (!r->sess.user_id || !r->path || strncmp(r->path, "/studio", 7) != 0 || (r->path[7] && r->path[7] != '/'))
		return;
	const struct studio_nav_link *links = r->sess.role == ROLE_BRAND ? studio_nav_brand
		: r->sess.role == ROLE_CREATOR ? studio_nav_creator : studio_nav_shopper;
	if (r->sess.role == ROLE_ADMIN)
		links = r->brand ? studio_nav_brand : r->creator ? studio_nav_creator : studio_nav_shopper;
	if (r->brand && r->brand->member)
		links = studio_nav_team;
	const struct studio_nav_link *current = NULL;
	for (const struct studio_nav_link *l = links; l->href; l++)
		if (studio_nav_within(r->path, l->href) && (!current || strlen(l->href) > strlen(current->href)))
			current = l;
	tmpl_dict *nav = tmpl_add(layout, "STUDIO_NAV");
	for (const struct studio_nav_link *l = links; l->href; l++) {
		tmpl_dict *item = tmpl_add(nav, "LINKS");
		tmpl_set(item, "HREF", l->href);
		tmpl_set(item, "LABEL", l->label);
		if (l == current)
			tmpl_show(item, "CURRENT");
	}
}
