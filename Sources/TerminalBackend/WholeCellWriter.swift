import CNcurses

#if canImport(Glibc)
    import Glibc
#endif

/// Writes the cells too long for ncurses (more than CCHARW_MAX characters: a family emoji, a
/// subdivision flag, stacked marks) straight to the terminal after doupdate(), over the
/// shortened copies ncurses drew. Same place, same width, so ncurses's idea of the layout
/// stays right, and the cursor and the attributes are put back as ncurses left them. Done on
/// every draw: ncurses repaints its own copy whenever that part of the screen changes.
enum WholeCellWriter {
    struct Cell {
        let row: Int
        let column: Int
        let scalars: [Unicode.Scalar]
        let attrs: UInt32
        let pair: Int16
    }

    static func write(_ cells: [Cell]) {
        var out: [UInt8] = []
        for cell in cells {
            guard let move = gz_cap2("cup", Int32(cell.row), Int32(cell.column)) else { return }
            append(move, to: &out)
            append(style(cell.attrs, cell.pair), to: &out)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: cell.scalars)
            out.append(contentsOf: String(text).utf8)
        }
        // ncurses leaves the terminal in normal attributes after doupdate; make sure it believes so.
        // (Its own colour changes are not used above: vid_puts sends a colour reset to the default
        // pair through ncurses's buffer, not the given function, so it would arrive out of order.)
        vid_puts(attr_t(gz_A_NORMAL), 0, nil, collectByte)
        out.append(contentsOf: collected)
        collected.removeAll()
        append(reset, to: &out)
        if let back = gz_cap2("cup", gz_screen_cursor_y(), gz_screen_cursor_x()) { append(back, to: &out) }
        out.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// Attributes and colours off.
    private static var reset: String { cap("sgr0") + cap("op") }

    /// What draws in `attrs` and colour pair `pair`, from a reset terminal.
    private static func style(_ attrs: UInt32, _ pair: Int16) -> String {
        var s = reset
        let caps: [(UInt32, String)] = [
            (gz_A_BOLD, "bold"), (gz_A_DIM, "dim"), (gz_A_UNDERLINE, "smul"),
            (gz_A_REVERSE, "rev"), (gz_A_ITALIC, "sitm"),
        ]
        for (bit, name) in caps where attrs & bit != 0 { s += cap(name) }
        var fg: Int16 = -1
        var bg: Int16 = -1
        if pair > 0 && pair_content(pair, &fg, &bg) == gz_OK {
            if fg >= 0, let p = gz_cap1("setaf", Int32(fg)) { s += String(cString: p) }
            if bg >= 0, let p = gz_cap1("setab", Int32(bg)) { s += String(cString: p) }
        }
        return s
    }

    private static func cap(_ name: String) -> String {
        gz_cap(name).map { String(cString: $0) } ?? ""
    }

    /// Appends a terminfo string without its padding ($<5>): terminals that need delays are
    /// not ones that draw emoji.
    private static func append(_ sequence: UnsafePointer<CChar>, to out: inout [UInt8]) {
        append(String(cString: sequence), to: &out)
    }

    private static func append(_ sequence: String, to out: inout [UInt8]) {
        var bytes = Array(sequence.utf8)[...]
        while let start = bytes.firstIndex(of: UInt8(ascii: "$")) {
            out.append(contentsOf: bytes[..<start])
            let rest = bytes[start...]
            if rest.dropFirst().first == UInt8(ascii: "<"), let end = rest.firstIndex(of: UInt8(ascii: ">")) {
                bytes = bytes[(end + 1)...]
            } else {
                out.append(UInt8(ascii: "$"))
                bytes = bytes[(start + 1)...]
            }
        }
        out.append(contentsOf: bytes)
    }
}

/// What vid_puts writes, for `WholeCellWriter.write`: a C callback can capture nothing.
nonisolated(unsafe) private var collected: [UInt8] = []
private func collectByte(_ c: Int32) -> Int32 {
    collected.append(UInt8(truncatingIfNeeded: c))
    return c
}
