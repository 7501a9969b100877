/* forms.h: the brand studio's lead forms and leads: forms*.c and leads*.c. */
#ifndef CC_FORMS_H
#define CC_FORMS_H
#include "web/http.h"

int page_forms_list(struct req *r);
int page_forms_create(struct req *r);
int page_forms_edit(struct req *r);
int page_forms_save(struct req *r);
int page_forms_field_add(struct req *r);
int page_forms_field_position(struct req *r);
int page_forms_field_remove(struct req *r);
int page_leads_list(struct req *r);
int page_leads_csv(struct req *r);
int page_leads_detail(struct req *r);
int page_leads_delete(struct req *r);
/* leads_work.c */
int page_leads_work(struct req *r);
int page_leads_note(struct req *r);
int page_leads_bulk(struct req *r);
/* leads_ics.c */
int page_leads_ics(struct req *r);
int page_leads_webhook(struct req *r);
int page_leads_webhook_save(struct req *r);

#endif
