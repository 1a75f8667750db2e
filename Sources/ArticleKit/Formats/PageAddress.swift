import Foundation

/// A web address as links compare it: scheme, "www.", the fragment, a trailing slash and the host's
/// case do not make two addresses different ("https://www.Example.com/a/#top" is "example.com/a").
public struct PageAddress: Hashable, Sendable {
    public let key: String

    /// Nil for what is not an absolute http(s) address.
    public init?(_ url: String) {
        var s = Substring(url.trimmingCharacters(in: .whitespaces))
        let lower = s.lowercased()
        if lower.hasPrefix("https://") {
            s = s.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            s = s.dropFirst(7)
        } else if lower.hasPrefix("//") {
            s = s.dropFirst(2)
        } else {
            return nil
        }
        if let hash = s.firstIndex(of: "#") { s = s[..<hash] }
        let slash = s.firstIndex(of: "/") ?? s.endIndex
        var host = s[..<slash].lowercased()
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasSuffix(":443") || host.hasSuffix(":80") { host = String(host[..<host.lastIndex(of: ":")!]) }
        guard !host.isEmpty else { return nil }
        var path = String(s[slash...])
        while path.hasSuffix("/") { path.removeLast() }
        key = host + path
    }

    /// `reference` (as an href gives it) made absolute against `base`; nil when it cannot be.
    public static func resolve(_ reference: String, against base: String?) -> String? {
        let ref = reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !ref.isEmpty, !ref.hasPrefix("#"), !ref.lowercased().hasPrefix("javascript:"),
            !ref.lowercased().hasPrefix("mailto:")
        else { return nil }
        let lower = ref.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return ref }
        guard let base, let schemeEnd = base.range(of: "://") else { return nil }
        let scheme = base[..<schemeEnd.lowerBound]
        if ref.hasPrefix("//") { return scheme + ":" + ref }
        let afterScheme = base[schemeEnd.upperBound...]
        let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let origin = base[..<hostEnd]
        if ref.hasPrefix("/") { return origin + ref }
        // Relative to the base's folder.
        var folder = String(base[hostEnd...])
        if let q = folder.firstIndex(where: { $0 == "?" || $0 == "#" }) { folder = String(folder[..<q]) }
        if let last = folder.lastIndex(of: "/") { folder = String(folder[...last]) } else { folder = "/" }
        var parts: [Substring] = folder.split(separator: "/", omittingEmptySubsequences: true)
        for part in ref.split(separator: "/", omittingEmptySubsequences: false) {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if part != "." {
                parts.append(part)
            }
        }
        return origin + "/" + parts.joined(separator: "/")
    }
}
