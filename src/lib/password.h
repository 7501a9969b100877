/* password.h: Argon2id password hashes (crypto_pwhash_str) with rehash when the cost changes. */
#ifndef CC_PASSWORD_H
#define CC_PASSWORD_H
#include <stdbool.h>
#include <sodium.h>

#define PASSWORD_MIN 12
#define PASSWORD_MAX 128

/* Cost from the config (password_opslimit, password_memlimit_kib), libsodium's interactive
 * defaults otherwise. */
bool password_hash(const char *pw, char out[crypto_pwhash_STRBYTES]);
bool password_verify(const char *stored, const char *pw);
bool password_needs_rehash(const char *stored);

#endif
