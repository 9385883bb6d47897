#ifndef CPOPPLERCORE_SHIM_H
#define CPOPPLERCORE_SHIM_H
/* poppler's core library (libpoppler, C++), found through pkg-config `poppler`.
   Swift never imports its headers: only CPopplerStructure (C++) includes them, and this
   target exists to give it the include path and the link flag. */
#endif
