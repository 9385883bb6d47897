// poppler's text device, also filing every character shown inside marked content under the
// marked-content ids open around it (see PageText.cpp).
#ifndef SCRUTINY_MARKEDTEXTOUTPUTDEV_H
#define SCRUTINY_MARKEDTEXTOUTPUTDEV_H

#include <Dict.h>
#include <GfxState.h>
#include <TextOutputDev.h>

#include <cmath>
#include <string>
#include <unordered_map>
#include <vector>

namespace scrutiny {

/// Appends `scalar` to `out` as UTF-8 (U+FFFD for values that are not Unicode scalars).
inline void appendUTF8(std::string &out, Unicode scalar)
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
    /// With `filesMarkedTextA` false it is poppler's text device alone (no structure tree to feed).
    explicit MarkedTextOutputDev(bool filesMarkedTextA) : TextOutputDev(nullptr, true, 0, false, false), filesMarkedText(filesMarkedTextA) { }

    /// Text per marked-content id on the page last shown.
    std::unordered_map<int, std::string> texts;

    void startPage(int pageNum, GfxState *state, XRef *xref) override
    {
        texts.clear();
        open.clear();
        targets.clear();
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
        findTargets();
        TextOutputDev::beginMarkedContent(name, properties);
    }

    void endMarkedContent(GfxState *state) override
    {
        if (!open.empty()) {
            open.pop_back();
            findTargets();
        }
        TextOutputDev::endMarkedContent(state);
    }

    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode code, int nBytes, const Unicode *u, int uLen) override
    {
        TextOutputDev::drawChar(state, x, y, dx, dy, originX, originY, code, nBytes, u, uLen);
        if (targets.empty() || uLen == 0) {
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
        // Every id open around the character gets it, once (nested pieces belong to their
        // parents too): `targets` holds their texts, found when the marked content changed.
        for (std::string *target : targets) {
            for (int i = 0; i < uLen; i++) {
                if (u[i] != 0x00AD) { // a soft hyphen is invisible
                    appendUTF8(*target, u[i]);
                }
            }
        }
    }

private:
    /// The texts of the distinct marked-content ids now open, outermost first (none when the
    /// device files no marked text). Pointers into `texts` stay valid as it grows.
    void findTargets()
    {
        targets.clear();
        if (!filesMarkedText) {
            return;
        }
        for (size_t i = 0; i < open.size(); i++) {
            int id = open[i];
            bool seen = id < 0;
            for (size_t j = 0; j < i && !seen; j++) {
                seen = open[j] == id;
            }
            if (!seen) {
                targets.push_back(&texts[id]);
            }
        }
    }

    bool filesMarkedText;
    std::vector<int> open;
    std::vector<std::string *> targets;
    int formDepth = 0;
    double pageWidth = 0;
    double pageHeight = 0;
};

} // namespace scrutiny

#endif
