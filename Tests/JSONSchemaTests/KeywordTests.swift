import Testing
@testable import JSONSchema

@Suite struct KeywordTests {
    @Test func typeErrorSaysExpectedAndGot() throws {
        let v = try SchemaValidator(schema: ["properties": ["amount": ["type": "number"]]])
        let error = try #require(v.validate(["amount": "12"]).errors.first)
        #expect(error.message == "expected number, got string")
        #expect(error.instanceLocation == "/amount")
        #expect(error.keywordLocation == "/properties/amount/type")
        #expect(error.description(file: "r.json") == "r.json: /amount: expected number, got string (schema: #/properties/amount/type)")
    }

    @Test func stringLengthsCountCodePointsNotBytes() throws {
        let v = try SchemaValidator(schema: ["minLength": 3, "maxLength": 3])
        #expect(v.validate("\u{E9}\u{E9}\u{E9}").isValid)  // 6 bytes, 3 code points
        #expect(v.validate("\u{1F600}\u{1F600}\u{1F600}").isValid)  // 12 bytes
        #expect(v.validate("\u{E9}\u{E9}").errors.map(\.message) == ["string has 2 characters; at least 3 are required"])
        #expect(v.validate("abcd").errors.map(\.message) == ["string has 4 characters; at most 3 are allowed"])
        #expect(v.validate("\u{1F600}\u{1F600}\u{1F600}\u{1F600}").errors.map(\.message)
                == ["string has 4 characters; at most 3 are allowed"])
    }

    @Test func everyErrorOfAnInvalidInstanceIsStillReported() throws {
        // The quick valid-or-not pass comes first; an invalid instance must still get all its errors.
        let v = try SchemaValidator(schema: ["items": ["type": "string", "minLength": 1], "maxItems": 2])
        #expect(v.validate(["a", "b"]).isValid)
        let errors = v.validate(["a", "", 3]).errors
        #expect(errors.map(\.instanceLocation) == ["", "/1", "/2"])
        #expect(errors.map(\.keywordLocation) == ["/maxItems", "/items/minLength", "/items/type"])
    }

    @Test func nullableTypeNamesBothTypes() throws {
        let v = try SchemaValidator(schema: ["type": ["string", "null"]])
        #expect(v.validate(nil).isValid)
        #expect(v.validate(3).errors.first?.message == "expected null or string, got integer")
    }

    @Test func everyMissingRequiredPropertyIsReported() throws {
        let v = try SchemaValidator(schema: ["required": ["a", "b", "c"]])
        #expect(v.validate(["b": 1]).errors.map(\.message) == ["missing required property \"a\"", "missing required property \"c\""])
    }

    @Test func additionalPropertyErrorPointsAtTheProperty() throws {
        let v = try SchemaValidator(schema: ["properties": ["a": true], "patternProperties": ["^x-": true],
                                             "additionalProperties": false])
        #expect(v.validate(["a": 1, "x-note": 2]).isValid)
        let errors = v.validate(["a": 1, "a/b": 2]).errors
        #expect(errors.map(\.instanceLocation) == ["/a~1b"])
        #expect(errors.first?.keywordLocation == "/additionalProperties")
    }

    @Test func patternsUseECMAScriptClasses() throws {
        let digits = try SchemaValidator(schema: ["pattern": "^\\d+$"])
        #expect(digits.validate("2024").isValid)
        #expect(!digits.validate("\u{09EA}\u{09E8}").isValid)  // Bengali digits are not \d in ECMA-262
        let word = try SchemaValidator(schema: ["pattern": "^\\w+$"])
        #expect(!word.validate("caf\u{E9}").isValid)
        let letters = try SchemaValidator(schema: ["pattern": "^\\p{L}+$"])
        #expect(letters.validate("caf\u{E9}").isValid)
    }

    @Test func invalidPatternIsACompileError() {
        #expect(throws: SchemaError.self) { _ = try SchemaValidator(schema: ["pattern": "(unclosed"]) }
    }

    @Test func formatIsAnAnnotationUnlessAssertionIsOn() throws {
        let schema: JSONValue = ["format": "date"]
        #expect(try SchemaValidator(schema: schema).validate("2024-02-30").isValid)
        let asserting = try SchemaValidator(schema: schema, options: ValidationOptions(formatAssertion: true))
        #expect(asserting.validate("2024-02-29").isValid)
        #expect(!asserting.validate("2023-02-29").isValid)
        #expect(asserting.validate("2023-02-29").errors.first?.message == "\"2023-02-29\" is not a valid date")
    }

    @Test("format checkers", arguments: [
        ("email", "a.officer@example.gov.uk", true), ("email", "no-at-sign", false),
        ("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true), ("uuid", "2eb8aa08-aa98-11ea-b4aa", false),
        ("ipv4", "192.168.0.1", true), ("ipv4", "256.1.1.1", false), ("ipv6", "::1", true), ("ipv6", "1:::2", false),
        ("date-time", "2024-03-07T10:00:00Z", true), ("date-time", "2024-03-07 10:00", false),
        ("duration", "P1Y2M", true), ("duration", "PT", false), ("uri", "https://x.test/a?b#c", true), ("uri", "/rel", false),
        ("hostname", "council.gov.uk", true), ("hostname", "-bad.example", false),
        ("json-pointer", "/a~1b", true), ("json-pointer", "/a~2", false), ("regex", "^[a-z]+$", true), ("regex", "(", false),
    ])
    func formatCheckers(_ format: String, _ text: String, _ valid: Bool) {
        #expect(FormatChecker.check(format, .string(text)) == valid)
    }

    @Test func oneOfReportsHowManyMatched() throws {
        let v = try SchemaValidator(schema: ["oneOf": [["type": "integer"], ["minimum": 0]]])
        #expect(v.validate(-1).isValid)
        #expect(v.validate(1).errors.first?.message == "value matches alternatives 0, 1; exactly one must match")
    }

    @Test func compiledValidatorIsReusedAcrossInstancesAndTasks() async throws {
        let v = try SchemaValidator(schema: ["type": "array", "items": ["type": ["integer", "string"], "minimum": 0,
                                                                        "pattern": "^[A-Z]{3}$"]])
        let verdicts = await withTaskGroup(of: Bool.self) { group in
            for k in 0..<50 { group.addTask { v.isValid([1, "GBP", k % 2 == 0 ? "EUR" : "euro"]) } }
            var out: [Bool] = []
            for await x in group { out.append(x) }
            return out
        }
        #expect(verdicts.filter { $0 }.count == 25)
    }
}
