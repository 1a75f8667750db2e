/// A key press, as the backend reports it, free of any terminal library.
public enum Key: Sendable, Hashable, CustomStringConvertible {
    case character(Character)
    case control(Character)  // Ctrl-A … Ctrl-Z, as the lowercase letter
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, backspace, escape, tab, backTab, delete

    public var description: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-" + c.uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .delete: return "Del"
        }
    }
}

/// What the backend hands the reader: a key, a new window size, or the mouse.
public enum InputEvent: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    case mouse(MouseEvent)
}

/// A mouse press at a screen cell (0-based row and column).
public enum MouseEvent: Sendable, Equatable {
    case click(row: Int, column: Int)
    /// The wheel: up (-1) or down (+1), one notch.
    case wheel(Int, row: Int, column: Int)
}
