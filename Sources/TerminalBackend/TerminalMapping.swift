import CNcurses
import ReaderCore

/// What ncurses' codes mean to the reader, and what the reader's looks mean to ncurses, as pure
/// functions: `CursesTerminal` asks them, and tests hold them without a terminal.
public enum TerminalMapping {
    /// What a function key's code (`KEY_*`, `wget_wch` saying KEY_CODE_YES) stands for.
    public enum FunctionKey: Sendable, Equatable {
        case key(Key)
        /// The window changed size: ask the window for it.
        case resize
        /// A mouse report waits: ask for it (`mouse(_:row:column:)`).
        case mouse
        /// A key the reader has no use for.
        case ignored
    }

    public static func functionKey(_ code: Int32) -> FunctionKey {
        switch code {
        case gz_KEY_RESIZE: return .resize
        case gz_KEY_MOUSE: return .mouse
        case gz_KEY_UP: return .key(.up)
        case gz_KEY_DOWN: return .key(.down)
        case gz_KEY_LEFT: return .key(.left)
        case gz_KEY_RIGHT: return .key(.right)
        case gz_KEY_NPAGE: return .key(.pageDown)
        case gz_KEY_PPAGE: return .key(.pageUp)
        case gz_KEY_HOME: return .key(.home)
        case gz_KEY_END: return .key(.end)
        case gz_KEY_BACKSPACE: return .key(.backspace)
        case gz_KEY_ENTER: return .key(.enter)
        case gz_KEY_DC: return .key(.delete)
        case gz_KEY_BTAB: return .key(.backTab)
        default: return .ignored
        }
    }

    /// The shim's mouse report (`gz_get_mouse`: 1 a click, 2 the wheel up, 3 down) at a cell.
    public static func mouse(_ report: Int32, row: Int, column: Int) -> InputEvent? {
        switch report {
        case 1: return .mouse(.click(row: row, column: column))
        case 2: return .mouse(.wheel(-1, row: row, column: column))
        case 3: return .mouse(.wheel(1, row: row, column: column))
        default: return nil
        }
    }

    /// A character `wget_wch` read: Esc, Backspace (DEL or ^H), Enter (LF or CR), Tab, the other
    /// controls as Ctrl-letter, and printable scalars as themselves; nil for the rest.
    public static func character(_ value: UInt32) -> InputEvent? {
        switch value {
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 10, 13: return .key(.enter)
        case 9: return .key(.tab)
        case 1...26: return .key(.control(Character(Unicode.Scalar(value + 96)!)))
        default:
            guard let scalar = Unicode.Scalar(value), value >= 32 else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    /// The ncurses attributes of a resolved look (its colours go in a pair, apart). Reverse stays with
    /// colours too: the pair is swapped to match (`ResolvedStyle.pair`).
    public static func attributes(_ look: ResolvedStyle) -> UInt32 {
        var a = gz_A_NORMAL
        if look.bold { a |= gz_A_BOLD }
        if look.underline { a |= gz_A_UNDERLINE }
        if look.dim { a |= gz_A_DIM }
        if look.reverse { a |= gz_A_REVERSE }
        return a
    }
}
