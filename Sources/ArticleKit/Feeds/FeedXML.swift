import CLibXML2
import Foundation

/// An XML feed read with libxml2, safely: no network (`XML_PARSE_NONET`), no external DTD or
/// entities (no `XML_PARSE_DTDLOAD`, no `XML_PARSE_NOENT`: entities are never substituted by the
/// parser), libxml2's default limits (no `XML_PARSE_HUGE`: depth 256, its entity-amplification
/// guard against "billion laughs"), errors recovered (`XML_PARSE_RECOVER`) and counted as a warning.
/// An entity reference left in the text is read here, one level deep: an internal entity's own
/// text (never expanded further), else an HTML entity of that name (`&eacute;` in RSS 0.91), else
/// its name as written.
enum FeedXML {
    static let atomNS = "http://www.w3.org/2005/Atom"
    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"
    static let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

    static func parse(_ bytes: [UInt8], url: String?) throws(FeedError) -> Feed {
        var result: Result<Feed, FeedError> = .failure(FeedError("not XML"))
        // A feed in Latin-1 or Windows-1252 that does not say so is read as Windows-1252.
        let undeclared =
            !looksUTF16(bytes) && !declaresEncoding(bytes) && String(validating: bytes, as: UTF8.self) == nil
        read(bytes, url: url, encoding: undeclared ? "windows-1252" : nil, into: &result)
        if undeclared, case .success(var feed) = result {
            feed.warnings.append("not UTF-8 and no encoding declared: read as Windows-1252")
            result = .success(feed)
        }
        return try result.get()
    }

    /// UTF-16, with a byte-order mark or without (a NUL beside the first `<`).
    static func looksUTF16(_ b: [UInt8]) -> Bool {
        guard b.count >= 2 else { return false }
        return (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) || b[0] == 0 || b[1] == 0
    }

