import CPoppler
import Foundation

/// SHA-256 of a file's bytes, through GLib's checksum (already linked for poppler).
public enum ContentHash {
    /// Lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        data.withUnsafeBytes { buffer -> String in
            let base = buffer.bindMemory(to: guchar.self).baseAddress
            guard let hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, base, gsize(buffer.count)) else { return "" }
            defer { g_free(hex) }
            return String(cString: hex)
        }
    }
}
