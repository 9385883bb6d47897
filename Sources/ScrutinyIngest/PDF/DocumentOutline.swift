import CPoppler
import ScrutinyCore

/// A PDF's outline (its bookmarks) as poppler-glib reads it: each entry's title, the page it
/// opens and its depth, in document order. A bookmark to a named destination is looked up in the
/// document's name tree; one that goes elsewhere (another file, a web address) has no page.
enum DocumentOutline {
    /// How deep the outline is read: an agenda pack's items are its top level, their papers the next.
    static let maximumDepth = 2

    /// The outline of the open document `file`, `[]` when it has none.
    static func entries(of file: PopplerFile) -> [OutlineEntry] {
        guard let iterator = poppler_index_iter_new(file.raw) else { return [] }
        defer { poppler_index_iter_free(iterator) }
        var entries: [OutlineEntry] = []
        read(iterator, depth: 0, in: file, into: &entries)
        return entries
    }

    private static func read(_ iterator: OpaquePointer, depth: Int, in file: PopplerFile, into entries: inout [OutlineEntry]) {
        repeat {
            if let action = poppler_index_iter_get_action(iterator) {
                let title = action.pointee.any.title.map { String(cString: $0) } ?? ""
                entries.append(OutlineEntry(title: title, page: page(of: action, in: file), depth: depth))
                poppler_action_free(action)
            }
            if depth + 1 < maximumDepth, let child = poppler_index_iter_get_child(iterator) {
                read(child, depth: depth + 1, in: file, into: &entries)
                poppler_index_iter_free(child)
            }
        } while poppler_index_iter_next(iterator) != 0
    }

    /// The 1-based page a go-to action opens, `nil` for other actions or a destination not found.
    private static func page(of action: UnsafeMutablePointer<PopplerAction>, in file: PopplerFile) -> Int? {
        guard action.pointee.type == POPPLER_ACTION_GOTO_DEST, let dest = action.pointee.goto_dest.dest else { return nil }
        if dest.pointee.type == POPPLER_DEST_NAMED {
            guard let name = dest.pointee.named_dest, let found = poppler_document_find_dest(file.raw, name) else { return nil }
            defer { poppler_dest_free(found) }
            return found.pointee.page_num > 0 ? Int(found.pointee.page_num) : nil
        }
        return dest.pointee.page_num > 0 ? Int(dest.pointee.page_num) : nil
    }
}
