#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a cast of -1 to a function pointer, a macro Swift cannot import: it tells
   sqlite3_bind_text to copy the bytes before it returns. */
static inline sqlite3_destructor_type scrutiny_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
