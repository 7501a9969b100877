/* pipe_io.h: whole messages over a pipe, as the confined children (catalog parsing, image
 * decoding) and their parents exchange them: a short read or write is continued, EINTR retried. */
#ifndef CC_PIPE_IO_H
#define CC_PIPE_IO_H
#include <stdbool.h>
#include <stddef.h>

/* Writes all n bytes; false on an error (the reader gone). */
bool pipe_io_write_all(int fd, const void *buf, size_t n);

/* Reads exactly n bytes; false at end of input or on an error. */
bool pipe_io_read_full(int fd, void *buf, size_t n);

#endif
