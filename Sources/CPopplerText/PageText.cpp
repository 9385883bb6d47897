// A PDF's text in one poppler pass per page (see include/CPopplerText.h). This is the one
// place scrutiny touches poppler's C++ core: opening, errors and metadata go through poppler-glib.
//
// Each page is shown once to an output device that is poppler's own text device (so the page's
// words, boxes and fonts are what poppler-glib's text calls give) and that also files every
// character shown inside marked content under the marked-content ids open around it. That text
// is what poppler's StructElement::getText gives for a piece (the Unicode of every character
// shown inside it on the page, soft hyphens dropped), but for all pieces at once.

#include "CPopplerText.h"

#include <Gfx.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <Object.h>
#include <OutputDev.h>
#include <Page.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <StructElement.h>
#include <StructTreeRoot.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <cmath>
#include <functional>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
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

/// poppler's text device (set up as poppler-glib sets it up) that also files every character
/// shown inside marked content under the marked-content ids open around it: page content only,
/// as poppler does for structure elements that name no content stream.
class MarkedTextOutputDev : public TextOutputDev
{
public:
    MarkedTextOutputDev() : TextOutputDev(nullptr, true, 0, false, false) { }

    /// Text per marked-content id on the page last shown.
    std::unordered_map<int, std::string> texts;

    void startPage(int pageNum, GfxState *state, XRef *xref) override
    {
        texts.clear();
        open.clear();
        formDepth = 0;
        pageWidth = state ? state->getPageWidth() : 0.0;
        pageHeight = state ? state->getPageHeight() : 0.0;
        TextOutputDev::startPage(pageNum, state, xref);
    }

    void beginForm(Ref id) override
    {
        formDepth += 1;
        TextOutputDev::beginForm(id);
    }

    void endForm(Ref id) override
    {
        formDepth -= 1;
        TextOutputDev::endForm(id);
    }

    void beginMarkedContent(const char *name, Dict *properties) override
    {
        int id = -1;
        if (properties && formDepth == 0) {
            properties->lookupInt("MCID", nullptr, &id);
        }
        open.push_back(id);
        TextOutputDev::beginMarkedContent(name, properties);
    }

    void endMarkedContent(GfxState *state) override
    {
        if (!open.empty()) {
            open.pop_back();
        }
        TextOutputDev::endMarkedContent(state);
    }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode code, int nBytes, const Unicode *u, int uLen) override
    {
        TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, code, nBytes, u, uLen);
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

/// What poppler's StructTreeRoot says an element is (for checking ``StructureReader``).
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


/// The kind of each standard structure type (PDF 32000-1, 14.8.4); a name missing here is not
/// a standard type.
const std::unordered_map<std::string, scrutiny_node_kind> &standardTypes()
{
    static const std::unordered_map<std::string, scrutiny_node_kind> types = [] {
        std::unordered_map<std::string, scrutiny_node_kind> map;
        for (const char *name : { "Document", "Part", "Art", "Sect", "Div", "Span", "Quote", "Note", "Reference", "BibEntry",
                                  "Code", "Link", "Annot", "BlockQuote", "NonStruct", "TOC", "TOCI", "Index", "Private", "L",
                                  "Lbl", "LBody", "Table", "TH", "TD", "THead", "TFoot", "TBody", "Ruby", "RB", "RT", "RP",
                                  "Warichu", "WT", "WP", "Figure", "Formula", "Form" }) {
            map.emplace(name, SCRUTINY_NODE_OTHER);
        }
        map.emplace("P", SCRUTINY_NODE_PARAGRAPH);
        map.emplace("Caption", SCRUTINY_NODE_CAPTION);
        map.emplace("H", SCRUTINY_NODE_HEADING);
        const char *levels[] = { "H1", "H2", "H3", "H4", "H5", "H6" };
        for (int level = 0; level < 6; level++) {
            map.emplace(levels[level], static_cast<scrutiny_node_kind>(SCRUTINY_NODE_HEADING_1 + level));
        }
        map.emplace("LI", SCRUTINY_NODE_LIST_ITEM);
        map.emplace("TR", SCRUTINY_NODE_TABLE_ROW);
        return map;
    }();
    return types;
}

