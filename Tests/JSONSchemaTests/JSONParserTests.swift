import Foundation
import Testing
@testable import JSONSchema

@Suite struct JSONParserTests {
    @Test func objectKeyOrderSurvivesARoundTrip() throws {
        let text = #"{"zeta":1,"alpha":[true,false,null],"mid":{"b":"x","a":-0.5e3}}"#
        let value = try JSONParser.parse(text)
        #expect(value.jsonText == text)
        #expect(value.objectValue?.keys == ["zeta", "alpha", "mid"])
    }

    @Test func longIndentsAndLongStringsWithEscapesAtEveryOffsetParse() throws {
        // The scanner skips spaces and plain string bytes eight at a time; an escape, quote or
        // control byte at any position of a word must still be seen.
        for offset in 0..<17 {
            let plain = String(repeating: "a", count: offset)
            let indent = String(repeating: " ", count: offset + 3)
            let text = "{\n\(indent)\"k\(plain)\" :\(indent)\"\(plain)\\n\(plain)\\\"\(plain)\"\n\(indent)}"
            let value = try JSONParser.parse(text)
            #expect(value["k" + plain] == .string(plain + "\n" + plain + "\"" + plain), "offset \(offset)")
            #expect(throws: JSONParseError.self) { try JSONParser.parse("\"\(plain)\u{01}\(plain)\"") }
        }
    }

    @Test func integralFloatEqualsInteger() throws {
        #expect(try JSONParser.parse("1.0") == JSONParser.parse("1"))
        #expect(try JSONParser.parse("1.0").typeName == "integer")
        #expect(try JSONParser.parse("[1e2]") == JSONParser.parse("[100]"))
    }

    @Test func bigIntegersCompareExactly() throws {
        let a = try #require(JSONParser.parse("18446744073709551615").numberValue)
        let b = try #require(JSONParser.parse("18446744073709551600").numberValue)
        #expect(a.double == b.double)  // a Double cannot tell them apart...
        #expect(a != b)  // ...the literal can.
        #expect(JSONNumber.compare(b, a) == .orderedAscending)
    }

    @Test func decimalMultipleOfIsExact() throws {
        let price = try #require(JSONNumber(literal: "19.99"))
        let cent = try #require(JSONNumber(literal: "0.01"))
        #expect((19.99 / 0.01).rounded() != 19.99 / 0.01)  // binary floating point gets this wrong
        #expect(price.isMultiple(of: cent))
        #expect(!(try #require(JSONNumber(literal: "19.995"))).isMultiple(of: cent))
    }

    @Test func duplicateKeysFollowThePolicy() throws {
        let text = #"{"a":1,"b":2,"a":3}"#
        let last = try JSONParser.parse(text)
        #expect(last["a"] == 3)
        #expect(last.objectValue?.keys == ["a", "b"])
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text, duplicateKeys: .reject) }
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let value = try JSONParser.parse(#""tab\there \u00e9 \ud83d\ude00 \/""#)
        #expect(value == .string("tab\there é 😀 /"))
    }

    @Test("malformed JSON is rejected", arguments: ["01", "[1,]", "{\"a\" 1}", "\"a\u{01}\"", "[1] x", "tru", "-", "1.", "{'a':1}"])
    func malformedJSONIsRejected(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func parseErrorsSayWhere() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": [1, 2,,]\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 14)  // the second comma
        }
    }

    @Test func stringsCompareByCodePointsNotCanonicalEquivalence() {
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
    }

    @Test func objectsCompareWithoutRegardToOrder() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":[2]}"#) == JSONParser.parse(#"{"b":[2.0],"a":1}"#))
        #expect(try JSONParser.parse(#"{"a":1}"#) != JSONParser.parse(#"{"a":1,"b":2}"#))
    }
}
