// A tagged PDF's structure tree, flattened, with every marked-content piece's text read in one
// page pass per page (see include/CPopplerStructure.h). This is the one place scrutiny touches
// poppler's C++ core: the rest of the PDF reader goes through poppler-glib.
//
// The text of a marked-content piece is what poppler's own StructElement::getText gives for it
// (the Unicode of every character shown inside the piece and on the page, soft hyphens
// dropped), but gathered for all pieces in a single pass over the page's content stream
// instead of one pass per piece.

#include "CPopplerStructure.h"

#include <GfxState.h>
#include <GlobalParams.h>
#include <Object.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <StructElement.h>
#include <StructTreeRoot.h>
#include <goo/GooString.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

/// Appends `scalar` to `out` as UTF-8 (U+FFFD for values that are not Unicode scalars).
void appendUTF8(std::string &out, Unicode scalar)
{
    if (scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF)) {
        scalar = 0xFFFD;
    }
    if (scalar < 0x80) {
        out.push_back(static_cast<char>(scalar));
    } else if (scalar < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (scalar >> 6)));
        out.push_back(static_cast<char>(0x80 | (scalar & 0x3F)));
    } else if (scalar < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (scalar >> 12)));
        out.push_back(static_cast<char>(0x80 | ((scalar >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (scalar & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (scalar >> 18)));
        out.push_back(static_cast<char>(0x80 | ((scalar >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((scalar >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (scalar & 0x3F)));
    }
}

/// An output device that draws nothing and files every character shown inside marked content
/// under the marked-content ids open around it (page content only, as poppler does for
/// structure elements that name no content stream).
class MarkedTextCollector : public OutputDev
{
public:
    /// Text per marked-content id on the page last displayed.
    std::unordered_map<int, std::string> texts;

    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return false; }
    bool needCharCount() override { return false; }

    void startPage(int, GfxState *state, XRef *) override
    {
        texts.clear();
        open.clear();
        formDepth = 0;
        pageWidth = state ? state->getPageWidth() : 0.0;
        pageHeight = state ? state->getPageHeight() : 0.0;
    }

    void beginForm(Ref) override { formDepth += 1; }
    void endForm(Ref) override { formDepth -= 1; }

    void beginMarkedContent(const char *, Dict *properties) override
    {
        int id = -1;
        if (properties && formDepth == 0) {
            properties->lookupInt("MCID", nullptr, &id);
        }
        open.push_back(id);
    }

    void endMarkedContent(GfxState *) override
    {
        if (!open.empty()) {
            open.pop_back();
        }
    }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double, double, CharCode code, int, const Unicode *u, int uLen) override
    {
        if (uLen == 0 || !insideMarkedContent()) {
            return;
        }
        // Where the character lands, without character and word spacing; characters off the
        // page, or with no finite position, are not part of the visible text.
        double spacing = state->getCharSpace();
        if (code == static_cast<CharCode>(0x20)) {
            spacing += state->getWordSpace();
        }
        double spaceX, spaceY, width, height, left, top;
        state->textTransformDelta(spacing * state->getHorizScaling(), 0, &spaceX, &spaceY);
        state->transformDelta(dx - spaceX, dy - spaceY, &width, &height);
        state->transform(x, y, &left, &top);
        if (left + width < 0 || left > pageWidth || top + height < 0 || top > pageHeight) {
            return;
        }
        if (std::isnan(left) || std::isnan(top) || std::isnan(width) || std::isnan(height)) {
            return;
        }
        std::string piece;
        for (int i = 0; i < uLen; i++) {
            if (u[i] != 0x00AD) { // a soft hyphen is invisible
                appendUTF8(piece, u[i]);
            }
        }
        if (piece.empty()) {
            return;
        }
        // Every id open around the character gets it, once (nested pieces belong to their parents too).
        for (size_t i = 0; i < open.size(); i++) {
            int id = open[i];
            if (id < 0) {
                continue;
            }
            bool seen = false;
            for (size_t j = 0; j < i; j++) {
                seen = seen || open[j] == id;
            }
            if (!seen) {
                texts[id] += piece;
            }
        }
    }

private:
    bool insideMarkedContent() const
    {
        for (int id : open) {
            if (id >= 0) {
                return true;
            }
        }
        return false;
    }

    std::vector<int> open;
    int formDepth = 0;
    double pageWidth = 0;
    double pageHeight = 0;
};

scrutiny_node_kind kindOf(const StructElement *element)
{
    if (element->isContent()) {
        return SCRUTINY_NODE_CONTENT;
    }
    switch (element->getType()) {
    case StructElement::P:
        return SCRUTINY_NODE_PARAGRAPH;
    case StructElement::Caption:
        return SCRUTINY_NODE_CAPTION;
    case StructElement::H:
        return SCRUTINY_NODE_HEADING;
    case StructElement::H1:
    case StructElement::H2:
    case StructElement::H3:
    case StructElement::H4:
    case StructElement::H5:
    case StructElement::H6:
        return static_cast<scrutiny_node_kind>(SCRUTINY_NODE_HEADING_1 + (element->getType() - StructElement::H1));
    case StructElement::LI:
        return SCRUTINY_NODE_LIST_ITEM;
    case StructElement::TR:
        return SCRUTINY_NODE_TABLE_ROW;
    default:
        return SCRUTINY_NODE_OTHER;
    }
}

} // namespace

struct scrutiny_structure
{
    /// The PDF's bytes when read from memory; declared before the document, which reads them
    /// until it is destroyed.
    std::vector<char> bytes;
    std::unique_ptr<PDFDoc> document;
    std::vector<scrutiny_structure_node> nodes;
    /// Per node, its text (CONTENT nodes with a marked-content id, after read_text).
    std::vector<std::string> texts;

    void flatten(const StructElement *element)
    {
        size_t index = nodes.size();
        int page = -1;
        Ref pageRef;
        if (element->getPageRef(pageRef)) {
            page = document->findPage(pageRef) - 1;
        }
        bool marked = element->isContent() && !element->isObjectRef();
        nodes.push_back({ kindOf(element), page, 1, marked ? element->getMCID() : -1 });
        for (unsigned i = 0; i < element->getNumChildren(); i++) {
            flatten(element->getChild(i));
        }
        nodes[index].subtree_size = static_cast<int>(nodes.size() - index);
    }

    void readText()
    {
        texts.assign(nodes.size(), std::string());
        std::set<int> pages;
        bool anyUnplaced = false;
        for (const auto &node : nodes) {
            if (node.kind == SCRUTINY_NODE_CONTENT && node.mcid >= 0) {
                if (node.page >= 0) {
                    pages.insert(node.page);
                } else {
                    anyUnplaced = true;
                }
            }
        }
        const int pageCount = document->getNumPages();
        if (anyUnplaced) { // poppler looks for an unplaced piece on every page, in page order
            for (int page = 0; page < pageCount; page++) {
                pages.insert(page);
            }
        }
        MarkedTextCollector collector;
        for (int page : pages) {
            if (page >= pageCount) {
                continue;
            }
            document->displayPage(&collector, page + 1, 72.0, 72.0, 0, true, false, false);
            for (size_t i = 0; i < nodes.size(); i++) {
                const auto &node = nodes[i];
                if (node.kind != SCRUTINY_NODE_CONTENT || node.mcid < 0 || (node.page != page && node.page >= 0)) {
                    continue;
                }
                auto found = collector.texts.find(node.mcid);
                if (found != collector.texts.end()) {
                    texts[i] += found->second;
                }
            }
        }
    }
};

namespace {

/// poppler's global parameters, made once if nobody (poppler-glib) has made them yet.
void ensureGlobalParams()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (!globalParams) {
            globalParams = std::make_unique<GlobalParams>();
        }
    });
}