    /// Whether the XML declaration names an encoding.
    static func declaresEncoding(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(200), as: UTF8.self)
        guard head.contains("<?xml"), let end = head.range(of: "?>") else { return false }
        return head[..<end.lowerBound].contains("encoding")
    }

    private static func read(
        _ bytes: [UInt8], url: String?, encoding: String?, into result: inout Result<Feed, FeedError>
    ) {
        guard let ctxt = xmlNewParserCtxt() else {
            result = .failure(FeedError("out of memory reading XML"))
            return
        }
        defer { xmlFreeParserCtxt(ctxt) }
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                xmlCtxtReadMemory(ctxt, chars.baseAddress, Int32(clamping: chars.count), url, encoding, options)
            }
        }
        var problem: String?
        if ctxt.pointee.wellFormed == 0, let error = xmlCtxtGetLastError(UnsafeMutableRawPointer(ctxt)) {
            let message = error.pointee.message.map { String(cString: $0) } ?? "error"
            problem = "line \(error.pointee.line): " + HTMLText.collapse(message)
        }
        guard let doc else {
            result = .failure(FeedError("invalid XML" + (problem.map { " (\($0))" } ?? "")))
            return
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else {
            result = .failure(FeedError("invalid XML" + (problem.map { " (\($0))" } ?? "")))
            return
        }
        let tree = Doc(doc: doc, url: url)
        let element = Element(node: root)
        let name = element.name.lowercased()
        var feed: Feed
        switch name {
        case "rss": feed = RSSParser.read(element, in: tree)
        case "rdf" where element.namespace == rdfNS || element.namespace == nil:
            feed = RSSParser.readRDF(element, in: tree)
        case "feed": feed = AtomParser.read(element, in: tree)
        case "html":
            result = .failure(FeedError("an HTML page, not a feed" + discovered(element, in: tree)))
            return
        default:
            result = .failure(FeedError("XML, but not a feed (its root element is <\(element.name)>)"))
            return
        }
        if let problem {
            if feed.items.isEmpty {
                result = .failure(FeedError("invalid XML (\(problem))"))
                return
            }
            feed.warnings.insert("XML errors recovered (\(problem))", at: 0)
        }
        result = .success(feed)
    }

    /// ": it names a feed at URL" when a page links one (`<link rel="alternate" type="application/rss+xml">`).
    static func discovered(_ html: Element, in doc: Doc) -> String {
        var stack = [html]
        var seen = 0
        while let e = stack.popLast(), seen < 5000 {
            seen += 1
            if e.name.lowercased() == "link", e.attribute("rel")?.lowercased() == "alternate",
                let type = e.attribute("type")?.lowercased(), type.contains("rss") || type.contains("atom"),
                let href = FeedText.absolute(e.attribute("href"), base: doc.url)
            {
                return "; it names a feed at \(href)"
            }
            stack += e.children.reversed()
        }
        return ""
    }

    /// The document, for entity lookups and base addresses.
    struct Doc {
        let doc: xmlDocPtr
        let url: String?

        /// The address relative links of `element` are read against: its `xml:base` (and its
        /// ancestors'), made absolute against the feed's address.
        func base(of element: Element) -> String? {
            guard let b = xmlNodeGetBase(doc, element.node) else { return url }
            defer { gazette_xml_free(b) }
            let s = String(cString: b)
            return FeedText.absolute(s, base: url) ?? url
        }

        /// An element's text: its text and the text of everything in it, entity references read as
        /// the type says, at most `limit` UTF-8 bytes.
        func text(_ element: Element, limit: Int = 8 << 20) -> String {
            var out = ""
            var budget = limit
            collect(element.node.pointee.children, into: &out, budget: &budget)
            return out
        }

        private func collect(_ first: xmlNodePtr?, into out: inout String, budget: inout Int) {
            var child = first
            while let c = child, budget > 0 {
                switch c.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = c.pointee.content {
                        let s = String(cString: content)
                        budget -= s.utf8.count
                        out += s
                    }
                case XML_ENTITY_REF_NODE:
                    let s = entity(c)
                    budget -= s.utf8.count
                    out += s
                case XML_ELEMENT_NODE:
                    collect(c.pointee.children, into: &out, budget: &budget)
                default:
                    break
                }
                child = c.pointee.next
            }
        }

        /// An entity reference's text, never expanded past one level.
        func entity(_ node: xmlNodePtr) -> String {
            guard let namePtr = node.pointee.name else { return "" }
            let name = String(cString: namePtr)
            if let decl = xmlGetDocEntity(doc, namePtr) {
                // An internal entity: its replacement text as written (references in it stay text).
                if decl.pointee.etype == XML_INTERNAL_GENERAL_ENTITY, let content = decl.pointee.content {
                    return String(String(cString: content).prefix(1024))
                }
                return ""  // external entities are never read
            }
            if let html = htmlEntityLookup(namePtr), let scalar = Unicode.Scalar(html.pointee.value) {
                return String(Character(scalar))
            }
            return "&" + name + ";"
        }

        /// The markup inside an element, serialised (Atom's `type="xhtml"` content).
        func innerXML(_ element: Element) -> String {
            guard let buffer = xmlBufferCreate() else { return "" }
            defer { xmlBufferFree(buffer) }
            var child = element.node.pointee.children
            while let c = child {
                xmlNodeDump(buffer, doc, c, 0, 0)
                child = c.pointee.next
            }
            guard let content = xmlBufferContent(buffer) else { return "" }
            return String(cString: content)
        }
    }

    /// An element of the tree, read through while the document lives.
    struct Element {
        let node: xmlNodePtr

        /// The local name, without a prefix.
        var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }
        var namespace: String? { node.pointee.ns?.pointee.href.map { String(cString: $0) } }

        var children: [Element] {
            var out: [Element] = []
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE { out.append(Element(node: c)) }
                child = c.pointee.next
            }
            return out
        }

        /// The first child element named `name` (any namespace unless one is given).
        func child(_ name: String, ns: String? = nil) -> Element? {
            var c = node.pointee.children
            while let n = c {
                if n.pointee.type == XML_ELEMENT_NODE, let nm = n.pointee.name, String(cString: nm) == name {
                    let e = Element(node: n)
                    if ns == nil || e.namespace == ns { return e }
                }
                c = n.pointee.next
            }
            return nil
        }

        func children(_ name: String, ns: String? = nil) -> [Element] {
            children.filter { $0.name == name && (ns == nil || $0.namespace == ns) }
        }

        /// An attribute by its local name, whatever its namespace (`rdf:about` is "about").
        func attribute(_ name: String) -> String? {
            guard let value = xmlGetProp(node, name) else { return nil }
            defer { gazette_xml_free(value) }
            return String(cString: value)
        }
    }
}
