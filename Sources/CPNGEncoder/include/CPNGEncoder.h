#ifndef CPNGENCODER_H
#define CPNGENCODER_H

#include <stddef.h>
#include <stdint.h>

/// A fast PNG encoder for rendered document pages (cairo's RGB24/ARGB32 images).
///
/// A page is mostly paper: rows that repeat the row above and runs of one colour. The encoder
/// writes one DEFLATE block with Huffman codes made for the image, from three kinds of token: a
/// copy of the row above (for a repeated row, or a stretch that repeats the row above), a copy of
/// the pixel before (a run of one colour), and literals for the ink. It never searches for repeats
/// elsewhere, which is what makes general compressors slow on a page. The image is 4-bit grey
/// (sixteen levels, each pixel rounded to the nearest; anti-aliased type needs no more) when
/// every pixel is grey (r = g = b), else 8-bit RGB. Every row uses PNG filter type 0 (none).

/// PNG bytes made by ``scrutiny_png_encode``; release with ``scrutiny_png_free``.
typedef struct {
    uint8_t *bytes;
    size_t count;
} scrutiny_png;

/// Encodes `height` rows of `width` pixels, each a native-endian 32-bit word 0x??RRGGBB (cairo's
/// CAIRO_FORMAT_RGB24; the top byte is ignored), rows `stride` bytes apart.
/// Returns 0 and fills `out`, or -1 when memory runs out or the size is not one PNG allows.
int scrutiny_png_encode(const uint8_t *pixels, int width, int height, int stride, scrutiny_png *out);

/// As ``scrutiny_png_encode``, and sets `paper_rows[y]` (an array of `height` bytes) to 1 where
/// every pixel of row y is white (0x??FFFFFF), 0 elsewhere: the rows a renderer drawing the next
/// page into the same pixels need not paint white again.
int scrutiny_png_encode_finding_paper(const uint8_t *pixels, int width, int height, int stride, scrutiny_png *out,
                                      uint8_t *paper_rows);

/// Frees what ``scrutiny_png_encode`` allocated in `png` (safe on a zeroed struct).
void scrutiny_png_free(scrutiny_png *png);

#endif
