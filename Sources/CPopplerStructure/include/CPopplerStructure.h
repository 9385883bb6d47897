#ifndef CPOPPLERSTRUCTURE_H
#define CPOPPLERSTRUCTURE_H
/* A tagged PDF's structure tree with the text of every marked-content piece, read in one
   page pass per page. poppler-glib has no call for this: its per-element text re-reads the
   whole page for every marked-content piece, and it does not expose marked-content ids. */
#include <stddef.h>

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
    SCRUTINY_NODE_HEADING_1 = 5,  /* H1; H2..H6 follow in order */
    SCRUTINY_NODE_HEADING_6 = 10,
    SCRUTINY_NODE_LIST_ITEM = 11, /* LI */
    SCRUTINY_NODE_TABLE_ROW = 12, /* TR */
} scrutiny_node_kind;

/// One node of the tree. Nodes are in document (pre-)order: a node's children start right
/// after it, and its subtree is the next `subtree_size` nodes including itself.
typedef struct {
    int kind;          /* a scrutiny_node_kind */
    int page;          /* 0-based page the node is on, or -1 when the PDF does not say */
    int subtree_size;  /* this node and all nodes below it */
    int mcid;          /* the marked-content id of a CONTENT node, else -1 */
} scrutiny_structure_node;

typedef struct scrutiny_structure scrutiny_structure;

/// Opens the PDF at `path` and reads its structure tree; NULL when the file cannot be opened,
/// is encrypted, or has no structure tree.
scrutiny_structure *scrutiny_structure_open_file(const char *path);

/// The same for `length` bytes in memory (copied).
scrutiny_structure *scrutiny_structure_open_bytes(const void *bytes, size_t length);

void scrutiny_structure_free(scrutiny_structure *structure);

size_t scrutiny_structure_node_count(const scrutiny_structure *structure);
const scrutiny_structure_node *scrutiny_structure_nodes(const scrutiny_structure *structure);

/// Reads the text of every CONTENT node: one page pass per page that holds marked content.
void scrutiny_structure_read_text(scrutiny_structure *structure);

/// The UTF-8 text of node `index` (CONTENT nodes only; empty otherwise), valid until the
/// structure is freed. Not NUL-terminated: `*length` is its byte count.
const char *scrutiny_structure_content_text(const scrutiny_structure *structure, size_t index, size_t *length);

#ifdef __cplusplus
}
#endif
#endif
