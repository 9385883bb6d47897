// A PDF's text in one poppler pass per page (see include/CPopplerText.h). This is the one
// place scrutiny touches poppler's C++ core: it opens the PDF and reads its metadata too;
// poppler-glib only says why a PDF that does not open failed.
//
// Each page is shown once to an output device that is poppler's own text device (so the page's
// words, boxes and fonts are what poppler-glib's text calls give) and that also files every
// character shown inside marked content under the marked-content ids open around it. That text
// is what poppler's StructElement::getText gives for a piece (the Unicode of every character
// shown inside it on the page, soft hyphens dropped), but for all pieces at once.
//
// Two shortcuts keep the pass close to poppler's own cost without changing what it gives (tests
// compare both ways): page content streams compressed with FlateDecode alone are inflated by
// zlib, and pages that name the same resource dictionary share the resources (fonts above all)
// built for the first of them, where poppler would build them again for every page.

#include "CPopplerText.h"

#include <DateInfo.h>
#include <Gfx.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <Object.h>
#include <OutputDev.h>
#include <Page.h>
#include <PDFDoc.h>
#include <PDFDocEncoding.h>
#include <Stream.h>
#include <StructElement.h>
#include <StructTreeRoot.h>
#include <SplashOutputDev.h>
#include <splash/SplashBitmap.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <zlib.h>

#include "MarkedTextOutputDev.h"
#include "StructureReader.h"

#include <cmath>
#include <functional>
#include <map>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using scrutiny::MarkedTextOutputDev;
using scrutiny::StructureReader;

// poppler's Gfx keeps its resource stack private, and builds a page's resources (every font in
// them, with its widths and Unicode map) for every page it shows, though the pages of a report
// share one resource dictionary. An explicit template instantiation may name a private member
// (C++17 [temp.spec]/6); this one yields `&Gfx::res`, so a page's Gfx can be handed resources
// built once per document (see `ResourceSharing` below).
template <typename Tag, typename Tag::type member>
struct PrivateMember
{
    friend typename Tag::type memberPointer(Tag) { return member; }
};
struct GfxResourceStack
{
    using type = GfxResources *Gfx::*;
    friend type memberPointer(GfxResourceStack);
};
template struct PrivateMember<GfxResourceStack, &Gfx::res>;

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

/// Appends the UTF-16 code units in `bytes` (big- or little-endian) to `out` as UTF-8; false
/// for an odd byte count or an unpaired surrogate.
bool appendUTF16(std::string &out, const char *bytes, size_t count, bool bigEndian)
{
    if (count % 2 != 0) {
        return false;
    }
    auto unit = [&](size_t at) {
        unsigned char first = static_cast<unsigned char>(bytes[at]), second = static_cast<unsigned char>(bytes[at + 1]);
        return bigEndian ? (first << 8 | second) : (second << 8 | first);
    };
    for (size_t at = 0; at < count; at += 2) {
        unsigned int scalar = unit(at);
        if (scalar >= 0xD800 && scalar <= 0xDBFF) {
            if (at + 2 >= count) {
                return false;
            }
            unsigned int low = unit(at + 2);
            if (low < 0xDC00 || low > 0xDFFF) {
                return false;
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00);
            at += 2;
        } else if (scalar >= 0xDC00 && scalar <= 0xDFFF) {
            return false;
        }
        scrutiny::appendUTF8(out, scalar);
    }
    return true;
}

/// A PDF text string as UTF-8, converted as poppler-glib converts document information: UTF-16
/// after a byte-order mark (nothing when that is broken), else PDFDocEncoding; either way up to
/// the first NUL.
std::optional<std::string> textStringToUTF8(const GooString &text)
{
    const std::string &bytes = text.toStr();
    std::string out;
    if (text.hasUnicodeMarker() || text.hasUnicodeMarkerLE()) {
        if (!appendUTF16(out, bytes.data() + 2, bytes.size() - 2, text.hasUnicodeMarker())) {
            return std::nullopt;
        }
    } else {
        for (unsigned char byte : bytes) {
            Unicode scalar = pdfDocEncoding[byte];
            if (scalar == 0) {
                break;
            }
            scrutiny::appendUTF8(out, scalar);
        }
    }
    // poppler-glib hands out C strings: text after a NUL is not seen.
    out.resize(std::strlen(out.c_str()));
    return out;
}

