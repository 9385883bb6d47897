#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, and its encoding.h then includes the system ICU headers.
   Foundation on Linux carries its own ICU with a different UErrorCode, so debug builds that see
   both fail ("'UErrorCode' has different definitions in different modules"). We never use the
   ICU-specific parts of libxml2, so hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>
/* xmlFree is a global function-pointer variable, which Swift 6 refuses to touch. */
static inline void scrutiny_xml_free(void *p) { xmlFree(p); }
#endif
