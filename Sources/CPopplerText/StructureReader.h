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

#include "RawObject.h"

#include <cstring>
#include <strings.h>
#include <optional>
#include <unordered_set>
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
///
/// Elements are read from the file's bytes with ``RawObjectReader`` where the cross-reference
/// table gives their place and the file is not encrypted; anything else (objects in object
/// streams, unusual syntax) is fetched by poppler. Both give the same ``RawObject``.
class StructureReader
{
public:
    /// `bytes` are the document's file, as its stream reads them.
    StructureReader(PDFDoc *documentA, const char *bytes, size_t length)
        : document(documentA), xref(documentA->getXRef()), raw(bytes, length), readsBytes(bytes && !xref->isEncrypted())
    {
    }

    std::vector<scrutiny_structure_node> nodes;

    void read()
    {
        Object catalog = xref->getCatalog();
        if (!catalog.isDict()) {
            return;
        }
        Object root = catalog.dictLookup("StructTreeRoot");
        if (!root.isDict("StructTreeRoot")) {
            return;
        }
        roleMap = root.dictLookup("RoleMap");
        RawObject entry = converted(root.dictLookupNF("K")), held;
        const RawObject &kids = resolved(entry, held);
        if (kids.isArray()) {
            for (const RawObject &reference : kids.items) {
                if (reference.isReference()) {
                    seen.insert(static_cast<int>(reference.number));
                }
                RawObject heldKid;
                const RawObject &kid = resolved(reference, heldKid);
                if (kid.isDictionary()) {
                    element(kid, std::nullopt);
                }
            }
        } else if (kids.isDictionary()) {
            element(kids, std::nullopt);
        }
    }

    /// How many objects were read from the bytes and how many by poppler (for tests).
    size_t objectsReadFromBytes = 0;
    size_t objectsFetchedByPoppler = 0;

private:
    PDFDoc *document;
    XRef *xref;
    RawObjectReader raw;
    bool readsBytes;
    Object roleMap;
    std::unordered_set<int> seen;
    std::unordered_map<int, int> pageIndexByObject;
    std::unordered_map<std::string, std::optional<scrutiny_node_kind>> kindByName;

    /// A poppler object as a ``RawObject`` (references kept, not followed).
    static RawObject converted(const Object &object)
    {
        RawObject out;
        switch (object.getType()) {
        case objBool:
            out.kind = RawObject::Kind::boolean;
            break;
        case objInt:
            out.kind = RawObject::Kind::integer;
            out.number = object.getInt();
            break;
        case objReal:
        case objInt64:
            out.kind = RawObject::Kind::real;
            break;
        case objString:
        case objHexString:
            out.kind = RawObject::Kind::string;
            break;
        case objName:
            out.kind = RawObject::Kind::name;
            out.name = object.getName();
            break;
        case objRef:
            out.kind = RawObject::Kind::reference;
            out.number = object.getRefNum();
            out.generation = object.getRefGen();
            break;
        case objArray:
            out.kind = RawObject::Kind::array;
            for (int i = 0; i < object.arrayGetLength(); i++) {
                out.items.push_back(converted(object.arrayGetNF(i)));
            }
            break;
        case objDict:
            out.kind = RawObject::Kind::dictionary;
            for (int i = 0; i < object.dictGetLength(); i++) {
                out.keys.emplace_back(object.dictGetKey(i));
                out.items.push_back(converted(object.dictGetValNF(i)));
            }
            break;
        default: // null, streams and anything else poppler does not see as a dictionary
            break;
        }
        return out;
    }

    /// The object a reference names, read into `holder` (from the bytes where possible); any
    /// other object is itself.
    const RawObject &resolved(const RawObject &object, RawObject &holder)
    {
        if (!object.isReference()) {
            return object;
        }
        int number = static_cast<int>(object.number);
        if (readsBytes && number >= 0 && number < xref->getNumObjects()) {
            const XRefEntry *entry = xref->getEntry(number, false);
            if (entry->type == xrefEntryUncompressed && entry->gen == object.generation && entry->offset >= 0
                && raw.read(static_cast<size_t>(entry->offset), number, object.generation, holder)) {
                objectsReadFromBytes++;
                return holder;
            }
        }
        objectsFetchedByPoppler++;
        holder = converted(xref->fetch(number, object.generation));
        return holder;
    }

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

