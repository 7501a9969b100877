/* totp.h: time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) through
 * liboath, the Debian-packaged implementation of RFC 4226/6238 (libsodium has no SHA-1, and a
 * hand-written HMAC-SHA1 is one more thing to get wrong). Pure functions, no I/O. */
#ifndef CC_TOTP_H
#define CC_TOTP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TOTP_SECRET_BYTES 20	/* 160 bits, the length RFC 4226 recommends */
#define TOTP_STEP_S 30
#define TOTP_DIGITS 6
#define TOTP_WINDOW 1		/* steps either side of now still accepted: clocks drift */
#define TOTP_BASE32_LEN 32	/* base32 of 20 bytes, no padding */

/* The step a Unix time falls in. */
long long totp_step(long long unix_time);
/* The code of secret at step, digits long (6 or 8: the RFC's test vectors have 8); false only if
 * liboath refuses. */
bool totp_code(const uint8_t *secret, size_t n, long long step, unsigned digits, char out[9]);
/* The step within TOTP_WINDOW of now whose 6-digit code is code and which is later than
 * after_step (the step last accepted, so a code cannot be used twice), or -1. */
long long totp_match(const uint8_t *secret, size_t n, const char *code, long long now, long long after_step);
/* The secret as an authenticator app takes it: base32 (RFC 4648), upper case, no padding. */
void totp_base32(const uint8_t secret[TOTP_SECRET_BYTES], char out[TOTP_BASE32_LEN + 1]);

#endif
