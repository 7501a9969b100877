/* notices.c: the commands that may queue notices (settling a payment marks orders paid; a payout
 * run makes a batch) load the templates their words come from, once (views/notice_text.h). */
#include <stdio.h>
#include "ctl/ctl.h"
#include "lib/config.h"
#include "views/notice_text.h"
#include "web/tmpl.h"

bool ctl_notices_ready(void)
{
	static bool ready;
	if (!ready && tmpl_init(config_str("templates_dir", "templates"))) {
		notify_renderer_set(notice_text_render);
		ready = true;
	}
	if (!ready)
		fprintf(stderr, "crowdcartctl: cannot load the templates (templates_dir)\n");
	return ready;
}
