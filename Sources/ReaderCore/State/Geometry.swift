/// Where things go on a window of a given size: the reading column (`layout.textWidth`
/// columns at most, centred), and the outline pane when the window is wide enough.
public struct Geometry: Sendable, Equatable {
    public static let minimumWidth = 20
    public static let minimumHeight = 5
    /// The reading column's width out of the box.
    public static let readingWidth = ReadingLayout.standard.textWidth
    /// Narrowest window that shows the outline as a side pane rather than an overlay, out of the box.
    public static let paneThreshold = ReadingLayout.standard.paneMinWidth

    public var width: Int
    public var height: Int
    public var columnX: Int
    public var columnWidth: Int
    /// The outline pane's first column and width, when shown.
    public var pane: (x: Int, width: Int)?

    public static func == (a: Geometry, b: Geometry) -> Bool {
        a.width == b.width && a.height == b.height && a.columnX == b.columnX && a.columnWidth == b.columnWidth
            && a.pane?.x == b.pane?.x && a.pane?.width == b.pane?.width
    }

    public var isTooSmall: Bool { width < Geometry.minimumWidth || height < Geometry.minimumHeight }
    public var bodyTop: Int { 1 }
    public var bodyHeight: Int { max(1, height - 2) }
    public var statusRow: Int { height - 1 }

    public init(width: Int, height: Int, wantsPane: Bool, layout: ReadingLayout = .standard) {
        self.width = width
        self.height = height
        var textArea = width
        if wantsPane && layout.outlinePane && width >= layout.paneMinWidth {
            let paneWidth = min(34, width / 4)
            pane = (width - paneWidth, paneWidth)
            textArea = width - paneWidth - 1
        } else {
            pane = nil
        }
        columnWidth = max(1, min(layout.textWidth, textArea - 2 * layout.margin))
        columnX = max(0, (textArea - columnWidth) / 2)
    }
}
