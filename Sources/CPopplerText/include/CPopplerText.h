#ifndef CPOPPLERTEXT_H
#define CPOPPLERTEXT_H
/* A PDF opened once: its metadata, and its text in one poppler pass per page: every
   character with its box and font (as
   poppler-glib's text, layout and attribute calls give them), and, for a tagged PDF, the
   structure tree with the text of every marked-content piece, gathered in the same pass.
   poppler-glib cannot do the second part cheaply: its per-element text re-reads the whole
   page for every marked-content piece, and it does not expose marked-content ids. */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What a structure node is, as far as scrutiny cares (role-mapped by poppler).
typedef enum {
    SCRUTINY_NODE_OTHER = 0,      /* any other element: its children are visited */
    SCRUTINY_NODE_CONTENT = 1,    /* a marked-content piece (MCID) or an object reference */
    SCRUTINY_NODE_PARAGRAPH = 2,  /* P */
    SCRUTINY_NODE_CAPTION = 3,    /* Caption */
    SCRUTINY_NODE_HEADING = 4,    /* H */
    SCRUTINY_NODE_HEADING_1 = 5,  /* H1; H2..H5 follow in order */
    SCRUTINY_NODE_HEADING_6 = 10,
    SCRUTINY_NODE_LIST_ITEM = 11, /* LI */
    SCRUTINY_NODE_TABLE_ROW = 12, /* TR */
} scrutiny_node_kind;

/// One node of the structure tree. Nodes are in document (pre-)order: a node's children start
/// right after it, and its subtree is the next `subtree_size` nodes including itself.
typedef struct {
    int kind;          /* a scrutiny_node_kind */
    int page;          /* 0-based page the node is on, or -1 when the PDF does not say */
    int subtree_size;  /* this node and all nodes below it */
    int mcid;          /* the marked-content id of a CONTENT node, else -1 */
} scrutiny_structure_node;

/// One character of a page in reading order, as poppler-glib's text calls give it: the
/// characters of each word, a space between words that poppler saw spaced, a line feed between
/// lines. Boxes are in points, origin top-left.
typedef struct {
    uint32_t scalar;
    int32_t style;     /* index into the page's styles */
    double x1, y1, x2, y2;
} scrutiny_glyph;

/// A font run's font (subset tag removed, "Default" when unnamed) and size.
typedef struct {
    const char *font_name;
    double font_size;
} scrutiny_glyph_style;

typedef struct scrutiny_pdf_text scrutiny_pdf_text;

/// Opens the PDF in `length` bytes (copied); NULL when poppler cannot open it. With
/// `read_structure`, a tagged PDF's structure tree is read too.
scrutiny_pdf_text *scrutiny_pdf_text_open(const void *bytes, size_t length, int read_structure);
void scrutiny_pdf_text_free(scrutiny_pdf_text *pdf);

/// The document information entry `key` ("Title", "Author") as UTF-8, converted as poppler-glib
/// converts it; NULL when the document has none. Valid until the next call or `free`.
const char *scrutiny_pdf_text_information(scrutiny_pdf_text *pdf, const char *key);
/// The document's creation date in seconds since 1970, read as poppler-glib reads it; -1 when
/// it has none or poppler cannot read it.
long long scrutiny_pdf_text_creation_date(scrutiny_pdf_text *pdf);

int scrutiny_pdf_text_page_count(const scrutiny_pdf_text *pdf);

/// Reads 0-based page `index` in one pass; returns its number of glyphs. The glyphs and styles
/// below stay valid until the next page is read. Also gathers the page's marked-content text.
size_t scrutiny_pdf_text_read_page(scrutiny_pdf_text *pdf, int index, double *width, double *height);
const scrutiny_glyph *scrutiny_pdf_text_glyphs(const scrutiny_pdf_text *pdf);
size_t scrutiny_pdf_text_style_count(const scrutiny_pdf_text *pdf);
const scrutiny_glyph_style *scrutiny_pdf_text_styles(const scrutiny_pdf_text *pdf);

/// The structure tree (no nodes when the PDF is untagged or the tree was not asked for).
size_t scrutiny_pdf_text_node_count(const scrutiny_pdf_text *pdf);
const scrutiny_structure_node *scrutiny_pdf_text_nodes(const scrutiny_pdf_text *pdf);

/// The UTF-8 text of CONTENT node `index` from the pages read so far (empty for other nodes),
/// valid until the next page is read. Not NUL-terminated: `*length` is its byte count.
const char *scrutiny_pdf_text_content_text(const scrutiny_pdf_text *pdf, size_t index, size_t *length);

/// For tests: whether the structure tree read equals poppler's own StructTreeRoot reading of
/// the same PDF, flattened the same way (scrutiny reads the objects itself, for speed).
int scrutiny_pdf_text_structure_matches_poppler(scrutiny_pdf_text *pdf);

/// How many of the structure tree's objects were read straight from the file's bytes and how
/// many were fetched by poppler (objects in object streams, encrypted files, unusual syntax).
void scrutiny_pdf_text_structure_sources(const scrutiny_pdf_text *pdf, size_t *from_bytes, size_t *from_poppler);

/// For tests: whether page content streams compressed with FlateDecode alone are inflated by
/// zlib (the default; several times faster) or left to poppler's own decoder. Either way the
/// glyphs are the same: a stream zlib cannot read to its end, checksum included, goes to poppler.
void scrutiny_pdf_text_set_inflates_content(scrutiny_pdf_text *pdf, int inflates);
/// How many page content streams read so far were inflated by zlib and how many were left to
/// poppler (other filters, parameters, encrypted files, damaged data).
void scrutiny_pdf_text_content_sources(const scrutiny_pdf_text *pdf, size_t *inflated, size_t *left_to_poppler);
/// For tests: whether pages that name the same resource dictionary (by reference) are shown
/// with one set of resources built for the first of them (the default), or each with its own as
/// poppler builds them. Building a page's resources loads every font in them.
void scrutiny_pdf_text_set_shares_resources(scrutiny_pdf_text *pdf, int shares);
/// How many sets of shared resources were built, and how many pages read so far used one.
void scrutiny_pdf_text_resource_sharing(const scrutiny_pdf_text *pdf, size_t *resources_built, size_t *pages_sharing);

/// Renders 0-based page `index` at `dpi` to 8-bit grey (0 black, 255 white), as a viewer shows
/// it (the page's /Rotate applied), for OCR. Returns the top row's first byte, or NULL when the
/// page cannot be rendered; `*row_bytes` is the distance between rows. Valid until the next
/// render or `free`.
const uint8_t *scrutiny_pdf_text_render_gray(scrutiny_pdf_text *pdf, int index, double dpi, int *width, int *height,
                                             int *row_bytes);

#ifdef __cplusplus
}
#endif
#endif