/// A content stream's bytes inflated with zlib, when the stream is compressed with nothing but
/// FlateDecode (no parameters) and zlib reads it to its end, checksum included. poppler inflates
/// with its own decoder one character at a time; zlib is several times faster. Any other stream,
/// or one zlib finds damaged, is left to poppler (nullopt), so what poppler reads never changes.
std::optional<std::vector<char>> inflatedContent(Stream *stream, const char *file, size_t fileLength)
{
    Dict *dict = stream->getDict();
    if (!dict) {
        return std::nullopt;
    }
    Object filter = dict->lookup("Filter");
    if (filter.isArray() && filter.arrayGetLength() == 1) {
        filter = filter.arrayGet(0);
    }
    if (!filter.isName("FlateDecode")) {
        return std::nullopt;
    }
    Object parameters = dict->lookup("DecodeParms");
    if (parameters.isArray() && parameters.arrayGetLength() == 1) {
        parameters = parameters.arrayGet(0);
    }
    if (!parameters.isNull()) {
        return std::nullopt;
    }
    // The compressed bytes are read in place: the stream is a piece of the file's bytes.
    BaseStream *raw = stream->getBaseStream();
    if (!raw || raw->getStart() < 0 || raw->getLength() < 0 || static_cast<size_t>(raw->getStart() + raw->getLength()) > fileLength) {
        return std::nullopt;
    }
    const unsigned char *compressed = reinterpret_cast<const unsigned char *>(file) + raw->getStart();
    size_t compressedLength = static_cast<size_t>(raw->getLength());
    if (compressedLength > UINT32_MAX) {
        return std::nullopt;
    }
    // A page of text inflates to a few hundred kilobytes; a stream that would grow past this is
    // left to poppler, which reads it piece by piece.
    constexpr size_t limit = 64 << 20;
    z_stream inflater {};
    if (inflateInit(&inflater) != Z_OK) {
        return std::nullopt;
    }
    std::vector<char> out(std::max<size_t>(compressedLength * 4, 4096));
    inflater.next_in = const_cast<Bytef *>(compressed);
    inflater.avail_in = static_cast<uInt>(compressedLength);
    int status = Z_OK;
    size_t produced = 0;
    while (status == Z_OK) {
        if (produced == out.size()) {
            if (out.size() >= limit) {
                break;
            }
            out.resize(std::min(out.size() * 2, limit));
        }
        inflater.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        inflater.avail_out = static_cast<uInt>(out.size() - produced);
        status = inflate(&inflater, Z_NO_FLUSH);
        produced = out.size() - inflater.avail_out;
    }
    inflateEnd(&inflater);
    if (status != Z_STREAM_END) {
        return std::nullopt;
    }
    out.resize(produced);
    return out;
}

} // namespace

/// poppler's errors about a damaged file are reported by scrutiny as the file's failure, not
/// printed (poppler-glib keeps them quiet too).
static void ignorePopplerError(ErrorCategory, Goffset, const char *) { }

/// Sets up poppler's process-wide parameters once and keeps them for the life of the process.
/// poppler counts its holders and drops the parameters after the last one goes (poppler-glib's
/// documents hold them the same way); setting them up again for every document costs about as
/// much as reading a page.
static void keepPopplerParameters()
{
    static const GlobalParamsIniter *const parameters = new GlobalParamsIniter(ignorePopplerError);
    (void)parameters;
}

struct scrutiny_pdf_text
{
    /// The PDF's bytes; declared before the document, which reads them until it is destroyed.
    std::vector<char> bytes;
    std::unique_ptr<PDFDoc> document;
    /// Resources built once and shown with every page that names the same resource dictionary
    /// (by reference); declared after the document, so they go before it.
    std::map<std::pair<int, int>, std::unique_ptr<GfxResources>> sharedResources;

    std::vector<scrutiny_structure_node> nodes;
    /// How the structure tree's objects were read: from the bytes, or fetched by poppler.
    size_t structureObjectsFromBytes = 0;
    size_t structureObjectsFromPoppler = 0;
    /// Per node, its marked-content text from the pages read so far (CONTENT nodes only).
    std::vector<std::string> texts;
    /// Per page, the CONTENT nodes with a marked-content id placed on it; then the unplaced ones,
    /// which poppler looks for on every page.
    std::unordered_map<int, std::vector<size_t>> contentByPage;
    std::vector<size_t> unplacedContent;

    /// The last document information entry asked for.
    std::string information;

    /// Whether page content streams are inflated with zlib where it can (tests turn it off to
    /// compare with poppler's own decoder), and how many streams were read each way.
    bool inflatesContent = true;
    size_t contentStreamsInflated = 0;
    size_t contentStreamsLeftToPoppler = 0;
    /// Whether pages naming the same resource dictionary share one set of resources (tests turn
    /// it off to compare with poppler's page-by-page resources), and how many pages did.
    bool sharesResources = true;
    size_t pagesWithSharedResources = 0;

    /// The device pages are rendered with for OCR, made on first use, with the last page's bitmap.
    std::unique_ptr<SplashOutputDev> renderer;

    /// The page last read.
    std::vector<scrutiny_glyph> glyphs;
    std::vector<std::string> fontNames;
    std::vector<scrutiny_glyph_style> styles;

