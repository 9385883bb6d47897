import Foundation
import JSONSchema

/// One line of the state journal: a ``StateEntry`` written and read by hand, because a nightly
/// run over a large archive reads and checks every line before it does anything else.
///
/// The bytes are those `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`
/// (keys in byte order, absent optionals left out), so journals written before stay compact.
enum StateLine {
    /// The line for `entry`, newline included.
    static func encode(_ entry: StateEntry, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"document_id":"#.utf8)
        string(entry.documentID, into: &out)
        out.append(contentsOf: #","file":"#.utf8)
        string(entry.file, into: &out)
        if let items = entry.items {
            out.append(contentsOf: #","items":["#.utf8)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                string(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: #","report_file":"#.utf8)
        string(entry.reportFile, into: &out)
        out.append(contentsOf: #","sha256":"#.utf8)
        string(entry.sha256, into: &out)
        if let stamp = entry.stamp {
            out.append(contentsOf: #","stamp":{"modified":"#.utf8)
            out.append(contentsOf: String(stamp.modified).utf8)
            out.append(contentsOf: #","size":"#.utf8)
            out.append(contentsOf: String(stamp.size).utf8)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "}\n".utf8)
    }

    /// The entry a line holds, `nil` for a line that is not one (torn by a kill, or blank).
    static func decode(_ line: some ContiguousBytes) -> StateEntry? {
        guard let value = try? JSONParser.parse(bytes: line), let object = value.objectValue,
              let file = object["file"]?.stringValue, let sha256 = object["sha256"]?.stringValue,
              let documentID = object["document_id"]?.stringValue, let reportFile = object["report_file"]?.stringValue
        else { return nil }
        var items: [String]?
        if let list = object["items"] {
            guard let values = list.arrayValue?.compactMap(\.stringValue), values.count == list.arrayValue?.count else { return nil }
            items = values
        }
        var stamp: FileStamp?
        if let value = object["stamp"] {
            guard let size = value["size"]?.numberValue.flatMap({ Int64($0.literal) }),
                  let modified = value["modified"]?.numberValue.flatMap({ Int64($0.literal) }) else { return nil }
            stamp = FileStamp(size: size, modified: modified)
        }
        return StateEntry(file: file, sha256: sha256, documentID: documentID, reportFile: reportFile, items: items, stamp: stamp)
    }

    /// `text` as a JSON string: `"` and `\` escaped, control characters as `JSONEncoder` writes them.
    private static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
            case 0x08: out.append(contentsOf: #"\b"#.utf8)
            case 0x0C: out.append(contentsOf: #"\f"#.utf8)
            case 0x0A: out.append(contentsOf: #"\n"#.utf8)
            case 0x0D: out.append(contentsOf: #"\r"#.utf8)
            case 0x09: out.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
