/// What in-place evaluation of a subschema learned about the instance: which properties and
/// items it evaluated (the annotations `unevaluated*` consult).
struct Annotations {
    var properties: Set<String> = []
    var allProperties = false
    /// Items `0..<itemPrefix` were evaluated.
    var itemPrefix = 0
    var allItems = false
    /// Further evaluated item indices (from `contains`).
    var items: Set<Int> = []

    mutating func merge(_ other: Annotations) {
        if other.allProperties { allProperties = true } else if !other.properties.isEmpty { properties.formUnion(other.properties) }
        if other.allItems { allItems = true }
        itemPrefix = max(itemPrefix, other.itemPrefix)
        if !other.items.isEmpty { items.formUnion(other.items) }
    }

    func evaluated(property name: String) -> Bool { allProperties || properties.contains(name) }
    func evaluated(item k: Int) -> Bool { allItems || k < itemPrefix || items.contains(k) }
}
