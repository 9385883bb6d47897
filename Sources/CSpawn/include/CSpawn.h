#ifndef CSPAWN_H
#define CSPAWN_H

#include <spawn.h>

/// Two glibc calls that Swift's Glibc module leaves out (they need _GNU_SOURCE), for starting
/// worker processes without leaking descriptors into them.

/// pipe2(fds, O_CLOEXEC): both ends are close-on-exec from the moment they exist, so a process
/// another thread starts meanwhile cannot inherit them. 0, or -1 with errno set.
int cspawn_pipe_cloexec(int fds[2]);

/// posix_spawn_file_actions_addclosefrom_np(actions, lowest): the child closes every descriptor
/// from `lowest` up before it runs the program. 0, or an error number.
int cspawn_actions_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
