import Foundation

/// The form under which titles are compared: Unicode NFC, case-folded, runs of
/// whitespace collapsed to one space, curly and straight quotes unified, dash
/// variants unified, surrounding spaces ignored. Two titles name the same article
/// when their keys are equal.
public struct TitleKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let value: String

    public init(_ title: String) {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        let folded = title.precomposedStringWithCanonicalMapping.lowercased()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(TitleKey.unify(scalar))
        }
        value = String(out)
    }

    private static func unify(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC, 0xFF07: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0xFF02: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        default: return s
        }
    }

    public var isEmpty: Bool { value.isEmpty }
    public var description: String { value }
    public static func < (a: TitleKey, b: TitleKey) -> Bool { a.value < b.value }
}
