/* creator_fields.c: the declared input fields of the creator studio routes (issue 4). */
#include "studio/studio.h"

const struct field creator_saved_fields[] = { { "saved", 1 }, { NULL, 0 } };
const struct field creator_added_fields[] = { { "added", 10 }, { NULL, 0 } };
const struct field creator_profile_fields[] = {
	{ "display_name", 80 }, { "bio", 2000 }, { "avatar_url", 500 },
	{ "link_label_1", 40 }, { "link_url_1", 500 }, { "link_label_2", 40 }, { "link_url_2", 500 },
	{ "link_label_3", 40 }, { "link_url_3", 500 }, { "link_label_4", 40 }, { "link_url_4", 500 },
	{ "link_label_5", 40 }, { "link_url_5", 500 }, { NULL, 0 },
};
const struct field creator_pick_fields[] = { { "product_id", 18 }, { NULL, 0 } };
const struct field creator_move_fields[] = { { "dir", 4 }, { NULL, 0 } };
const struct field creator_collection_fields[] = {
	{ "title", 120 }, { "description", 2000 }, { "published", 1 }, { NULL, 0 },
};
const struct field creator_note_fields[] = { { "note", 500 }, { NULL, 0 } };
const struct field creator_link_fields[] = { { "target", 20 }, { "label", 80 }, { NULL, 0 } };
const struct field brand_program_fields[] = {
	{ "attribution_window_days", 4 }, { "return_window_days", 4 }, { NULL, 0 },
};
const struct field pick_decision_fields[] = { { "decision", 10 }, { NULL, 0 } };
const struct field dashboard_fields[] = { { "from", 10 }, { "to", 10 }, { "paid", 1 }, { NULL, 0 } };
const struct field payout_fields[] = { { "creator_id", 18 }, { NULL, 0 } };