/// Reads a tagged PDF's structure tree straight from its objects, flattened in document order,
/// keeping what poppler's StructTreeRoot keeps (an element needs a structure type, standard or
/// role-mapped, and a parent reference; loops are cut) but reading only the type, the kids and
/// the page of each element. poppler's own tree also parses every element's attributes (one
/// more object each) and the parent tree, which costs as much as showing the pages.
class StructureReader
{
public:
    explicit StructureReader(PDFDoc *documentA) : document(documentA) { }

    std::vector<scrutiny_structure_node> nodes;

    void read()
    {
        Object catalog = document->getXRef()->getCatalog();
        if (!catalog.isDict()) {
            return;
        }
        Object root = catalog.dictLookup("StructTreeRoot");
        if (!root.isDict("StructTreeRoot")) {
            return;
        }
        roleMap = root.dictLookup("RoleMap");
        Object kids = root.dictLookup("K");
        if (kids.isArray()) {
            for (int i = 0; i < kids.arrayGetLength(); i++) {
                const Object &reference = kids.arrayGetNF(i);
                if (reference.isRef()) {
                    seen.insert(reference.getRefNum());
                }
                Object kid = kids.arrayGet(i);
                if (kid.isDict()) {
                    element(kid.getDict(), std::nullopt);
                }
            }
        } else if (kids.isDict()) {
            element(kids.getDict(), std::nullopt);
        }
    }

private:
    PDFDoc *document;
    Object roleMap;
    std::set<int> seen;
    std::unordered_map<int, int> pageIndexByObject;

    /// 0-based index of the page `reference` names, -1 for none (or not a page).
    int pageIndex(const std::optional<Ref> &reference)
    {
        if (!reference) {
            return -1;
        }
        auto found = pageIndexByObject.find(reference->num);
        if (found != pageIndexByObject.end()) {
            return found->second;
        }
        int index = document->findPage(*reference) - 1;
        pageIndexByObject.emplace(reference->num, index);
        return index;
    }

    static std::optional<scrutiny_node_kind> standard(const char *name)
    {
        auto found = standardTypes().find(name);
        if (found == standardTypes().end()) {
            return std::nullopt;
        }
        return found->second;
    }

    /// A type name through the role map (which may chain names) to a standard type.
    std::optional<scrutiny_node_kind> mapped(const char *name, const char *current, int depth)
    {
        if ((current && std::strcmp(name, current) == 0) || depth > 32) {
            return std::nullopt;
        }
        Object resolved = roleMap.dictLookup(current ? current : name);
        if (!resolved.isName()) {
            return std::nullopt;
        }
        auto kind = standard(resolved.getName());
        return kind ? kind : mapped(name, resolved.getName(), depth + 1);
    }

    std::optional<scrutiny_node_kind> kindOf(const char *name)
    {
        std::optional<scrutiny_node_kind> kind;
        if (roleMap.isDict()) {
            kind = mapped(name, nullptr, 0);
        }
        return kind ? kind : standard(name);
    }

    static std::optional<Ref> ownPage(const Object &page, const std::optional<Ref> &inherited)
    {
        return page.isRef() ? std::optional<Ref>(page.getRef()) : inherited;
    }

    void element(Dict *dict, const std::optional<Ref> &parentPage)
    {
        Object type = dict->lookup("Type");
        if (!type.isNull() && !type.isName("StructElem")) {
            return;
        }
        if (!dict->lookupNF("P").isRef()) {
            return;
        }
        Object name = dict->lookup("S");
        if (!name.isName()) {
            return;
        }
        std::optional<scrutiny_node_kind> kind = kindOf(name.getName());
        if (!kind) {
            return;
        }
        std::optional<Ref> page = ownPage(dict->lookupNF("Pg"), parentPage);
        size_t index = nodes.size();
        nodes.push_back({ *kind, pageIndex(page), 1, -1 });
        Object kids = dict->lookup("K");
        if (kids.isArray()) {
            for (int i = 0; i < kids.arrayGetLength(); i++) {
                Object kid = kids.arrayGet(i);
                child(kids.arrayGetNF(i), kid, page);
            }
        } else if (kids.isDict() || kids.isInt()) {
            child(dict->lookupNF("K"), kids, page);
        }
        nodes[index].subtree_size = static_cast<int>(nodes.size() - index);
    }

