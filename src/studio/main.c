/* main.c: the studio program's routing table, top to bottom. */
#include "studio.h"

static const struct field no_fields[] = { { NULL, 0 } };
static const struct field login_fields[] = {
	{ "email", 254 }, { "password", 128 }, { "next", 300 }, { NULL, 0 },
};
static const struct field signup_fields[] = {
	{ "email", 254 }, { "password", 128 }, { "display_name", 80 }, { "role", 10 },
	{ "handle", 30 }, { "brand_name", 120 }, { NULL, 0 },
};

enum studio_page { ST_LOGIN_FORM, ST_LOGIN, ST_LOGOUT, ST_SIGNUP_FORM, ST_SIGNUP, ST_HOME, ST__MAX };

static const struct route routes[] = {
	[ST_LOGIN_FORM] = { { HTTP_GET, "/login" }, page_login_form, NEED_SESSION, login_fields },
	[ST_LOGIN] = { { HTTP_POST, "/login" }, page_login, 0, login_fields },
	[ST_LOGOUT] = { { HTTP_POST, "/logout" }, page_logout, 0, no_fields },
	[ST_SIGNUP_FORM] = { { HTTP_GET, "/signup" }, page_signup_form, NEED_SESSION, no_fields },
	[ST_SIGNUP] = { { HTTP_POST, "/signup" }, page_signup, 0, signup_fields },
	[ST_HOME] = { { HTTP_GET, "/studio" }, page_studio_home, NEED_LOGIN, no_fields },
};
_Static_assert(sizeof routes / sizeof routes[0] == ST__MAX, "one row per studio page");

int main(int argc, char **argv)
{
	static const struct app studio = { "studio", routes, ST__MAX };
	return app_main(&studio, argc, argv);
}
