/* notice_text.h: the words of a notice from its kind's section of mail_notice.tpl
 * (domain/mail/notify.h); each program that queues notices hands it to notify_renderer_set. */
#ifndef CC_NOTICE_TEXT_H
#define CC_NOTICE_TEXT_H
#include "domain/mail/notify.h"

const char *notice_text_render(struct arena *a, enum notify_kind k, const struct notify_text *t);

#endif
