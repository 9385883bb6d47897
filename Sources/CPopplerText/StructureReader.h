// A tagged PDF's structure tree read straight from its objects (see PageText.cpp).
#ifndef SCRUTINY_STRUCTUREREADER_H
#define SCRUTINY_STRUCTUREREADER_H

#include "CPopplerText.h"

#include <PDFDoc.h>
#include <Array.h>
#include <Dict.h>
#include <Object.h>
#include <StructElement.h>
#include <XRef.h>

#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace scrutiny {

/// What poppler's StructTreeRoot says an element is (for checking ``StructureReader``).
inline scrutiny_node_kind kindOf(const StructElement *element)
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
inline const std::unordered_map<std::string, scrutiny_node_kind> &standardTypes()
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

} // namespace scrutiny

#endif