    void child(const Object &reference, Object &kid, const std::optional<Ref> &page)
    {
        if (kid.isInt()) {
            nodes.push_back({ SCRUTINY_NODE_CONTENT, pageIndex(page), 1, kid.getInt() });
        } else if (kid.isDict("MCR")) {
            Object mcid = kid.dictLookup("MCID");
            if (mcid.isInt()) {
                nodes.push_back({ SCRUTINY_NODE_CONTENT, pageIndex(ownPage(kid.dictLookupNF("Pg"), page)), 1, mcid.getInt() });
            }
        } else if (kid.isDict("OBJR")) {
            if (kid.dictLookupNF("Obj").isRef()) {
                nodes.push_back({ SCRUTINY_NODE_CONTENT, pageIndex(ownPage(kid.dictLookupNF("Pg"), page)), 1, -1 });
            }
        } else if (kid.isDict() && reference.isRef() && seen.insert(reference.getRefNum()).second) {
            element(kid.getDict(), page);
        }
    }
};

/// A font's name as poppler-glib gives it: without a subset tag ("ABCDEF+"), "Default" when empty.
std::string fontNameOf(const TextWord *word, int index)
{
    const GooString *name = word->getFontName(index);
    if (!name || name->getLength() == 0) {
        return "Default";
    }
    const std::string &full = name->toStr();
    size_t tag = 0;
    while (tag < full.size() && full[tag] >= 'A' && full[tag] <= 'Z') {
        tag++;
    }
    if (tag > 0 && tag < full.size() && full[tag] == '+') {
        return full.substr(tag + 1);
    }
    return full;
}

} // namespace

/// poppler's errors about a damaged file are reported by scrutiny as the file's failure, not
/// printed (poppler-glib keeps them quiet too).
static void ignorePopplerError(ErrorCategory, Goffset, const char *) { }

struct scrutiny_pdf_text
{
    /// Keeps poppler's process-wide parameters alive while this document is (poppler-glib
    /// counts its documents the same way and drops the parameters after its last one).
    GlobalParamsIniter parameters { ignorePopplerError };
    /// The PDF's bytes; declared before the document, which reads them until it is destroyed.
    std::vector<char> bytes;
    std::unique_ptr<PDFDoc> document;

    std::vector<scrutiny_structure_node> nodes;
    /// Per node, its marked-content text from the pages read so far (CONTENT nodes only).
    std::vector<std::string> texts;
    /// Per page, the CONTENT nodes with a marked-content id placed on it; then the unplaced ones,
    /// which poppler looks for on every page.
    std::unordered_map<int, std::vector<size_t>> contentByPage;
    std::vector<size_t> unplacedContent;

    /// The page last read.
    std::vector<scrutiny_glyph> glyphs;
    std::vector<std::string> fontNames;
    std::vector<scrutiny_glyph_style> styles;

    void readStructure()
    {
        StructureReader reader(document.get());
        reader.read();
        nodes = std::move(reader.nodes);
        for (size_t index = 0; index < nodes.size(); index++) {
            if (nodes[index].kind == SCRUTINY_NODE_CONTENT && nodes[index].mcid >= 0) {
                if (nodes[index].page >= 0) {
                    contentByPage[nodes[index].page].push_back(index);
                } else {
                    unplacedContent.push_back(index);
                }
            }
        }
        texts.assign(nodes.size(), std::string());
    }

