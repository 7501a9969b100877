/* ads.h: the brand studio's collection ads (issue 6): ads*.c and domains.c. */
#ifndef CC_STUDIO_ADS_H
#define CC_STUDIO_ADS_H
#include "http.h"

#define AD_MAX_PRODUCTS 20
#define AD_SLUG_MAX 64

extern const struct field ads_fields[], domains_fields[];
void page_studio_ads(struct req *r);
void page_studio_ad_create(struct req *r);
void page_studio_ad_edit(struct req *r);
void page_studio_ad_save(struct req *r);
void page_studio_domains(struct req *r);
void page_studio_domain_add(struct req *r);
void page_studio_domain_remove(struct req *r);
void page_studio_domain_check(struct req *r);
/* The per-ad and per-video tables of a dashboard for the period from..to: a brand's (brand_id > 0)
 * or a creator's (creator_id > 0). False when a response (5xx) was made. */
bool dashboard_media(struct req *r, tmpl_dict *d, long long brand_id, long long creator_id, const char *from,
		     const char *to);

#endif
