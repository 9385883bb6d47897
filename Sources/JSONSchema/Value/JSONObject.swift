/// A JSON object that remembers the order its members were written in.
///
/// Members live in an array (cheap to build and to walk); a name index is added once the object
/// grows past a handful of members, so lookups stay fast on big objects.
public struct JSONObject: Sendable, RandomAccessCollection {
    public typealias Element = (key: String, value: JSONValue)
    private var entries: [Element] = []
    private var index: [String: Int]?
    private static let indexThreshold = 12

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }
    public subscript(position: Int) -> Element { entries[position] }

    /// Whether a member is named `key`.
    public func hasMember(_ key: String) -> Bool { position(of: key) != nil }

    /// Member names in document order.
    public var keys: [String] { entries.map(\.key) }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        let count = key.utf8.count
        for k in entries.indices where entries[k].key.utf8.count == count && entries[k].key == key { return k }
        return nil
    }

    /// The member named `key`; setting `nil` removes it, setting an existing name keeps its position.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let p = position(of: key) {
                if let newValue {
                    entries[p].value = newValue
                } else {
                    entries.remove(at: p)
                    rebuildIndex()
                }
            } else if let newValue {
                entries.append((key, newValue))
                if index != nil {
                    index![key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// Makes room for `count` members.
    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    /// Appends the member when no member has that name yet (as `self[key] = value` would);
    /// returns `false`, changing nothing, when one has.
    mutating func appendIfNew(_ key: String, _ value: JSONValue) -> Bool {
        if position(of: key) != nil { return false }
        entries.append((key, value))
        if index != nil {
            index![key] = entries.count - 1
        } else if entries.count > Self.indexThreshold {
            rebuildIndex()
        }
        return true
    }

    private mutating func rebuildIndex() {
        guard entries.count > Self.indexThreshold else { index = nil; return }
        var map = [String: Int](minimumCapacity: entries.count)
        for (k, e) in entries.enumerated() { map[e.key] = k }
        index = map
    }
}

extension JSONObject: Hashable {
    /// Equal when the same names map to equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.entries {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    /// Order-independent, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in entries {
            var h = Hasher()
            h.combine(key)
            h.combine(value)
            combined ^= h.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}
