import CLibXML2

/// A page's element tree, copied out of libxml2's into Swift values once, so the extractor works on
/// plain arrays (no C pointers past this file, no libxml2 memory held). Only what the extractor reads
/// is kept: element names, a few attributes, text.
public struct HTMLTree: Sendable {
    public struct Node: Sendable {
        /// Lower-case element name; empty for a text node.
        public var name: String
        /// A text node's text (entities decoded, UTF-8); empty for elements.
        public var text: String
        public var parent: Int
        public var children: [Int]
        public var attributes: [(name: String, value: String)]
        /// A text node's visible characters (not whitespace), counted once from its bytes.
        public var length = 0

        public var isText: Bool { name.isEmpty }
        public func attribute(_ key: String) -> String? {
            for a in attributes where a.name == key { return a.value }
            return nil
        }
    }

    public var nodes: [Node]
    /// The `<html>` element (libxml2 makes one when the page has none); -1 for a page with no elements.
    public var root: Int
    /// libxml2 stopped before the end of the page (nested deeper than it reads): the rest is missing.
    public var stoppedEarly = false

    /// Set once, before the first page: libxml2's depth limit is a process-wide setting.
    private static let depthLimitSet: Bool = {
        gazette_xml_set_max_depth(UInt32(maxDepth))
        return true
    }()

    /// Deeper elements than this are read as text of their ancestor at this depth: a page of 100,000
    /// nested elements must not overflow the stack of a recursive walk.
    static let maxDepth = 512
    /// Attributes the extractor reads; the rest are dropped when the tree is copied.
    static let keptAttributes: Set<String> = [
        "id", "class", "role", "itemprop", "href", "rel", "property", "name", "content", "hidden",
        "aria-hidden", "style", "type", "datetime", "lang", "itemtype", "src", "alt", "title", "data-component",
    ]

    /// Parses UTF-8 text (see `HTMLCharset`) with libxml2's forgiving HTML parser.
    public init(utf8 bytes: [UInt8]) {
        nodes = []
        root = -1
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        // No XML_PARSE_HUGE, which lifts every limit and lets misnested pages go quadratic (50,000
        // misnested inline tags: 19 s). Nesting stops at `maxDepth` (real pages go no deeper than
        // about 50) and what was read before is kept; a text node over 10 MB is cut there.
        _ = Self.depthLimitSet
        var stopped: Int32 = 0
        let doc: htmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    gazette_html_read($0, Int32(clamping: buf.count), options, &stopped)
                }
            } ?? nil
        }
        stoppedEarly = stopped != 0
        guard let doc else { return }
        defer { xmlFreeDoc(doc) }
        nodes.reserveCapacity(bytes.count / 40)
        // A synthetic root holds whatever top-level nodes the page has.
        nodes.append(Node(name: "#root", text: "", parent: -1, children: [], attributes: []))
        root = 0
        var names: [UnsafePointer<xmlChar>: String] = [:]
        var child = doc.pointee.children
        while let c = child {
            copy(c, parent: 0, depth: 0, names: &names)
            child = c.pointee.next
        }
    }

    /// Element and attribute names, lower-cased once per page: libxml2 keeps one copy of each name in
    /// its dictionary, so its address stands for it.
    private static func interned(_ p: UnsafePointer<xmlChar>, _ names: inout [UnsafePointer<xmlChar>: String]) -> String
    {
        if let known = names[p] { return known }
        let name = String(cString: p).lowercased()
        names[p] = name
        return name
    }

    private mutating func copy(
        _ node: xmlNodePtr, parent: Int, depth: Int, names: inout [UnsafePointer<xmlChar>: String]
    ) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            let length = Self.visibleLength(content)
            let text = String(cString: content)
            if text.isEmpty { return }
            // Adjacent text joins (libxml2 splits text at entities in some cases).
            if let last = nodes[parent].children.last, nodes[last].isText {
                nodes[last].text += text
                nodes[last].length += length
                return
            }
            var textNode = Node(name: "", text: text, parent: parent, children: [], attributes: [])
            textNode.length = length
            add(textNode, to: parent)
        case XML_ELEMENT_NODE:
            let name = node.pointee.name.map { Self.interned($0, &names) } ?? ""
            guard !name.isEmpty else { return }
            var attributes: [(name: String, value: String)] = []
            var attr = node.pointee.properties
            while let a = attr {
                if let n = a.pointee.name {
                    let key = Self.interned(n, &names)
                    if Self.keptAttributes.contains(key) {
                        var value = ""
                        if let v = a.pointee.children, let content = v.pointee.content {
                            value = String(cString: content)
                        }
                        attributes.append((key, value))
                    }
                }
                attr = a.pointee.next
            }
            let index = add(
                Node(name: name, text: "", parent: parent, children: [], attributes: attributes), to: parent)
            var child = node.pointee.children
            if depth >= Self.maxDepth {
                // Too deep: keep the text, flattened.
                if let text = xmlNodeGetContent(node) {
                    var flat = Node(name: "", text: String(cString: text), parent: index, children: [], attributes: [])
                    flat.length = Self.visibleLength(text)
                    add(flat, to: index)
                    gazette_xml_free(text)
                }
                return
            }
            while let c = child {
                copy(c, parent: index, depth: depth + 1, names: &names)
                child = c.pointee.next
            }
        default:
            return  // comments, processing instructions, DTD: never shown
        }
    }

    /// Characters that are not whitespace, from UTF-8 bytes: every byte that starts a character,
    /// less ASCII blanks and the no-break space (U+00A0, C2 A0).
    static func visibleLength(_ p: UnsafePointer<xmlChar>) -> Int {
        var n = 0
        var i = 0
        var previous: UInt8 = 0
        while true {
            let b = p[i]
            if b == 0 { break }
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C: break
            case 0x80...0xBF:
                if b == 0xA0 && previous == 0xC2 { n -= 1 }
            default: n += 1
            }
            previous = b
            i += 1
        }
        return n
    }

    @discardableResult
    private mutating func add(_ node: Node, to parent: Int) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        return index
    }

    /// The text directly inside `index` (a script's or a style's source), unlike `text(of:)`.
    public func ownText(of index: Int) -> String {
        nodes[index].children.lazy.filter { nodes[$0].isText }.map { nodes[$0].text }.joined()
    }

    /// Every element named `name`, in document order.
    public func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }

    /// The text under `index`, as the page's characters (no layout).
    public func text(of index: Int) -> String {
        var out = ""
        collectText(index, into: &out)
        return out
    }

    private func collectText(_ index: Int, into out: inout String) {
        let node = nodes[index]
        if node.isText {
            out += node.text
            return
        }
        if node.name == "script" || node.name == "style" || node.name == "noscript" || node.name == "template" {
            return
        }
        for c in node.children { collectText(c, into: &out) }
    }
}
