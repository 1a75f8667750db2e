#if canImport(Glibc)
    import Glibc
#endif

/// Facts about the process's terminal, without starting ncurses.
public enum Terminal {
    public static var isInteractive: Bool { isatty(STDOUT_FILENO) == 1 && isatty(STDIN_FILENO) == 1 }
    /// Standard output is a terminal: the reader can run, reading keys from /dev/tty when
    /// standard input is an article (`gazette -`).
    public static var outputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    public static var width: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// The width `dump` wraps to: the terminal's; when output is not a terminal,
    /// `$COLUMNS` as the shell set it (`gazette dump | less`); else 80.
    public static var dumpWidth: Int {
        if let width { return width }
        if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns >= 10 { return columns }
        return 80
    }
}