/// Reads the tree of `structure->document`; frees `structure` and gives NULL when there is none.
scrutiny_structure *withTree(scrutiny_structure *structure)
{
    const PDFDoc *document = structure->document.get();
    const StructTreeRoot *root = document && document->isOk() ? structure->document->getStructTreeRoot() : nullptr;
    if (!root || root->getNumChildren() == 0) {
        delete structure;
        return nullptr;
    }
    for (unsigned i = 0; i < root->getNumChildren(); i++) {
        structure->flatten(root->getChild(i));
    }
    return structure;
}

} // namespace

extern "C" {

scrutiny_structure *scrutiny_structure_open_file(const char *path)
{
    if (!path) {
        return nullptr;
    }
    ensureGlobalParams();
    auto structure = new scrutiny_structure();
    structure->document = std::make_unique<PDFDoc>(std::make_unique<GooString>(path));
    return withTree(structure);
}

scrutiny_structure *scrutiny_structure_open_bytes(const void *bytes, size_t length)
{
    if (!bytes || length == 0) {
        return nullptr;
    }
    ensureGlobalParams();
    auto structure = new scrutiny_structure();
    const char *start = static_cast<const char *>(bytes);
    structure->bytes.assign(start, start + length);
    // The document owns the stream; the stream reads the structure's copy of the bytes.
    auto stream = new MemStream(structure->bytes.data(), 0, static_cast<Goffset>(length), Object(objNull));
    structure->document = std::make_unique<PDFDoc>(stream);
    return withTree(structure);
}

void scrutiny_structure_free(scrutiny_structure *structure)
{
    delete structure;
}

size_t scrutiny_structure_node_count(const scrutiny_structure *structure)
{
    return structure ? structure->nodes.size() : 0;
}

const scrutiny_structure_node *scrutiny_structure_nodes(const scrutiny_structure *structure)
{
    return structure && !structure->nodes.empty() ? structure->nodes.data() : nullptr;
}

void scrutiny_structure_read_text(scrutiny_structure *structure)
{
    if (structure) {
        structure->readText();
    }
}

const char *scrutiny_structure_content_text(const scrutiny_structure *structure, size_t index, size_t *length)
{
    if (!structure || index >= structure->texts.size()) {
        *length = 0;
        return "";
    }
    *length = structure->texts[index].size();
    return structure->texts[index].data();
}

} // extern "C"
