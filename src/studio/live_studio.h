/* live_studio.h: the creator's side of live shopping: live_list.c schedules sessions,
 * live_panel.c is the control panel, live_control.c and live_moderate.c are its forms. */
#ifndef CC_LIVE_STUDIO_H
#define CC_LIVE_STUDIO_H
#include "domain/live/live_rules.h"
#include "studio/studio.h"

/* The signed-in creator's session from path parameter "id": false with *st what to answer,
 * REQ_DONE with a 404 made (for someone else's session too, so ids reveal nothing) or a database
 * failure. */
struct live_own {
	long long id, creator_id;
	enum live_state state;
	const char *handle;
};
bool live_owned(struct req *r, struct live_own *o, int *st);

int page_studio_live_list(struct req *r);
int page_studio_live_create(struct req *r);
int page_studio_live_panel(struct req *r);
int page_studio_live_state(struct req *r);
int page_studio_live_pin(struct req *r);
int page_studio_live_settings(struct req *r);
int page_studio_live_answer(struct req *r);
int page_studio_live_answered(struct req *r);
int page_studio_live_hide(struct req *r);
int page_studio_live_block(struct req *r);
int page_studio_live_unpin(struct req *r);
int page_studio_live_pin_up(struct req *r);
int page_studio_live_deal(struct req *r);
int page_studio_live_poll(struct req *r);
int page_studio_live_poll_close(struct req *r);
int page_studio_live_chat_hide(struct req *r);
int page_studio_live_chat_block(struct req *r);
int page_studio_live_chat_pin(struct req *r);
int page_studio_live_export(struct req *r);

#endif
