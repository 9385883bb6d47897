import CCrypto
import CPoppler
import Foundation

/// SHA-256 of a file's bytes. Every input is hashed (by the batch, to find duplicates and
/// unchanged files, and by the worker that reads it), so this uses OpenSSL's libcrypto, which
/// runs on the CPU's SHA instructions where it has them: several times faster than GLib's
/// portable checksum, which remains the fallback.
public enum ContentHash {
    /// Lowercase hex SHA-256 of `data`.
    public static func sha256(_ data: Data) -> String {
        libcryptoSHA256(data) ?? glibSHA256(data)
    }

    static func libcryptoSHA256(_ data: Data) -> String? {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let done = data.withUnsafeBytes { buffer in
            digest.withUnsafeMutableBufferPointer { out in
                EVP_Digest(buffer.baseAddress, buffer.count, out.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        guard done == 1, length == 32 else { return nil }
        let hex = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    static func glibSHA256(_ data: Data) -> String {
        data.withUnsafeBytes { buffer -> String in
            let base = buffer.bindMemory(to: guchar.self).baseAddress
            guard let hex = g_compute_checksum_for_data(G_CHECKSUM_SHA256, base, gsize(buffer.count)) else { return "" }
            defer { g_free(hex) }
            return String(cString: hex)
        }
    }
}
