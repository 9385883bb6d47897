import CLibXML2

/// One parsed HTML document owned by libxml2; frees it when released.
///
/// Parsed with RECOVER, NOERROR, NOWARNING and NONET, never NOIMPLIED (fragments get the implied
/// `<html><body>` root, so siblings stay siblings). Not `Sendable`: it lives in one task.
final class HTMLTree {
    private let document: xmlDocPtr

    /// Parses `bytes` as HTML in `encoding` (`nil` lets libxml2 sniff `<meta charset>`).
    /// Returns `nil` only when libxml2 builds no tree at all.
    init?(bytes: UnsafeRawBufferPointer, encoding: String? = "UTF-8") {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self),
              let parsed = htmlReadMemory(base, Int32(bytes.count), nil, encoding, options) else { return nil }
        document = parsed
    }

    /// Parses a UTF-8 string.
    convenience init?(utf8 text: String) {
        var text = text
        guard let tree = text.withUTF8({ HTMLTree(bytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self.init(taking: tree)
    }

    private init(taking other: HTMLTree) {
        document = other.document
        other.released = true
    }

    private var released = false

    deinit { if !released { xmlFreeDoc(document) } }

    /// The root element (`<html>`), if any.
    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }
}

/// A borrowed view of one libxml2 node; valid only while its ``HTMLTree`` lives.
struct HTMLNode {
    let raw: xmlNodePtr

    var isElement: Bool { raw.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { raw.pointee.type == XML_TEXT_NODE || raw.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lowercased element name ("p", "td"); empty for non-elements.
    var name: String {
        guard isElement, let name = raw.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The node's own text (text and CDATA nodes only).
    var content: String {
        guard let content = raw.pointee.content else { return "" }
        return String(cString: content)
    }

    var firstChild: HTMLNode? { raw.pointee.children.map(HTMLNode.init) }
    var next: HTMLNode? { raw.pointee.next.map(HTMLNode.init) }

    /// The children, in document order, walked lazily.
    var children: some Sequence<HTMLNode> {
        sequence(state: firstChild) { node -> HTMLNode? in
            defer { node = node?.next }
            return node
        }
    }

    /// An attribute's value, or `nil`.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(raw, name) else { return nil }
        defer { scrutiny_xml_free(value) }
        return String(cString: value)
    }
}
