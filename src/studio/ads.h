/* ads.h: collection ads in the studio: the brand's (ads.c, ads_state.c), the creator's own
 * (creator_ads.c), the form and the save both share (ad_form.c, ad_save.c, and the choices both
 * offer: ad_options.c), and domains.c. */
#ifndef CC_STUDIO_ADS_H
#define CC_STUDIO_ADS_H
#include "web/http.h"
#include "studio/studio.h"

#define AD_MAX_PRODUCTS 20
#define AD_SLUG_MAX 64

/* The ad `a` is the signed-in owner's, given two parameters, the owner's brand id and creator id
 * (the other one 0): a brand's own ad (never a creator's ad of its products, which the brand may
 * only take down) or a creator's own ad (never one a brand made that credits them). */
#define AD_OWNED " ((a.created_by = 'brand' AND a.brand_id = ?) OR (a.created_by = 'creator' AND a.creator_id = ?))"

int page_studio_ads(struct req *r);
int page_studio_ad_edit(struct req *r);
int page_studio_ad_save(struct req *r);
int page_studio_ad_state(struct req *r);
int page_creator_ads(struct req *r);
int page_creator_ad_edit(struct req *r);
int page_creator_ad_save(struct req *r);
/* The ad form of owner `o` (a brand, or a creator): ad `id`'s (0: a new one) with what is stored,
 * or, with an error, what was typed and the message beside `field`. A 404 if `id` is not o's. */
int ad_form_page(struct req *r, const struct studio_owner *o, long long id, int status, const char *field,
		  const char *error);
/* A posted field of the form, "" when absent. */
const char *ad_text(struct req *r, const char *name);
/* GET of the form: a new ad, or the one of the path's {id}. */
int ad_edit(struct req *r, const struct studio_owner *o);
/* What owner `o` may put on an ad, as (id, caption or title) rows: the videos (a brand's own and
 * creators' videos of its products; a creator's own) and the showcases (a brand's own; none for a
 * creator, whose showcases draw on every brand they picked from: docs/ADS.md). */
enum db_status ad_videos(struct req *r, const struct studio_owner *o, struct db_res *out);
enum db_status ad_showcases(struct req *r, const struct studio_owner *o, struct db_res *out);
/* POST of the form: checks it and saves the ad of the path's {id} (none: a new one) of owner `o`
 * in one transaction, then 303 to its edit page; or the form again with a 422, or 404/409/5xx. */
int ad_save(struct req *r, const struct studio_owner *o);
int page_studio_domains(struct req *r);
int page_studio_domain_add(struct req *r);
int page_studio_domain_remove(struct req *r);
int page_studio_domain_check(struct req *r);
/* The per-ad and per-video tables of a dashboard for the period from..to: a brand's (brand_id > 0)
 * or a creator's (creator_id > 0). */
enum db_status dashboard_media(struct req *r, tmpl_dict *d, long long brand_id, long long creator_id, const char *from,
		     const char *to);

#endif