    /// A standard type spelt in another case, as some Word exports write "Lbody" for "LBody":
    /// without it the element and all its text would be dropped.
    static std::optional<scrutiny_node_kind> standardIgnoringCase(const std::string &name)
    {
        for (const auto &entry : standardTypes()) {
            if (strcasecmp(entry.first.c_str(), name.c_str()) == 0) {
                return entry.second;
            }
        }
        return std::nullopt;
    }

    /// A type name through the role map (which may chain names) to a standard type.
    std::optional<scrutiny_node_kind> mapped(const char *name, const char *current, int depth)
    {
        if ((current && std::strcmp(name, current) == 0) || depth > 32) {
            return std::nullopt;
        }
        Object resolvedName = roleMap.dictLookup(current ? current : name);
        if (!resolvedName.isName()) {
            return std::nullopt;
        }
        auto kind = standard(resolvedName.getName());
        return kind ? kind : mapped(name, resolvedName.getName(), depth + 1);
    }

    /// A structure type's kind (role map first, then the standard types); remembered per name.
    std::optional<scrutiny_node_kind> kindOf(const std::string &name)
    {
        auto found = kindByName.find(name);
        if (found != kindByName.end()) {
            return found->second;
        }
        std::optional<scrutiny_node_kind> kind;
        if (roleMap.isDict()) {
            kind = mapped(name.c_str(), nullptr, 0);
        }
        if (!kind) {
            kind = standard(name.c_str());
        }
        if (!kind) {
            kind = standardIgnoringCase(name);
        }
        kindByName.emplace(name, kind);
        return kind;
    }

    static std::optional<Ref> ownPage(const RawObject *page, const std::optional<Ref> &inherited)
    {
        if (page && page->isReference()) {
            return Ref { static_cast<int>(page->number), page->generation };
        }
        return inherited;
    }

    void element(const RawObject &dict, const std::optional<Ref> &parentPage)
    {
        RawObject held;
        if (const RawObject *type = dict.lookup("Type")) {
            const RawObject &value = resolved(*type, held);
            if (value.kind != RawObject::Kind::null && !value.isName("StructElem")) {
                return;
            }
        }
        const RawObject *parent = dict.lookup("P");
        if (!parent || !parent->isReference()) {
            return;
        }
        const RawObject *typeName = dict.lookup("S");
        if (!typeName) {
            return;
        }
        const RawObject &name = resolved(*typeName, held);
        if (name.kind != RawObject::Kind::name) {
            return;
        }
        std::optional<scrutiny_node_kind> kind = kindOf(name.name);
        if (!kind) {
            return;
        }
        std::optional<Ref> page = ownPage(dict.lookup("Pg"), parentPage);
        size_t index = nodes.size();
        nodes.push_back({ *kind, pageIndex(page), 1, -1 });
        if (const RawObject *kidsEntry = dict.lookup("K")) {
            RawObject heldKids;
            const RawObject &kids = resolved(*kidsEntry, heldKids);
            if (kids.isArray()) {
                RawObject heldKid;
                for (const RawObject &reference : kids.items) {
                    child(reference, resolved(reference, heldKid), page);
                }
            } else if (kids.isDictionary() || kids.isInt()) {
                child(*kidsEntry, kids, page);
            }
        }
        nodes[index].subtree_size = static_cast<int>(nodes.size() - index);
    }

    void child(const RawObject &reference, const RawObject &kid, const std::optional<Ref> &page)
    {
        if (kid.isInt()) {
            nodes.push_back({ SCRUTINY_NODE_CONTENT, pageIndex(page), 1, static_cast<int>(kid.number) });
        } else if (kid.isDictionary("MCR")) {
            const RawObject *mcidEntry = kid.lookup("MCID");
            if (mcidEntry) {
                RawObject heldMCID;
                const RawObject &mcid = resolved(*mcidEntry, heldMCID);
                if (mcid.isInt()) {
                    nodes.push_back({ SCRUTINY_NODE_CONTENT, pageIndex(ownPage(kid.lookup("Pg"), page)), 1, static_cast<int>(mcid.number) });
                }
            }
        } else if (kid.isDictionary("OBJR")) {
            const RawObject *object = kid.lookup("Obj");
            if (object && object->isReference()) {
                nodes.push_back({ SCRUTINY_NODE_CONTENT, pageIndex(ownPage(kid.lookup("Pg"), page)), 1, -1 });
            }
        } else if (kid.isDictionary() && reference.isReference() && seen.insert(static_cast<int>(reference.number)).second) {
            element(kid, page);
        }
    }
};

} // namespace scrutiny

#endif
