import Foundation

/// A deliberately unforgiving RFC 4180 reader, so the tests catch any looseness in the writer.
///
/// It rejects: a quote inside an unquoted field, anything but a comma or CRLF after a closing
/// quote, a CR or LF that is not part of a CRLF record end (outside quotes), a last record without
/// its CRLF, invalid UTF-8, and any record whose field count differs from the header's.
struct StrictCSVReader {
    struct Violation: Error, CustomStringConvertible {
        let offset: Int
        let problem: String
        var description: String { "byte \(offset): \(problem)" }
    }

    /// The parsed file: the header row and the data rows.
    struct Table {
        let header: [String]
        let rows: [[String]]

        /// The rows as dictionaries keyed by header name.
        var records: [[String: String]] {
            rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        }

        func column(_ name: String) -> [String] {
            guard let position = header.firstIndex(of: name) else { return [] }
            return rows.map { $0[position] }
        }
    }

    /// Parses `data`; a UTF-8 byte order mark is accepted (and dropped) only when `allowBOM`.
    static func parse(_ data: Data, allowBOM: Bool = false) throws -> Table {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard allowBOM else { throw Violation(offset: 0, problem: "unexpected byte order mark") }
            bytes.removeFirst(3)
        }
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Violation(offset: 0, problem: "not UTF-8") }
        guard !bytes.isEmpty else { throw Violation(offset: 0, problem: "empty file: no header") }

        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var position = 0
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

        func finishField() { record.append(String(decoding: field, as: UTF8.self)); field.removeAll() }

        while position < bytes.count {
            // At the start of a field.
            if bytes[position] == quote {
                position += 1
                while true {
                    guard position < bytes.count else { throw Violation(offset: position, problem: "unterminated quoted field") }
                    if bytes[position] == quote {
                        if position + 1 < bytes.count && bytes[position + 1] == quote {
                            field.append(quote)
                            position += 2
                        } else {
                            position += 1
                            break
                        }
                    } else {
                        field.append(bytes[position])
                        position += 1
                    }
                }
            } else {
                while position < bytes.count, bytes[position] != comma, bytes[position] != cr {
                    if bytes[position] == quote { throw Violation(offset: position, problem: "bare quote in unquoted field") }
                    if bytes[position] == lf { throw Violation(offset: position, problem: "bare LF (records must end in CRLF)") }
                    field.append(bytes[position])
                    position += 1
                }
            }
            // After a field: a comma, or CRLF, and nothing else.
            guard position < bytes.count else { throw Violation(offset: position, problem: "last record does not end in CRLF") }
            if bytes[position] == comma {
                finishField()
                position += 1
                if position == bytes.count { throw Violation(offset: position, problem: "file ends after a comma") }
            } else if bytes[position] == cr {
                guard position + 1 < bytes.count, bytes[position + 1] == lf else {
                    throw Violation(offset: position, problem: "bare CR (records must end in CRLF)")
                }
                finishField()
                records.append(record)
                record.removeAll()
                position += 2
            } else {
                throw Violation(offset: position, problem: "text after a closing quote")
            }
        }

        let header = records.removeFirst()
        for (number, row) in records.enumerated() where row.count != header.count {
            throw Violation(offset: 0, problem: "record \(number + 1) has \(row.count) fields, header has \(header.count)")
        }
        return Table(header: header, rows: records)
    }
}
