import CNcurses
import ReaderCore

#if canImport(Glibc)
    import Glibc
#endif

/// Why the terminal could not be used.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
    /// The terminal is there but cannot be drawn on (TERM=dumb, an unknown TERM): the text can
    /// still be printed, as when the output is a pipe.
    public var cannotDraw = false
}

/// Where stderr goes while the screen is ncurses', so a crash message can be shown
/// after the terminal is restored. Plain globals: a signal handler can capture nothing.
nonisolated(unsafe) private var savedStderr: Int32 = -1
nonisolated(unsafe) private var capturedStderr: Int32 = -1

/// Runs in a signal handler: restores the terminal and stderr, replays what was
/// written to stderr meanwhile (a fatal error's message), then dies of the signal.
private func restoreAfterCrash(_ sig: Int32) {
    endwin()
    CursesTerminal.releaseStderr()
    signal(sig, SIG_DFL)
    raise(sig)
}

/// The only type that talks to ncurses: starts and ends it, draws a `Screen`, reads
/// keys and resizes. Use it from one thread.
public final class CursesTerminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private let screenPointer: OpaquePointer
    /// How roles look: the theme, without its colours when the terminal or NO_COLOR says so.
    private var theme: Theme
    /// Each style's attributes and colour pair, worked out once.
    private var looks: [Style: (UInt32, Int16)] = [:]
    private var pairs: [String: Int16] = [:]
    private var colors = 0
    /// How model cells become terminal cells: by glibc's wcwidth(), what ncurses and the
    /// terminal go by; with a non-UTF-8 locale, ASCII only and "?" for the rest.
    private let planner: GlyphPlanner
    private var closed = false

    /// `mouse`: take wheel and clicks (off leaves the terminal's own selection working).
    /// `theme`: how roles look; pass it without colour for NO_COLOR.
    public init(mouse: Bool = true, theme: Theme = .standard) throws {
        self.theme = theme
        setlocale(LC_ALL, "")
        var unicode = CursesTerminal.localeIsUTF8()
        if !unicode {
            // A non-UTF-8 locale cannot show most articles; C.UTF-8 usually exists.
            if setlocale(LC_CTYPE, "C.UTF-8") != nil { unicode = CursesTerminal.localeIsUTF8() }
        }
        let capacity = Int(gz_cchar_max())
        planner =
            unicode
            ? GlyphPlanner(capacity: capacity) { Int(wcwidth(wchar_t(bitPattern: $0.value))) }
            : GlyphPlanner(capacity: capacity, replacement: "?") { (0x20..<0x7F).contains($0.value) ? 1 : -1 }
        // Keys come from the terminal even when standard input is an article (`gazette -`), as in less.
        let input = isatty(STDIN_FILENO) == 1 ? fdopen(STDIN_FILENO, "r") : fopen("/dev/tty", "r")
        guard let output = fdopen(STDOUT_FILENO, "w"), let input else {
            throw TerminalError(description: "cannot open the terminal's input and output")
        }
        guard let screen = newterm(nil, output, input) else {
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(
                description: "cannot use the terminal type TERM=\(term); try TERM=xterm-256color, "
                    + "or pipe the output to read it as text", cannotDraw: true)
        }
        guard gz_can_address_cursor() == 1 else {
            // A blind screen would take keys and show nothing: give the terminal back at once.
            endwin()
            delscreen(screen)
            let term = getenv("TERM").map { String(cString: $0) } ?? "(unset)"
            throw TerminalError(
                description: "the terminal TERM=\(term) cannot move its cursor, "
                    + "so the reader cannot draw on it", cannotDraw: true)
        }
        screenPointer = screen
        guard let window = gz_stdscr() else { throw TerminalError(description: "ncurses gave no screen") }
        self.window = window
        CursesTerminal.captureStderr()
        for sig in [SIGSEGV, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE] {
            signal(sig) { restoreAfterCrash($0) }
        }
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(1)
        CursesTerminal.watchContinue()
        if mouse { gz_enable_mouse() }
        setUpColors()
    }

    deinit { close() }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard !closed else { return }
        closed = true
        endwin()
        delscreen(screenPointer)
        CursesTerminal.releaseStderr()
    }

    /// Sends stderr to an unlinked temporary file while ncurses owns the screen:
    /// messages written meanwhile would scribble over it, and are shown after.
    static func captureStderr() {
        var template = Array("/tmp/gazette-stderr-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        savedStderr = dup(STDERR_FILENO)
        capturedStderr = fd
        dup2(fd, STDERR_FILENO)
    }

    /// Puts stderr back and replays what was captured. Only async-signal-safe calls.
    static func releaseStderr() {
        guard savedStderr >= 0 else { return }
        dup2(savedStderr, STDERR_FILENO)
        Glibc.close(savedStderr)
        savedStderr = -1
        guard capturedStderr >= 0 else { return }
        lseek(capturedStderr, 0, SEEK_SET)
        var buffer = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &buffer) { raw in
            while true {
                let n = read(capturedStderr, raw.baseAddress, raw.count)
                if n <= 0 { break }
                _ = write(STDERR_FILENO, raw.baseAddress, n)
            }
        }
        Glibc.close(capturedStderr)
        capturedStderr = -1
    }

    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Colours where the terminal has them; otherwise the theme's attributes alone carry the
    /// meaning (the caller takes the colours out for NO_COLOR).
    private func setUpColors() {
        guard gz_has_colors() == 1, start_color() == gz_OK else {
            theme = theme.withoutColour()
            return
        }
        use_default_colors()
        colors = Int(gz_colors())
    }

    /// A colour pair for the theme's colours, made the first time they are asked for.
    private func pair(_ colours: (fg: ThemeColor, bg: ThemeColor)) -> Int16 {
        let fg = Int16(clamping: colours.fg.number(colors: colors))
        let bg = Int16(clamping: colours.bg.number(colors: colors))
        let key = "\(fg),\(bg)"
        if let known = pairs[key] { return known }
        let next = Int16(pairs.count + 1)
        guard next < 256, init_pair(next, fg, bg) == gz_OK else { return 0 }
        pairs[key] = next
        return next
    }

    private func attributes(_ style: Style) -> (UInt32, Int16) {
        if let known = looks[style] { return known }
        let look = theme.resolve(style)
        let result = (TerminalMapping.attributes(look), look.pair.map(pair) ?? 0)
        looks[style] = result
        return result
    }

    /// Copies the screen model to the terminal; ncurses sends only what changed. Each model
    /// cluster goes out as the terminal cells `GlyphPlanner` makes of it, so a terminal that
    /// measures with wcwidth() puts it, and everything after it, where the model has it.
    public func draw(_ screen: Screen) {
        var overflowing: [WholeCellWriter.Cell] = []
        var wcs: [wchar_t] = []
        wcs.reserveCapacity(Int(gz_cchar_max()))
        for row in 0..<screen.height {
            for glyph in planner.glyphs(in: screen, row: row) {
                let (attrs, pair) = attributes(glyph.style)
                wcs.removeAll(keepingCapacity: true)
                for s in glyph.scalars { wcs.append(wchar_t(bitPattern: s.value)) }
                _ = gz_put_cell(window, Int32(row), Int32(glyph.column), wcs, Int32(wcs.count), attrs, pair)
                if let whole = glyph.overflow {
                    overflowing.append(.init(row: row, column: glyph.column, scalars: whole, attrs: attrs, pair: pair))
                }
            }
        }
        if let cursor = screen.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
        if !overflowing.isEmpty { WholeCellWriter.write(overflowing) }
    }

    /// Waits up to `timeout` milliseconds for the next key or resize; nil on timeout.
    public func nextEvent(timeout: Int32) -> InputEvent? {
        // Back from a stop: the window may have changed size, and the screen must be drawn whole.
        if CursesTerminal.takeContinued() {
            repaint()
            let s = size
            return .resize(width: s.width, height: s.height)
        }
        wtimeout(window, timeout)
        var isKey: Int32 = 0
        var value: UInt32 = 0
        let rc = gz_wget_wch(window, &isKey, &value)
        if rc == gz_ERR { return nil }
        if isKey == 1 { return functionKey(Int32(bitPattern: value)) }
        return TerminalMapping.character(value)
    }

    private func functionKey(_ code: Int32) -> InputEvent? {
        switch TerminalMapping.functionKey(code) {
        case .key(let key): return .key(key)
        case .resize:
            let s = size
            return .resize(width: s.width, height: s.height)
        case .mouse:
            var y: Int32 = 0, x: Int32 = 0
            let report = gz_get_mouse(&y, &x)
            return TerminalMapping.mouse(report, row: Int(y), column: Int(x))
        case .ignored: return nil
        }
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
