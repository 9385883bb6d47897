// Tesseract's C API (Debian libtesseract-dev), for OCR of pages without a text layer.
#include <tesseract/capi.h>
