/// File names are bytes; Swift strings are Unicode. A name that is not valid UTF-8
/// (Latin-1 names from old archives) still has to open, so each byte of an invalid
/// sequence is carried in the string as a private-use character U+F780+byte, and
/// turned back into that byte when the file is opened. Valid names are unchanged.
public enum FileName {
    static let base: UInt32 = 0xF700

    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let array = Array(bytes)
        if let valid = String(validating: array, as: UTF8.self) { return valid }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < array.count {
            let b = array[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            if length > 0, i + length <= array.count, let s = String(validating: array[i..<(i + length)], as: UTF8.self)
            {
                out.append(contentsOf: s.unicodeScalars)
                i += length
            } else {
                out.append(Unicode.Scalar(base + UInt32(b))!)
                i += 1
            }
        }
        return String(out)
    }

    /// The bytes to hand to the system, NUL-terminated.
    public static func encode(_ path: String) -> [CChar] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count + 1)
        for scalar in path.unicodeScalars {
            if scalar.value >= base + 0x80 && scalar.value <= base + 0xFF {
                bytes.append(UInt8(scalar.value - base))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }
}
