import Foundation

/// Finds a page's article and reads it into blocks: furniture (navigation, banners, share and comment
/// widgets, "related" lists, footers) left out by rule, then the main text found by scoring blocks
/// (their text, commas, link density, class and id words, as Readability.js does), then its headings,
/// paragraphs, lists, quotes, code, tables and captions read in order. See docs/HTML.md.
struct HTMLExtractor {
    struct Block: Equatable {
        var text: String
        var kind: BlockKind
        /// 1…6 for a heading (h1…h6), 0 for the rest.
        var headingLevel = 0
    }

    let tree: HTMLTree
    /// Furniture: never text.
    private(set) var removed: [Bool]
    /// Characters of visible text under each node, and of them inside links.
    private(set) var textLength: [Int]
    private(set) var linkLength: [Int]
    /// What each element's class and id say (judged once: the words of a name are split and matched
    /// only here).
    let names: [BoilerplateRules.NameVerdict]

    init(_ tree: HTMLTree) {
        self.tree = tree
        let n = tree.nodes.count
        removed = [Bool](repeating: false, count: n)
        textLength = [Int](repeating: 0, count: n)
        linkLength = [Int](repeating: 0, count: n)
        var judged: [String: BoilerplateRules.NameJudgement] = [:]
        names = tree.nodes.map { node in
            BoilerplateRules.NameVerdict(node) { value in
                if let known = judged[value] { return known }
                let j = BoilerplateRules.judge(value)
                judged[value] = j
                return j
            }
        }
        markFurniture()
        measure()
    }

    // MARK: furniture

    private mutating func markFurniture() {
        let nodes = tree.nodes
        // Raw text lengths first: a "furniture" name on what holds most of the page's text is not furniture.
        var raw = [Int](repeating: 0, count: nodes.count)
        for i in stride(from: nodes.count - 1, through: 1, by: -1) {
            let node = nodes[i]
            if node.isText {
                raw[i] = node.length
            } else if node.name == "script" || node.name == "style" {
                raw[i] = 0
            }
            if node.parent >= 0 { raw[node.parent] += raw[i] }
        }
        let paragraphText = nodes.indices.reduce(0) { $0 + (nodes[$1].name == "p" ? raw[$1] : 0) }
        let total = max(raw.first ?? 0, 1)
        for i in nodes.indices where i > 0 {
            let node = nodes[i]
            let parent = node.parent
            if parent >= 0 && removed[parent] {
                removed[i] = true
                continue
            }
            guard !node.isText else { continue }
            if BoilerplateRules.droppedTags.contains(node.name) {
                // A page that puts its article in <aside> or <footer> is rare; one that puts all its
                // paragraphs there is not read as furniture.
                if (node.name == "aside" || node.name == "footer" || node.name == "nav") && raw[i] * 2 > total
                    && paragraphText > 0
                {
                    continue
                }
                removed[i] = true
                continue
            }
            if BoilerplateRules.isHidden(node) {
                removed[i] = true
                continue
            }
            if node.name == "body" || node.name == "html" || node.name == "article" || node.name == "main" {
                continue
            }
            if let role = node.attribute("role")?.lowercased(), BoilerplateRules.droppedRoles.contains(role),
                raw[i] * 3 < total
            {
                removed[i] = true
                continue
            }
            if node.name == "header", raw[i] * 3 < total {
                removed[i] = true
                continue
            }
            if names[i].furniture {
                // Never the container of most of the page's paragraphs.
                let share = paragraphText > 0 ? paragraphShare(i, raw: raw) : 0
                if share * 2 < paragraphText || paragraphText == 0 && raw[i] * 2 < total {
                    removed[i] = true
                }
            }
        }
    }

    /// Paragraph text under `i`.
    private func paragraphShare(_ i: Int, raw: [Int]) -> Int {
        var sum = 0
        var stack = [i]
        while let k = stack.popLast() {
            let node = tree.nodes[k]
            if node.name == "p" {
                sum += raw[k]
                continue
            }
            stack += node.children
        }
        return sum
    }

