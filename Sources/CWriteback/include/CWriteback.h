#ifndef CWRITEBACK_H
#define CWRITEBACK_H
/* Starting a file's writeback early, so a later fsync or sync waits less. */

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Asks the kernel to start writing `length` bytes of the file open as `descriptor`, from
/// `offset`, to disk, without waiting for them (Linux `sync_file_range` with
/// `SYNC_FILE_RANGE_WRITE`; a `length` of 0 means to the end). It makes nothing durable by
/// itself: it only moves the writing off the later `fsync` or `sync` that does. Returns 0, or -1
/// with `errno` set (ENOSYS where the call does not exist); callers may ignore a failure.
int scrutiny_start_writeback(int descriptor, off_t offset, off_t length);

#ifdef __cplusplus
}
#endif
#endif
