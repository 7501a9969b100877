/* notice_text.h: the words of a notice or an owed mail from its section of mail_notice.tpl
 * (domain/mail/notify.h); each program that queues notices hands it to notify_renderer_set. */
#ifndef CC_NOTICE_TEXT_H
#define CC_NOTICE_TEXT_H
#include "domain/mail/notify.h"

const char *notice_text_render(struct arena *a, const char *section, bool switchable, const struct notify_text *t);

#endif