    private mutating func measure() {
        let nodes = tree.nodes
        for i in stride(from: nodes.count - 1, through: 0, by: -1) where !removed[i] {
            let node = nodes[i]
            if node.isText { textLength[i] = node.length }
            if node.name == "a", let href = node.attribute("href"), !href.hasPrefix("#") {
                linkLength[i] = textLength[i]
            }
            if node.parent >= 0 {
                textLength[node.parent] += textLength[i]
                linkLength[node.parent] += linkLength[i]
            }
        }
    }

    /// Whether `i` sits inside a link (a teaser card's heading is a link to another article).
    func isInsideLink(_ i: Int) -> Bool {
        var k = tree.nodes[i].parent
        var steps = 0
        while k > 0 && steps < 4 {
            if tree.nodes[k].name == "a", let href = tree.nodes[k].attribute("href"), !href.hasPrefix("#") {
                return true
            }
            k = tree.nodes[k].parent
            steps += 1
        }
        return false
    }

    func linkDensity(_ i: Int) -> Double {
        textLength[i] == 0 ? 0 : Double(linkLength[i]) / Double(textLength[i])
    }

    // MARK: the main text

    /// The element that holds the article (Readability's top candidate, moved up to a parent that
    /// scores better), with the siblings that belong to it.
    func mainContent() -> [Int] {
        let nodes = tree.nodes
        var score = [Double](repeating: 0, count: nodes.count)
        var scored = [Bool](repeating: false, count: nodes.count)
        func initialize(_ k: Int) {
            guard !scored[k] else { return }
            scored[k] = true
            var s = 0.0
            switch nodes[k].name {
            case "div", "article", "main": s = 5
            case "section": s = 3
            case "pre", "td", "blockquote": s = 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s = -3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": s = -5
            default: break
            }
            if nodes[k].name == "article" { s += 10 }
            if nodes[k].attribute("itemprop")?.lowercased().contains("articlebody") == true { s += 50 }
            // A name of the article's own counts where there is text to back it (a page may call
            // every small box "content").
            let weight = names[k].weight
            score[k] = s + (weight > 0 ? Double(weight) * min(1, Double(textLength[k]) / 500) : Double(weight))
        }
        for i in nodes.indices where !removed[i] && isScorableBlock(i) {
            let length = textLength[i]
            guard length >= 25 else { continue }
            var text = 0
            var commas = 0
            countCommas(i, &commas)
            text = length
            let contentScore = 1 + Double(commas) + min(Double(text) / 100, 3)
            var ancestor = nodes[i].parent
            var level = 0
            while ancestor > 0 && level < 5 {
                initialize(ancestor)
                let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level * 3)
                score[ancestor] += contentScore / divider
                ancestor = nodes[ancestor].parent
                level += 1
            }
        }
        var top = -1
        var best = -Double.infinity
        for i in nodes.indices where scored[i] && !removed[i] {
            score[i] *= 1 - linkDensity(i)
            if textLength[i] < 100 { score[i] *= Double(textLength[i]) / 100 }
            if score[i] > best {
                best = score[i]
                top = i
            }
        }
        guard top > 0 else { return bodyOrRoot() }
        // A list is a part of an article (or a gallery, or a list of teasers), not the article: its
        // nearest scored ancestor is.
        if ["ul", "ol", "li", "dl", "tr", "tbody", "table"].contains(nodes[top].name) {
            var k = nodes[top].parent
            while k > 0 && !scored[k] { k = nodes[k].parent }
            if k > 0 && nodes[k].name != "body" {
                top = k
                best = score[k]
            }
        }
        // An article cut into sibling boxes (steps, Q&A parts, sections): when three other of the best
        // candidates, each nearly as good, share an ancestor with the top one, that ancestor is the
        // article (as Readability.js does).
        let contenders = nodes.indices.filter { scored[$0] && !removed[$0] && $0 != top && score[$0] >= best * 0.75 }
            .sorted { score[$0] > score[$1] }.prefix(4)
        if contenders.count >= 3 {
            let ancestorSets = contenders.map { c -> Set<Int> in
                var set = Set<Int>()
                var k = nodes[c].parent
                while k > 0 { set.insert(k); k = nodes[k].parent }
                return set
            }
            var k = nodes[top].parent
            while k > 0 && nodes[k].name != "body" {
                if ancestorSets.filter({ $0.contains(k) }).count >= 3 {
                    top = k
                    best = max(best, score[k])
                    break
                }
                k = nodes[k].parent
            }
        }
        // Move up while a parent holds more of the article (Readability: the scores must not fall too low).
        var lastScore = best
        let threshold = best / 3
        var parent = nodes[top].parent
        while parent > 0 && nodes[parent].name != "body" {
            if !scored[parent] {
                parent = nodes[parent].parent
                continue
            }
            if score[parent] < threshold { break }
            if score[parent] > lastScore {
                top = parent
                break
            }
            lastScore = score[parent]
            parent = nodes[parent].parent
        }
        // A top candidate that is the only child of its parent: the parent is as good and may hold more.
        while nodes[top].parent > 0, nodes[nodes[top].parent].name != "body",
            nodes[nodes[top].parent].children.filter({ !removed[$0] && textLength[$0] > 0 }).count == 1
        {
            top = nodes[top].parent
        }
        // An article set in repeated boxes of one kind (a CMS's paragraph modules): the box that won
        // stands beside twins of the same name and class, which belong with it.
        var twins: Set<Int> = []
        var k = top
        for _ in 0..<4 {
            let p = nodes[k].parent
            guard p > 0, nodes[p].name != "body" else { break }
            let cls = nodes[k].attribute("class") ?? ""
            let same = nodes[p].children.filter { c in
                c != k && !removed[c] && nodes[c].name == nodes[k].name && !cls.isEmpty
                    && nodes[c].attribute("class") == cls && textLength[c] >= 80 && linkDensity(c) < 0.3
            }
            if !same.isEmpty {
                top = k
                twins = Set(same)
                break
            }
            k = p
        }
        // Siblings that belong with it: scored well, or paragraphs of real text.
        let topScore = score[top]
        let siblingThreshold = max(10, topScore * 0.2)
        let topClass = nodes[top].attribute("class") ?? ""
        var picked: [Int] = []
        let siblings = nodes[top].parent >= 0 ? nodes[nodes[top].parent].children : [top]
        for s in siblings where !removed[s] {
            if s == top || twins.contains(s) {
                picked.append(s)
                continue
            }
            guard textLength[s] > 0 else { continue }
            var bonus = 0.0
            if !topClass.isEmpty && nodes[s].attribute("class") == topClass { bonus = topScore * 0.2 }
            if scored[s] && score[s] + bonus >= siblingThreshold {
                picked.append(s)
            } else if nodes[s].name == "p" {
                let ld = linkDensity(s)
                let length = textLength[s]
                if length > 80 && ld < 0.25 {
                    picked.append(s)
                } else if length < 80 && length > 0 && ld == 0 {
                    let t = tree.text(of: s)
                    if t.hasSuffix(".") || t.contains(". ") { picked.append(s) }
                }
            }
        }
        return picked
    }

    private func bodyOrRoot() -> [Int] {
        if let body = tree.nodes.indices.first(where: { tree.nodes[$0].name == "body" }) { return [body] }
        return tree.root >= 0 ? [tree.root] : []
    }

    /// Blocks whose text counts toward their ancestors: paragraphs, and divs used as paragraphs.
    private func isScorableBlock(_ i: Int) -> Bool {
        let node = tree.nodes[i]
        switch node.name {
        case "p", "pre", "td", "blockquote": return true
        case "div", "section", "font", "center", "span":
            // Used as a paragraph: its own text, no blocks inside.
            var hasOwnText = false
            for c in node.children {
                let child = tree.nodes[c]
                if child.isText {
                    if textLength[c] >= 20 { hasOwnText = true }
                } else if !BoilerplateRules.inlineTags.contains(child.name) && child.name != "br" {
                    return false
                }
            }
            return hasOwnText
        default: return false
        }
    }

    private func countCommas(_ i: Int, _ commas: inout Int) {
        let node = tree.nodes[i]
        if node.isText {
            for s in node.text.unicodeScalars where s == "," || s == "\u{FF0C}" || s == "\u{3001}" || s == "\u{060C}" {
                commas += 1
            }
            return
        }
        for c in node.children where !removed[c] { countCommas(c, &commas) }
    }
}
