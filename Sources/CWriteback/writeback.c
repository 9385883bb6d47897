// See include/CWriteback.h. Swift's Glibc module does not export sync_file_range (it needs
// _GNU_SOURCE), hence this one-function C target.
#define _GNU_SOURCE
#include "CWriteback.h"

#include <errno.h>
#include <fcntl.h>

int scrutiny_start_writeback(int descriptor, off_t offset, off_t length)
{
#ifdef SYNC_FILE_RANGE_WRITE
    return sync_file_range(descriptor, offset, length, SYNC_FILE_RANGE_WRITE);
#else
    (void)descriptor;
    (void)offset;
    (void)length;
    errno = ENOSYS;
    return -1;
#endif
}
