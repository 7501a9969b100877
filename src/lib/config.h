/* config.h: the one configuration file ("key = value" lines), read once at program start. */
#ifndef CC_CONFIG_H
#define CC_CONFIG_H
#include <stdbool.h>
#include <stdint.h>

/* Path from $CROWDCART_CONF, else the argument, else /etc/crowdcart/crowdcart.conf.
 * Returns false (with a message on stderr) if the file cannot be read or a line is malformed. */
bool config_load(const char *path);
/* The file config_load read (for crowdcartctl backup, which keeps a copy), or NULL before. */
const char *config_path(void);
const char *config_str(const char *key, const char *def);
long config_int(const char *key, long def, long min, long max);
/* "<prog>_<key>", e.g. config_prog("shop", "db_user"). */
const char *config_prog(const char *prog, const char *key, const char *def);
/* The 32-byte server secret from the 64-hex-digit secret_key; false if absent or malformed. */
bool config_secret(uint8_t out[32]);

#endif
