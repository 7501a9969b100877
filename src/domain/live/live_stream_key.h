/* live_stream_key.h: a live session's stream key, what an encoder (OBS) publishes with: 32 random
 * bytes as 43 characters of base64url. Only its BLAKE2b-256 hash is stored (live_streams), so a
 * leaked database reveals no key; the creator sees the key once, when it is made. */
#ifndef CC_LIVE_STREAM_KEY_H
#define CC_LIVE_STREAM_KEY_H
#include <stdbool.h>
#include <stdint.h>

#define LIVE_STREAM_KEY_LEN 43

/* A new key (text, NUL-terminated) and its hash. */
void live_stream_key_new(char text[LIVE_STREAM_KEY_LEN + 1], uint8_t hash[32]);
/* The hash of a key as an encoder sent it; false when text cannot be a key (wrong length or
 * alphabet), which no stored hash could match anyway. */
bool live_stream_key_hash(const char *text, uint8_t hash[32]);

/* The name a session's stream has past the key check ("s42"): the HLS directory under
 * media_dir/live/hls and the start of its recordings' file names. */
#define LIVE_STREAM_NAME_MAX 24
void live_stream_key_public_name(long long session_id, char out[LIVE_STREAM_NAME_MAX]);
/* The session a public name stands for ("s42" -> 42), 0 for anything else. */
long long live_stream_key_session(const char *name);
/* The file name of a recording the streaming server reports (record_path/s42-1796590185.flv), if
 * it is one of session_id's: letters of that exact shape only, so a callback can never point the
 * worker at another file. NULL otherwise. */
const char *live_stream_key_recording(const char *path, long long session_id);

#endif
