import Testing
@testable import JSONSchema

@Suite struct URIResolutionTests {
    /// RFC 3986 section 5.4 examples.
    @Test("resolves like RFC 3986 5.4", arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("#s", "http://a/b/c/d;p?q#s"), ("", "http://a/b/c/d;p?q"),
        ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../../g", "http://a/g"), ("g;x=1/../y", "http://a/b/c/y"),
    ])
    func resolvesLikeRFC3986(_ reference: String, _ expected: String) {
        #expect(URIText.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func fragmentsResolveAgainstURNs() {
        #expect(URIText.resolve("#/$defs/x", against: "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed")
                == "urn:uuid:deadbeef-1234-ffff-ffff-4321feebdaed#/$defs/x")
    }

    @Test func pointerTokensEscapeTildeAndSlash() {
        #expect(JSONPointer.escape("a/b~c") == "a~1b~0c")
        #expect(JSONPointer.tokens("/a~1b~0c/0") == ["a/b~c", "0"])
        let doc: JSONValue = ["a/b": ["x", "y"]]
        #expect(JSONPointer.resolve("/a~1b/1", in: doc) == "y")
    }
}

@Suite struct ReferenceResolutionTests {
    @Test func percentEncodedPointerReachesItsDefinition() throws {
        let schema = try JSONParser.parse(##"{"$defs":{"a b%":{"type":"integer"}},"$ref":"#/$defs/a%20b%25"}"##)
        let v = try SchemaValidator(schema: schema)
        #expect(v.validate(1).isValid)
        #expect(v.validate("x").errors.first?.keywordLocation == "/$ref/type")
    }

    @Test func remoteReferenceComesFromTheRegistryNeverTheNetwork() throws {
        var registry = SchemaRegistry()
        registry.register(["type": "string", "maxLength": 3], as: "https://example.test/short.json")
        let schema: JSONValue = ["properties": ["code": ["$ref": "https://example.test/short.json"]]]
        let v = try SchemaValidator(schema: schema, registry: registry)
        #expect(v.validate(["code": "GBP"]).isValid)
        let error = try #require(v.validate(["code": "GBPX"]).errors.first)
        #expect(error.instanceLocation == "/code")
        #expect(error.absoluteKeywordLocation == "https://example.test/short.json#/maxLength")
    }

    @Test func unknownReferenceIsATypedCompileError() {
        #expect(throws: SchemaError.self) {
            _ = try SchemaValidator(schema: ["$ref": "https://example.test/missing.json"])
        }
    }

    @Test func dynamicReferenceBindsToTheOutermostAnchor() throws {
        let schema = try JSONParser.parse("""
            {"$id": "https://example.test/strict-list", "$ref": "list", "$defs": {
              "item": {"$dynamicAnchor": "item", "type": "integer"},
              "list": {"$id": "list", "type": "array", "items": {"$dynamicRef": "#item"},
                       "$defs": {"default": {"$dynamicAnchor": "item"}}}}}
            """)
        let v = try SchemaValidator(schema: schema)
        #expect(v.validate([1, 2]).isValid)
        #expect(v.validate([1, "x"]).errors.map(\.instanceLocation) == ["/1"])
    }

    @Test func unevaluatedPropertiesSeesThroughReferencesAndSuccessfulBranches() throws {
        let schema = try JSONParser.parse("""
            {"$ref": "#/$defs/base", "anyOf": [{"properties": {"b": true}, "required": ["b"]}, {"properties": {"c": true}}],
             "unevaluatedProperties": false, "$defs": {"base": {"properties": {"a": true}}}}
            """)
        let v = try SchemaValidator(schema: schema)
        #expect(v.validate(["a": 1, "b": 2, "c": 3]).isValid)
        let errors = v.validate(["a": 1, "d": 4]).errors
        #expect(errors.map(\.instanceLocation) == ["/d"])
        #expect(errors.first?.message == "unexpected property \"d\"")
    }

    @Test func vocabularyWithoutValidationIgnoresAssertions() throws {
        var registry = SchemaRegistry()
        registry.register(try JSONParser.parse("""
            {"$id": "https://example.test/meta", "$vocabulary": {
              "https://json-schema.org/draft/2020-12/vocab/core": true,
              "https://json-schema.org/draft/2020-12/vocab/applicator": true}}
            """), as: "https://example.test/meta")
        let schema: JSONValue = ["$schema": "https://example.test/meta", "properties": ["n": ["minimum": 5]]]
        #expect(try SchemaValidator(schema: schema, registry: registry).validate(["n": 1]).isValid)
        let standard: JSONValue = ["properties": ["n": ["minimum": 5]]]
        #expect(!(try SchemaValidator(schema: standard).validate(["n": 1]).isValid))
    }

    @Test func referenceLoopsReportInsteadOfCrashing() throws {
        let v = try SchemaValidator(schema: ["$defs": ["a": ["$ref": "#/$defs/a"]], "$ref": "#/$defs/a"])
        let result = v.validate(1)
        #expect(!result.isValid)
        #expect(result.errors.first?.message.contains("nest deeper") == true)
    }
}