    /// poppler's own tree, flattened the same way (for checking StructureReader against it).
    std::vector<scrutiny_structure_node> popplerNodes()
    {
        std::vector<scrutiny_structure_node> out;
        std::function<void(const StructElement *)> visit = [&](const StructElement *element) {
            size_t index = out.size();
            int page = -1;
            Ref pageRef;
            if (element->getPageRef(pageRef)) {
                page = document->findPage(pageRef) - 1;
            }
            bool marked = element->isContent() && !element->isObjectRef();
            out.push_back({ kindOf(element), page, 1, marked ? element->getMCID() : -1 });
            for (unsigned i = 0; i < element->getNumChildren(); i++) {
                visit(element->getChild(i));
            }
            out[index].subtree_size = static_cast<int>(out.size() - index);
        };
        if (const StructTreeRoot *root = document->getStructTreeRoot()) {
            for (unsigned i = 0; i < root->getNumChildren(); i++) {
                visit(root->getChild(i));
            }
        }
        return out;
    }

    /// Adds the page's marked-content text to the nodes that are on it.
    void fileMarkedText(int page, const MarkedTextOutputDev &device)
    {
        auto add = [&](size_t node) {
            auto found = device.texts.find(nodes[node].mcid);
            if (found != device.texts.end()) {
                texts[node] += found->second;
            }
        };
        auto placed = contentByPage.find(page);
        if (placed != contentByPage.end()) {
            for (size_t node : placed->second) {
                add(node);
            }
        }
        for (size_t node : unplacedContent) {
            add(node);
        }
    }

    /// The page's characters in poppler-glib's order: each word's characters, a space after a
    /// word poppler saw spaced (but not after a line's last word), a line feed between lines.
    /// A space or line feed takes the style of the character before it.
    void collectGlyphs(TextPage *text, double width, double height)
    {
        glyphs.clear();
        fontNames.clear();
        styles.clear();
        PDFRectangle area(0, 0, width, height);
        int lineCount = 0;
        std::vector<TextWordSelection *> **lines = text->getSelectionWords(&area, selectionStyleGlyph, &lineCount);
        if (!lines) {
            return;
        }
        std::unordered_map<std::string, int> styleNumbers;
        auto styleOf = [&](const TextWord *word, int index) {
            std::string key = fontNameOf(word, index);
            double size = word->getFontSize();
            std::string lookup = key;
            lookup.append(reinterpret_cast<const char *>(&size), sizeof size);
            auto found = styleNumbers.find(lookup);
            if (found != styleNumbers.end()) {
                return found->second;
            }
            int number = static_cast<int>(fontNames.size());
            fontNames.push_back(key);
            styles.push_back({ nullptr, word->getFontSize() });
            styleNumbers.emplace(lookup, number);
            return number;
        };
        int style = 0;
        for (int i = 0; i < lineCount; i++) {
            std::vector<TextWordSelection *> *words = lines[i];
            double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
            for (size_t j = 0; j < words->size(); j++) {
                TextWordSelection *selection = (*words)[j];
                const TextWord *word = selection->getWord();
                for (int k = selection->getBegin(); k < selection->getEnd(); k++) {
                    scrutiny_glyph glyph;
                    glyph.scalar = word->getChar(k)[0];
                    style = styleOf(word, k);
                    glyph.style = style;
                    word->getCharBBox(k, &glyph.x1, &glyph.y1, &glyph.x2, &glyph.y2);
                    glyphs.push_back(glyph);
                }
                word->getBBox(&x1, &y1, &x2, &y2);
                if (word->hasSpaceAfter() && j + 1 < words->size()) {
                    double nextX1, nextY1, nextX2, nextY2;
                    (*words)[j + 1]->getWord()->getBBox(&nextX1, &nextY1, &nextX2, &nextY2);
                    glyphs.push_back({ 0x20, style, x2, y1, nextX1, y2 });
                }
                delete selection;
            }
            if (i + 1 < lineCount && !glyphs.empty()) {
                glyphs.push_back({ 0x0A, style, x2, y2, x2, y2 });
            }
            delete words;
        }
        gfree(lines);
        for (size_t i = 0; i < styles.size(); i++) {
            styles[i].font_name = fontNames[i].c_str();
        }
    }

