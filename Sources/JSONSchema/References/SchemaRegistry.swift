import Foundation

/// Schema documents a validator may reference, keyed by absolute URI. Filled by the caller;
/// nothing is ever fetched from the network.
public struct SchemaRegistry: Sendable {
    var documents: [String: JSONValue] = [:]

    /// A registry holding the draft 2020-12 meta-schemas (when `includeMetaSchemas`).
    public init(includeMetaSchemas: Bool = true) {
        if includeMetaSchemas { documents = Self.metaSchemas }
    }

    /// The embedded meta-schemas, parsed once per process.
    private static let metaSchemas: [String: JSONValue] = {
        var out: [String: JSONValue] = [:]
        for (uri, text) in MetaSchemas2020_12.documents {
            // The embedded texts are generated from valid JSON; a failure here is a build defect.
            guard let v = try? JSONParser.parse(text) else { preconditionFailure("embedded meta-schema \(uri) is not JSON") }
            out[uri] = v
        }
        return out
    }()

    /// Registers `document` under `uri` (its own `$id`, when it has one, is honoured too).
    public mutating func register(_ document: JSONValue, as uri: String) {
        documents[URIText.split(uri).base] = document
        if let id = document["$id"]?.stringValue {
            let absolute = URIText.split(URIText.resolve(id, against: uri)).base
            if documents[absolute] == nil { documents[absolute] = document }
        }
    }

    /// Registers a document under its own `$id`; throws when it has none.
    public mutating func register(_ document: JSONValue) throws(SchemaError) {
        guard let id = document["$id"]?.stringValue else {
            throw SchemaError.missingIdentifier
        }
        register(document, as: id)
    }

    /// Whether a document is registered under `uri`.
    public func contains(_ uri: String) -> Bool { documents[URIText.split(uri).base] != nil }
}

/// Why a schema could not be compiled.
public enum SchemaError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A `$ref` or `$dynamicRef` names something no registered document defines.
    case unresolvableReference(String, at: String)
    /// A keyword has a value the specification does not allow.
    case invalidKeyword(String, at: String, reason: String)
    /// A document registered without a URI has no `$id`.
    case missingIdentifier

    public var description: String {
        switch self {
        case .unresolvableReference(let ref, let at):
            "cannot resolve reference \"\(ref)\" at \(at); register the document it names (or map its URI prefix to a folder)"
        case .invalidKeyword(let k, let at, let reason): "invalid \"\(k)\" at \(at): \(reason)"
        case .missingIdentifier: "the document has no \"$id\"; register it under an explicit URI"
        }
    }
}