    void readStructure()
    {
        StructureReader reader(document.get(), bytes.data(), bytes.size());
        reader.read();
        nodes = std::move(reader.nodes);
        structureObjectsFromBytes = reader.objectsReadFromBytes;
        structureObjectsFromPoppler = reader.objectsFetchedByPoppler;
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
            out.push_back({ scrutiny::kindOf(element), page, 1, marked ? element->getMCID() : -1 });
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
    /// A space or line feed takes the style of the character before it. Appends to `glyphs` and
    /// `styles`, which `readPage` has cleared.
    void collectGlyphs(TextPage *text, double width, double height)
    {
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
        // Runs of characters share a font: the style is looked up again only when it changes.
        const TextFontInfo *lastFont = nullptr;
        double lastSize = -1;
        for (int i = 0; i < lineCount; i++) {
            std::vector<TextWordSelection *> *words = lines[i];
            double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
            for (size_t j = 0; j < words->size(); j++) {
                TextWordSelection *selection = (*words)[j];
                const TextWord *word = selection->getWord();
                for (int k = selection->getBegin(); k < selection->getEnd(); k++) {
                    scrutiny_glyph glyph;
                    glyph.scalar = word->getChar(k)[0];
                    const TextFontInfo *font = word->getFontInfo(k);
                    if (font != lastFont || word->getFontSize() != lastSize || lastFont == nullptr) {
                        style = styleOf(word, k);
                        lastFont = font;
                        lastSize = word->getFontSize();
                    }
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

    /// The page's contents as poppler shows them, each stream that zlib can inflate replaced by
    /// its inflated bytes (kept in `buffers`, which must outlive the object). Encrypted files
    /// are left to poppler, which decrypts before it inflates.
    Object contentsToShow(Page *page, std::vector<std::vector<char>> &buffers)
    {
        Object contents = page->getContents();
        bool encrypted = document->getXRef()->isEncrypted();
        auto inflated = [&](Object &&stream) -> Object {
            if (!stream.isStream()) {
                return std::move(stream);
            }
            std::optional<std::vector<char>> decoded;
            if (inflatesContent && !encrypted) {
                decoded = inflatedContent(stream.getStream(), bytes.data(), bytes.size());
            }
            if (!decoded) {
                contentStreamsLeftToPoppler++;
                return std::move(stream);
            }
            contentStreamsInflated++;
            buffers.push_back(std::move(*decoded));
            const std::vector<char> &kept = buffers.back();
            Stream *memory = new MemStream(kept.data(), 0, static_cast<Goffset>(kept.size()), Object(new Dict(document->getXRef())));
            return Object(memory);
        };
        if (contents.isStream()) {
            return inflated(std::move(contents));
        }
        if (contents.isArray()) {
            auto *streams = new Array(document->getXRef());
            for (int i = 0; i < contents.arrayGetLength(); i++) {
                streams->add(inflated(contents.arrayGet(i)));
            }
            return Object(streams);
        }
        return contents;
    }

    /// The resources to show `page` with, built the first time a page names its resource
    /// dictionary by reference and kept for the pages after; nullptr for a page whose resources
    /// are inherited or written into it, which gets its own as poppler gives them. Resources
    /// hold nothing of the page they are shown with, only what the dictionary names (fonts,
    /// images, colour spaces, graphics states), so one set serves every page that names them.
    GfxResources *resourcesToShare(Page *page)
    {
        if (!sharesResources) {
            return nullptr;
        }
        Object pageObject = document->getXRef()->fetch(page->getRef());
        if (!pageObject.isDict()) {
            return nullptr;
        }
        const Object &entry = pageObject.dictLookupNF("Resources");
        if (!entry.isRef() || !page->getResourceDict()) {
            return nullptr;
        }
        std::pair<int, int> key(entry.getRefNum(), entry.getRefGen());
        auto found = sharedResources.find(key);
        if (found != sharedResources.end()) {
            return found->second.get();
        }
        auto built = std::make_unique<GfxResources>(document->getXRef(), page->getResourceDict(), nullptr);
        GfxResources *resources = built.get();
        sharedResources.emplace(key, std::move(built));
        return resources;
    }

    size_t readPage(int index, double *width, double *height)
    {
        glyphs.clear();
        fontNames.clear();
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

        MarkedTextOutputDev device(!texts.empty());
        if (!device.isOk()) {
            return 0;
        }
        // What Page::createGfx does for poppler-glib's text calls (72 dpi, crop box, the page's
        // own rotation), with the page's resources shared between pages where they can be.
        PDFRectangle box;
        bool crop = true;
        page->makeBox(72.0, 72.0, rotation, false, device.upsideDown(), -1, -1, -1, -1, &box, &crop);
        if (!crop) {
            crop = box == *page->getCropBox() && device.needClipToCropBox();
        }
        GfxResources *shared = resourcesToShare(page);
        Gfx *gfx = new Gfx(document.get(), &device, index + 1, shared ? nullptr : page->getResourceDict(), 72.0, 72.0, &box,
                           crop ? page->getCropBox() : nullptr, rotation, nullptr, nullptr);
        GfxResources *&stack = gfx->*memberPointer(GfxResourceStack {});
        GfxResources *own = stack;
        if (shared) {
            stack = shared;
            pagesWithSharedResources++;
        }
        // What Page::display does, with the content streams inflated by zlib where it can.
        std::vector<std::vector<char>> buffers;
        Object contents = contentsToShow(page, buffers);
        if (!contents.isNull()) {
            gfx->saveState();
            gfx->display(&contents);
            gfx->restoreState();
        }
        device.endPage();
        // Taken before the Gfx goes: its destructor ends the page again, which would coalesce
        // the text a second time.
        TextPage *text = device.takeText();
        if (shared) {
            // The Gfx deletes its resource stack; the shared resources are taken off it first
            // (with anything a damaged page left pushed above them).
            while (stack && stack != shared) {
                GfxResources *below = stack->getNext();
                delete stack;
                stack = below;
            }
            stack = own;
        }
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
    keepPopplerParameters();
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

const char *scrutiny_pdf_text_information(scrutiny_pdf_text *pdf, const char *key)
{
    std::unique_ptr<GooString> value = pdf->document->getDocInfoStringEntry(key);
    if (!value) {
        return nullptr;
    }
    std::optional<std::string> text = textStringToUTF8(*value);
    if (!text) {
        return nullptr;
    }
    pdf->information = std::move(*text);
    return pdf->information.c_str();
}

long long scrutiny_pdf_text_creation_date(scrutiny_pdf_text *pdf)
{
    std::unique_ptr<GooString> value = pdf->document->getDocInfoCreatDate();
    if (!value) {
        return -1;
    }
    // poppler-glib reads a UTF-16 date as UTF-8 first, and a byte string up to its first NUL.
    std::string date;
    if (value->hasUnicodeMarker()) {
        if (!appendUTF16(date, value->c_str() + 2, value->getLength() - 2, true)) {
            return -1;
        }
    } else {
        date = value->toStr();
    }
    GooString dateString(date.c_str());
    return static_cast<long long>(dateStringToTime(&dateString));
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

void scrutiny_pdf_text_set_inflates_content(scrutiny_pdf_text *pdf, int inflates)
{
    pdf->inflatesContent = inflates != 0;
}

void scrutiny_pdf_text_content_sources(const scrutiny_pdf_text *pdf, size_t *inflated, size_t *left_to_poppler)
{
    *inflated = pdf->contentStreamsInflated;
    *left_to_poppler = pdf->contentStreamsLeftToPoppler;
}

void scrutiny_pdf_text_set_shares_resources(scrutiny_pdf_text *pdf, int shares)
{
    pdf->sharesResources = shares != 0;
}

void scrutiny_pdf_text_resource_sharing(const scrutiny_pdf_text *pdf, size_t *resources_built, size_t *pages_sharing)
{
    *resources_built = pdf->sharedResources.size();
    *pages_sharing = pdf->pagesWithSharedResources;
}

void scrutiny_pdf_text_structure_sources(const scrutiny_pdf_text *pdf, size_t *from_bytes, size_t *from_poppler)
{
    *from_bytes = pdf->structureObjectsFromBytes;
    *from_poppler = pdf->structureObjectsFromPoppler;
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

const uint8_t *scrutiny_pdf_text_render_gray(scrutiny_pdf_text *pdf, int index, double dpi, int *width, int *height,
                                             int *row_bytes)
{
    *width = *height = *row_bytes = 0;
    if (!pdf || index < 0 || index >= pdf->document->getNumPages() || !(dpi > 0)) {
        return nullptr;
    }
    if (!pdf->renderer) {
        SplashColor white;
        white[0] = 0xff;
        pdf->renderer = std::make_unique<SplashOutputDev>(splashModeMono8, 4, false, white);
        pdf->renderer->startDoc(pdf->document.get());
    }
    // poppler counts pages from 1; the page's own /Rotate is applied, as a viewer shows it.
    pdf->document->displayPage(pdf->renderer.get(), index + 1, dpi, dpi, 0, false, true, false);
    SplashBitmap *bitmap = pdf->renderer->getBitmap();
    if (!bitmap || bitmap->getWidth() <= 0 || bitmap->getHeight() <= 0) {
        return nullptr;
    }
    *width = bitmap->getWidth();
    *height = bitmap->getHeight();
    *row_bytes = bitmap->getRowSize();
    return bitmap->getDataPtr();
}

} // extern "C"