    size_t readPage(int index, double *width, double *height)
    {
        glyphs.clear();
        styles.clear();
        *width = 0;
        *height = 0;
        if (index < 0 || index >= document->getNumPages()) {
            return 0;
        }
        Page *page = document->getPage(index + 1);
        if (!page) {
            return 0;
        }
        // The page's size as poppler-glib reports it: the crop box, turned with the page.
        int rotation = page->getRotate();
        bool turned = rotation == 90 || rotation == 270;
        *width = turned ? page->getCropHeight() : page->getCropWidth();
        *height = turned ? page->getCropWidth() : page->getCropHeight();

        MarkedTextOutputDev device;
        if (!device.isOk()) {
            return 0;
        }
        Gfx *gfx = page->createGfx(&device, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr);
        page->display(gfx);
        device.endPage();
        // Taken before the Gfx goes: its destructor ends the page again, which would coalesce
        // the text a second time.
        TextPage *text = device.takeText();
        delete gfx;
        collectGlyphs(text, *width, *height);
        text->decRefCnt();
        if (!texts.empty()) {
            fileMarkedText(index, device);
        }
        return glyphs.size();
    }
};

extern "C" {


scrutiny_pdf_text *scrutiny_pdf_text_open(const void *bytes, size_t length, int read_structure)
{
    if (!bytes || length == 0) {
        return nullptr;
    }
    auto pdf = std::make_unique<scrutiny_pdf_text>();
    const char *start = static_cast<const char *>(bytes);
    pdf->bytes.assign(start, start + length);
    // The document owns the stream; the stream reads the copy of the bytes.
    auto stream = new MemStream(pdf->bytes.data(), 0, static_cast<Goffset>(length), Object(objNull));
    pdf->document = std::make_unique<PDFDoc>(stream);
    if (!pdf->document->isOk()) {
        return nullptr;
    }
    if (read_structure) {
        pdf->readStructure();
    }
    return pdf.release();
}

void scrutiny_pdf_text_free(scrutiny_pdf_text *pdf)
{
    delete pdf;
}

int scrutiny_pdf_text_page_count(const scrutiny_pdf_text *pdf)
{
    return pdf ? pdf->document->getNumPages() : 0;
}

size_t scrutiny_pdf_text_read_page(scrutiny_pdf_text *pdf, int index, double *width, double *height)
{
    return pdf->readPage(index, width, height);
}

const scrutiny_glyph *scrutiny_pdf_text_glyphs(const scrutiny_pdf_text *pdf)
{
    return pdf->glyphs.data();
}

size_t scrutiny_pdf_text_style_count(const scrutiny_pdf_text *pdf)
{
    return pdf->styles.size();
}

const scrutiny_glyph_style *scrutiny_pdf_text_styles(const scrutiny_pdf_text *pdf)
{
    return pdf->styles.data();
}

size_t scrutiny_pdf_text_node_count(const scrutiny_pdf_text *pdf)
{
    return pdf->nodes.size();
}

const scrutiny_structure_node *scrutiny_pdf_text_nodes(const scrutiny_pdf_text *pdf)
{
    return pdf->nodes.data();
}

const char *scrutiny_pdf_text_content_text(const scrutiny_pdf_text *pdf, size_t index, size_t *length)
{
    if (index >= pdf->texts.size()) {
        *length = 0;
        return "";
    }
    *length = pdf->texts[index].size();
    return pdf->texts[index].data();
}

int scrutiny_pdf_text_structure_matches_poppler(scrutiny_pdf_text *pdf)
{
    auto theirs = pdf->popplerNodes();
    if (theirs.size() != pdf->nodes.size()) {
        return 0;
    }
    for (size_t i = 0; i < theirs.size(); i++) {
        const auto &a = theirs[i], &b = pdf->nodes[i];
        if (a.kind != b.kind || a.page != b.page || a.subtree_size != b.subtree_size || a.mcid != b.mcid) {
            return 0;
        }
    }
    return 1;
}

} // extern "C"
