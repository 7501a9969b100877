/* demo_password.c: demo accounts include an admin; a fixed, published password on them would be a
 * default account on any shop where the demo was once loaded, so only a configured one is fixed. */
#include <string.h>
#include "lib/config.h"
#include "lib/token.h"
#include "ctl/demo_password.h"

const char *demo_password_choose(struct arena *a)
{
	const char *set = config_str("demo_password", "");
	if (*set)
		return set;
	uint8_t tok[TOKEN_BYTES];
	char *text = arena_alloc(a, TOKEN_B64_LEN + 1);
	token_new(tok, text);
	return text;
}
