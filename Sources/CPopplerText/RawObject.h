// PDF objects read straight from a file's bytes, for the structure tree (see StructureReader.h).
#ifndef SCRUTINY_RAWOBJECT_H
#define SCRUTINY_RAWOBJECT_H

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scrutiny {

/// A PDF object as read from the file: numbers, names and references with their values, strings
/// as present but unread, arrays and dictionaries with their items. References stay references.
struct RawObject
{
    enum class Kind { null, boolean, integer, real, name, string, reference, array, dictionary };

    Kind kind = Kind::null;
    /// An integer's value, or a reference's object number.
    long long number = 0;
    /// A reference's generation number.
    int generation = 0;
    /// A name's bytes, `#xx` escapes decoded.
    std::string name;
    /// An array's items, or a dictionary's values.
    std::vector<RawObject> items;
    /// A dictionary's keys, one per value in `items`.
    std::vector<std::string> keys;

    bool isInt() const { return kind == Kind::integer; }
    bool isReference() const { return kind == Kind::reference; }
    bool isArray() const { return kind == Kind::array; }
    bool isDictionary() const { return kind == Kind::dictionary; }
    bool isName(std::string_view value) const { return kind == Kind::name && std::string_view(name) == value; }

    /// A dictionary's value for `key` (the last one when a file repeats a key, as poppler reads
    /// small dictionaries), or nullptr.
    const RawObject *lookup(std::string_view key) const
    {
        for (size_t i = keys.size(); i > 0; i--) {
            if (std::string_view(keys[i - 1]) == key) {
                return &items[i - 1];
            }
        }
        return nullptr;
    }

    /// Whether this is a dictionary whose /Type is the name `type` (given directly).
    bool isDictionary(std::string_view type) const
    {
        if (kind != Kind::dictionary) {
            return false;
        }
        const RawObject *value = lookup("Type");
        return value && value->isName(type);
    }
};

/// Each byte's class in PDF syntax (PDF 32000-1, 7.2.2): white space, delimiter, or regular.
struct CharacterClasses
{
    enum : unsigned char { regular = 0, whiteSpace = 1, delimiter = 2 };
    unsigned char of[256] {};

    constexpr CharacterClasses()
    {
        const char spaces[] = { 0, '\t', '\n', '\f', '\r', ' ' };
        for (char c : spaces) {
            of[static_cast<unsigned char>(c)] = whiteSpace;
        }
        const char delimiters[] = "()<>[]{}/%";
        for (size_t i = 0; delimiters[i] != 0; i++) {
            of[static_cast<unsigned char>(delimiters[i])] = delimiter;
        }
    }
};
inline constexpr CharacterClasses characterClasses {};

/// Reads one indirect object ("12 0 obj ... endobj") from a file's bytes. It knows the common
/// syntax only; anything else (streams included) makes `read` fail, and the caller asks
/// poppler instead. Strings are skipped, not decoded.
class RawObjectReader
{
public:
    RawObjectReader(const char *bytesA, size_t lengthA) : bytes(bytesA), length(lengthA) { }

    /// The object `number` `generation` whose header starts at `offset`; false when the bytes
    /// there are not that object or hold syntax this reader leaves to poppler.
    bool read(size_t offset, int number, int generation, RawObject &out)
    {
        if (offset >= length) {
            return false;
        }
        position = offset;
        out = RawObject();
        long long headerNumber = 0, headerGeneration = 0;
        if (!integer(headerNumber) || !integer(headerGeneration) || !keyword("obj")) {
            return false;
        }
        if (headerNumber != number || headerGeneration != generation) {
            return false;
        }
        // A stream is not a dictionary to poppler; those are left to it.
        return value(out, 0) && !keyword("stream");
    }

private:
    const char *bytes;
    size_t length;
    size_t position = 0;

    static constexpr int maximumDepth = 64;

    static bool isWhiteSpace(unsigned char c) { return characterClasses.of[c] == CharacterClasses::whiteSpace; }
    static bool isDelimiter(unsigned char c) { return characterClasses.of[c] == CharacterClasses::delimiter; }
    static bool isRegular(unsigned char c) { return characterClasses.of[c] == CharacterClasses::regular; }
    static bool isDigit(unsigned char c) { return c >= '0' && c <= '9'; }
    static int hexValue(unsigned char c)
    {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    unsigned char peek(size_t ahead = 0) const { return position + ahead < length ? static_cast<unsigned char>(bytes[position + ahead]) : 0; }
    bool atEnd() const { return position >= length; }

    /// Skips white space and comments.
    void skipSpace()
    {
        while (position < length) {
            unsigned char c = static_cast<unsigned char>(bytes[position]);
            if (isWhiteSpace(c)) {
                position++;
            } else if (c == '%') {
                while (position < length && bytes[position] != '\n' && bytes[position] != '\r') {
                    position++;
                }
            } else {
                return;
            }
        }
    }

    /// A keyword such as "obj" or "true", ending at a delimiter or white space.
    bool keyword(const char *word)
    {
        skipSpace();
        size_t start = position;
        for (const char *c = word; *c; c++) {
            if (atEnd() || bytes[position] != *c) {
                position = start;
                return false;
            }
            position++;
        }
        if (!atEnd() && isRegular(peek())) {
            position = start;
            return false;
        }
        return true;
    }

    /// An unsigned run of digits as an integer (no sign, no fraction), ending at a delimiter
    /// or white space.
    bool integer(long long &out)
    {
        skipSpace();
        size_t start = position;
        long long value = 0;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            if (value > 100000000000LL) {
                position = start;
                return false;
            }
            value = value * 10 + (peek() - '0');
            position++;
        }
        if (position == start || (!atEnd() && isRegular(peek()))) {
            position = start;
            return false;
        }
        out = value;
        return true;
    }

    /// A number: an integer (or, with "G R" after it, a reference) or a real.
    bool numberOrReference(RawObject &out)
    {
        const unsigned char *at = reinterpret_cast<const unsigned char *>(bytes) + position;
        const unsigned char *end = reinterpret_cast<const unsigned char *>(bytes) + length;
        bool negative = false, fraction = false, digits = false;
        if (*at == '+' || *at == '-') {
            negative = *at == '-';
            at++;
        }
        long long value = 0;
        for (; at < end; at++) {
            unsigned char c = *at;
            if (isDigit(c)) {
                digits = true;
                if (!fraction) {
                    if (value > 100000000LL) {
                        return false; // poppler turns very long integers into reals; leave those to it
                    }
                    value = value * 10 + (c - '0');
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else if (c == '.') {
                return false;
            } else {
                break;
            }
        }
        if (!digits || (at < end && isRegular(*at))) {
            return false;
        }
        position = static_cast<size_t>(at - reinterpret_cast<const unsigned char *>(bytes));
        if (fraction) {
            out.kind = RawObject::Kind::real;
            return true;
        }
        out.kind = RawObject::Kind::integer;
        out.number = negative ? -value : value;
        if (negative) {
            return true;
        }
        // "12 0 R" is a reference.
        size_t afterNumber = position;
        long long generation = 0;
        if (integer(generation) && keyword("R")) {
            if (generation > 65535) {
                return false;
            }
            out.kind = RawObject::Kind::reference;
            out.generation = static_cast<int>(generation);
            return true;
        }
        position = afterNumber;
        return true;
    }

    /// A name; false for a malformed escape or a name longer than poppler reads whole.
    bool name(std::string &out)
    {
        position++; // the slash
        out.clear();
        size_t start = position;
        while (!atEnd() && isRegular(peek()) && peek() != '#') {
            position++;
        }
        out.assign(bytes + start, position - start);
        while (!atEnd() && isRegular(peek())) {
            unsigned char c = peek();
            if (c == '#') {
                int high = hexValue(peek(1)), low = hexValue(peek(2));
                if (high < 0 || low < 0 || (high == 0 && low == 0)) {
                    return false;
                }
                out.push_back(static_cast<char>(high * 16 + low));
                position += 3;
            } else {
                out.push_back(static_cast<char>(c));
                position++;
            }
        }
        return out.size() <= 127;
    }

    /// Skips a literal string, balanced parentheses and escapes included.
    bool literalString()
    {
        position++; // the opening parenthesis
        int depth = 1;
        while (!atEnd()) {
            char c = bytes[position++];
            if (c == '\\') {
                position++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return true;
            }
        }
        return false;
    }

    /// Skips a hexadecimal string.
    bool hexString()
    {
        position++; // the angle bracket
        while (!atEnd()) {
            unsigned char c = static_cast<unsigned char>(bytes[position++]);
            if (c == '>') {
                return true;
            }
            if (!isWhiteSpace(c) && hexValue(c) < 0) {
                return false;
            }
        }
        return false;
    }

    bool value(RawObject &out, int depth)
    {
        if (depth > maximumDepth) {
            return false;
        }
        skipSpace();
        if (atEnd()) {
            return false;
        }
        unsigned char c = peek();
        out.kind = RawObject::Kind::null;
        out.keys.clear();
        out.items.clear();
        if (c == '/') {
            out.kind = RawObject::Kind::name;
            return name(out.name);
        }
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            return numberOrReference(out);
        }
        if (c == '(') {
            out.kind = RawObject::Kind::string;
            return literalString();
        }
        if (c == '<' && peek(1) == '<') {
            position += 2;
            out.kind = RawObject::Kind::dictionary;
            out.keys.reserve(8);
            out.items.reserve(8);
            while (true) {
                skipSpace();
                if (atEnd()) {
                    return false;
                }
                if (peek() == '>' && peek(1) == '>') {
                    position += 2;
                    return true;
                }
                if (peek() != '/') {
                    return false;
                }
                // Each key and value is read in place; a failure abandons the whole object.
                if (!name(out.keys.emplace_back())) {
                    return false;
                }
                if (!value(out.items.emplace_back(), depth + 1)) {
                    return false;
                }
            }
        }
        if (c == '<') {
            out.kind = RawObject::Kind::string;
            return hexString();
        }
        if (c == '[') {
            position++;
            out.kind = RawObject::Kind::array;
            while (true) {
                skipSpace();
                if (atEnd()) {
                    return false;
                }
                if (peek() == ']') {
                    position++;
                    return true;
                }
                if (!value(out.items.emplace_back(), depth + 1)) {
                    return false;
                }
            }
        }
        if (keyword("null")) {
            return true;
        }
        if (keyword("true") || keyword("false")) {
            out.kind = RawObject::Kind::boolean;
            return true;
        }
        return false;
    }
};

} // namespace scrutiny

#endif
