import ArticleKit

/// How the reader's state changes: one event in, a new state and the effects it
/// needs out. The key map turns keys into commands in the article view; overlays and
/// the search prompt read keys their own way (typing goes into a filter or query).
extension ReaderState {
    public mutating func handle(_ event: ReaderEvent) -> [Effect] {
        outbox = []
        defer { outbox = [] }
        let history = (backStack, forwardStack)
        let counting = search?.counting
        let before = place
        switch event {
        case .input(let input): take(input)
        case .loaded(let document): receive(document)
        case .indexed(let collection, let chains): install(collection: collection, chains: chains)
        case .open(let article):
            message = nil
            guard collection.contains(article) else { message = "\(article) is not in this collection"; break }
            open(article)
        case .stop: apply(.quit)
        case .reload: reload()
        case .journal(let journal): install(journal: journal)
        case .collectionResults(let results): receive(results)
        case .searchIndex(let status): receive(indexStatus: status)
        case .searchIndexOpened: receive(indexStatus: .building(done: 0, total: 0))
        case .keysTaken: break  // the policy's, below
        case .notice(let text): announce(text)
        case .searchCounted(let chunk): receive(chunk)
        }
        observeReading()
        // A count behind the screen that is no longer this search's is stopped (Esc, another search or
        // article, a relayout); one that has just ended is not.
        if let old = counting, old.id != search?.counting?.id, !event.ends(count: old.id) {
            outbox.append(.cancelCount(old.id))
        }
        if options.plain { announcePlace(leaving: before) }
        if history != (backStack, forwardStack) {
            record(
                .history(
                    back: Array(backStack.suffix(Journal.historyLimit)),
                    forward: Array(forwardStack.suffix(Journal.historyLimit))))
        }
        decidePolicy(after: event)
        return outbox
    }

    /// A key or a resize.
    public mutating func handle(_ input: InputEvent) -> [Effect] {
        handle(.input(input))
    }

    mutating func take(_ input: InputEvent) {
        switch input {
        case .resize(let w, let h):
            relayout(width: w, height: h)
        case .mouse(let event):
            if !isLoading { mouse(event) }
        case .key(let key):
            // Keys meant for an article wait until it is in; quitting never waits.
            if isLoading && keyMap.command(for: key) != .quit {
                if typeahead.count < 64 { typeahead.append(key) }
                return
            }
            keyPressed(key)
        }
    }

    /// One key, read the way the open overlay or prompt reads keys.
    mutating func keyPressed(_ key: Key) {
        message = nil
        if prompt != nil { editPrompt(key); anchor = anchorPosition(); return }
        if let awaiting = sitting.awaiting { markKey(key, awaiting); anchor = anchorPosition(); return }
        switch overlay {
        case .none: articleKey(key)
        case .outline(let selection): outlineKey(key, selection)
        case .list(let list): listKey(key, list)
        case .help(let scroll): helpKey(key, scroll)
        case .marks(let selection): marksKey(key, selection)
        case .recent(let selection): recentKey(key, selection)
        case .results(let results): resultsKey(key, results)
        }
        anchor = anchorPosition()
    }

    /// A key in the article view. Digits only make a count for the next key, as in less and vim
    /// (`5j`, `12g`, `40%`, `3]`): a digit that also moved would leave the next motion counting
    /// from the wrong place. Section N is `N]`.
    mutating func articleKey(_ key: Key) {
        if KeyContext.article.typesText(key), case .character(let c) = key, let digit = c.wholeNumberValue {
            count = min((count ?? 0) * 10 + digit, 9_999_999)
            return
        }
        if let command = keyMap.command(for: key) { apply(command) }
        count = nil
    }

    mutating func apply(_ command: Command) {
        let page = max(1, bodyHeight - 1)
        switch command {
        case .lineDown: scroll(by: count ?? 1)
        case .lineUp: scroll(by: -(count ?? 1))
        case .halfPageDown: scroll(by: max(1, bodyHeight / 2))
        case .halfPageUp: scroll(by: -max(1, bodyHeight / 2))
        case .pageDown:
            // Space at the end stays here unless the person asked it to move on: moving on is n's job.
            if top >= maxTop && options.spaceNextArticle && !isLoading {
                follow(.next)
            } else if top >= maxTop {
                message = "End of the article — " + followHint
            } else {
                scroll(by: page)
            }
        case .pageUp: scroll(by: -page)
        case .top where count != nil, .bottom where count != nil: jump(toLine: max(0, min(count!, lines.count) - 1))
        case .top: setTop(0)
        case .bottom: setTop(maxTop)
        case .percent:
            guard let n = count else { message = "Type a number first: 40% goes 40 per cent of the way in"; break }
            setTop(min(n, 100) * lines.count / 100)
        case .nextSection where count != nil: jump(toSection: count! - 1)
        case .nextSection:
            let next = currentSection + 1
            if document.layout.sectionStarts.indices.contains(next) {
                jump(toSection: next)
            } else {
                message = "No more sections"
            }
        case .previousSection:
            // Like a music player: first back to the start of this section, then to the one before.
            let starts = document.layout.sectionStarts
            let current = currentSection
            if starts.indices.contains(current) && starts[current] < top {
                jump(toSection: current)
            } else if current > 0 {
                jump(toSection: current - 1)
            } else {
                message = "Already at the first section"
            }
        case .section(let n): jump(toSection: n - 1)
        case .outline:
            if hasOutline {
                overlay = .outline(selection: currentSection)
            } else {
                message = "This article has no section headings"
            }
        case .articleList where indexing, .followNext where indexing, .followPrevious where indexing,
            .nextUnread where indexing, .markChainRead where indexing:
            if pending.count < 16 { pending.append(command) }
            message = "Reading the folder… this happens as soon as it is indexed"
        case .articleList:
            let all = listPool
            overlay = .list(ArticleListState(matches: all, selection: entryIndex ?? 0, marked: entryIndex))
        case .help: overlay = .help(scroll: 0)
        case .followNext: follow(.next)
        case .followPrevious: follow(.previous)
        case .back: goBack()
        case .forward: goForward()
        case .search: prompt = SearchPrompt(history: queries)
        case .searchCollection: openCollectionPrompt()
        case .nextMatchOrFollowNext: apply(search != nil ? .nextMatch : .followNext)
        case .nextMatch: stepMatch(1)
        case .previousMatch: stepMatch(-1)
        case .whereAmI: message = whereAmI
        case .reload: reload()
        case .edit:
            guard let file = document.file else {
                message = "This article is not a file: there is nothing to edit"
                break
            }
            outbox.append(.edit(path: file.path, near: focusText))
        case .repaint: outbox.append(.repaint)
        case .suspend: outbox.append(.suspend)
        case .escape:
            if let s = search {
                search = nil
                message =
                    (s.counting != nil ? "Search stopped" : "Search cleared")
                    + ": \(keyMap.label(.nextMatchOrFollowNext)) and \(keyMap.label(.followPrevious)) follow the chain"
            }
        case .toggleRead, .markChainRead, .nextUnread, .setMark, .jumpToMark, .bookmarks, .recentlyRead:
            applyJournal(command)
        case .quit:
            outbox.append(.persistPosition(currentPosition))
            outbox.append(.quit)
        }
    }

    /// The keys that follow the chain, as the end of an article names them. While a search is on,
    /// n steps matches: the keys that always follow the chain are named then.
    var followHint: String {
        func name(_ action: Action) -> String {
            let keys = keyMap.keys(for: action, in: .article)
            // Lower-case n and p sit next to the search's stepping: J and K pair better then.
            let pick = search == nil ? keys.first : keys.first { !Self.isLowercaseLetter($0) } ?? keys.first
            return pick?.description ?? action.name
        }
        return "\(name(search == nil ? .nextMatchOrFollowNext : .followNext)): next article, "
            + "\(name(.followPrevious)): previous"
    }

    static func isLowercaseLetter(_ key: Key) -> Bool {
        if case .character(let c) = key { return c.isLowercase }
        return false
    }

    mutating func scroll(by delta: Int) {
        setTop(top + delta)
    }

    mutating func jump(toLine line: Int) {
        setTop(line)
        focus = min(line, max(0, lines.count - 1))
    }

    mutating func jump(toSection index: Int) {
        let starts = document.layout.sectionStarts
        guard starts.indices.contains(index) else {
            message = "There is no section \(index + 1) (this article has \(starts.count))"
            return
        }
        // Section 1 is the lede: show the title with it.
        if index == 0 { setTop(0) } else { jump(toLine: starts[index]) }
    }

    // MARK: The chain and history

    mutating func follow(_ direction: LinkDirection) {
        let name = direction.rawValue
        // An article with no line for this direction still has a neighbour when another article's
        // opposite line names it (B has no PREV, but A's NEXT is B): the chain's edge leads there.
        if let entry = entryIndex, collection.link(entry, direction) == nil, !indexing,
            chains.predecessor.indices.contains(entry),
            let neighbour = chainNeighbour(entry, direction)
        {
            open(collection.entries[neighbour].id)
            return
        }
        guard let entry = entryIndex, let link = collection.link(entry, direction) else {
            message =
                direction == .next
                ? "End of the chain: this article has no NEXT" : "Start of the chain: this article has no PREV"
            return
        }
        guard let target = link.target else {
            message = "\(name) “\(link.title)” is not in this collection"
            return
        }
        open(collection.entries[target].id)
    }

    /// The entry before or after `entry` in its chain; in a cycle the head and the tail are neighbours.
    func chainNeighbour(_ entry: Int, _ direction: LinkDirection) -> Int? {
        if let direct = direction == .next ? chains.successor[entry] : chains.predecessor[entry] { return direct }
        let chain = chains.chains[chains.position[entry].chain]
        guard chain.isCycle, let head = chain.entries.first, let tail = chain.entries.last else { return nil }
        if direction == .next && entry == tail { return head }
        if direction == .previous && entry == head { return tail }
        return nil
    }

    /// Opens an article, remembering where we were.
    mutating func open(_ article: ArticleID) {
        backStack.append(currentPosition)
        forwardStack.removeAll()
        // Where it was left, in this sitting or an earlier one; the search goes on in the
        // next article, as less keeps its pattern across :n.
        var position =
            journal.places[article].map { Position(article: article, place: $0) }
            ?? Position(article: article, block: 0, line: 0, width: 0)
        position.search = search.map { SearchState.Saved(query: $0.query, current: nil) }
        show(position)
    }

    /// Where the reader is; while an article is read, where it is headed in it.
    public var currentPosition: Position {
        if isLoading, let arrival { return arrival }
        var here = Position(
            article: document.id, block: lines.isEmpty ? 0 : lines[min(top, lines.count - 1)].block,
            line: top, width: document.layout.width, place: document.place(atLine: top),
            progress: journal.progress[document.id])
        here.search = search?.saved
        // Results that Back brought up go with the place, should it be left again (Forward).
        if case .results(let results) = overlay { here.results = results } else { here.results = resultsHere }
        return here
    }

    mutating func goBack() {
        guard let previous = backStack.popLast() else { message = "No earlier article in your history"; return }
        forwardStack.append(currentPosition)
        show(previous)
        // Left from a collection search's results: they come back with it, asked again when
        // they were found while the index was still being built and it is done now.
        if var results = previous.results {
            if !results.complete && searchIndex == .ready { ask(&results) }
            overlay = .results(results)
            resultsHere = results
        }
    }

    mutating func goForward() {
        guard let next = forwardStack.popLast() else { message = "Nothing ahead in your history"; return }
        backStack.append(currentPosition)
        show(next)
    }

    /// Leaves the article on screen for another: its title shows while it is read,
    /// and `arrive` puts the reader at `position` in it.
    mutating func show(_ position: Position) {
        let leaving = currentPosition
        resultsHere = nil
        outbox.append(.persistPosition(leaving))
        if recordsChanges, !isLoading, let place = leaving.place { journal.places[leaving.article] = place }
        search = nil
        overlay = .none
        prompt = nil
        geometry = Geometry(width: geometry.width, height: geometry.height, wantsPane: false, layout: layout)
        document = Document.loading(position.article, in: collection, width: geometry.columnWidth)
        arrival = position
        setTop(0)
        anchor = anchorPosition()
        outbox.append(.load(request(position.article)))
    }

    // MARK: Search

    mutating func editPrompt(_ key: Key) {
        guard var line = prompt else { return }
        switch line.edit(key, keys: keyMap) {
        case .editing: prompt = line
        case .cancelled: prompt = nil
        case .submitted(let typed) where line.scope == .collection:
            prompt = nil
            guard let query = typed.isEmpty ? collectionQueries.last : typed else {
                message = "No earlier search to repeat"
                return
            }
            startCollectionSearch(query)
        case .submitted(let typed):
            prompt = nil
            // Enter on an empty prompt repeats the last search, as in less.
            guard let query = typed.isEmpty ? queries.last : typed else {
                message = "No earlier search to repeat"
                return
            }
            if typed.isEmpty, let s = search, s.query == query { stepMatch(1); return }
            if !typed.isEmpty { queries.removeAll { $0 == typed }; queries.append(typed) }
            // A regular expression that does not compile says why, rather than "No match".
            if let problem = SearchState.regexProblem(query) {
                message = problem
                return
            }
            runSearch(query, revealing: true)
            if let s = search, s.matches.isEmpty, s.counting == nil { message = "No match for “\(query)”" }
        }
    }

    /// Steps through the matches, wrapping round the article with a notice, as less does.
    mutating func stepMatch(_ delta: Int) {
        guard var s = search else { message = "No search: press / to search"; return }
        if let counting = s.counting, counting.awaitingFirst {
            message = "Still searching for “\(s.query)” (\(counting.percent)%) · \(keyMap.label(.escape)) stops"
            return
        }
        guard !s.matches.isEmpty else {
            message = "No match for “\(s.query)” in this article · \(keyMap.label(.escape)) clears"
            return
        }
        // A search carried into this article has not shown its first match yet: n shows it.
        let step = !s.visited && delta > 0 ? 0 : delta
        let next = s.current + step
        if let counting = s.counting, step != 0, !s.isKnownStep(from: s.current, by: step, counting) {
            message =
                "The next match is not found yet: counting (\(counting.percent)%) · \(keyMap.label(.escape)) stops"
            return
        }
        if next >= s.matches.count { message = Self.wrappedForward }
        if next < 0 { message = "search hit the top, continuing at the end" }
        s.current = (next + s.matches.count) % s.matches.count
        s.visited = true
        search = s
        reveal(s.matches[s.current])
    }

    /// Brings a match into view, a third of the way down when it was off screen.
    mutating func reveal(_ match: SearchState.Match) {
        if match.line < top || match.line >= top + bodyHeight { setTop(match.line - bodyHeight / 3) }
        focus = match.line
    }

    // MARK: Overlays

    mutating func outlineKey(_ key: Key, _ selection: Int) {
        let count = document.article.sections.count
        let typed = self.count
        self.count = nil
        switch keyMap.action(for: key, in: .outline) {
        case .down: overlay = .outline(selection: min(count - 1, selection + 1))
        case .up: overlay = .outline(selection: max(0, selection - 1))
        case .top: overlay = .outline(selection: 0)
        case .bottom: overlay = .outline(selection: max(0, count - 1))
        case .open:
            overlay = .none
            jump(toSection: selection)
        case .close:
            overlay = .none
        default:
            if KeyContext.outline.typesText(key), case .character(let c) = key {
                outlineDigit(c.wholeNumberValue ?? 0, typed: typed, sections: count)
            }
        }
    }

    /// Digits typed in the outline pick a section by number: the selection follows them, and the
    /// jump happens once no longer number could be meant (with 12 sections, "1" waits, "12" jumps).
    mutating func outlineDigit(_ digit: Int, typed: Int?, sections: Int) {
        var number = (typed ?? 0) * 10 + digit
        if number > sections || number == 0 { number = digit }  // starts again rather than going nowhere
        guard number >= 1, number <= sections else {
            message = "There is no section \(number) (this article has \(sections))"
            return
        }
        if number * 10 > sections {
            overlay = .none
            jump(toSection: number - 1)
        } else {
            count = number
            overlay = .outline(selection: number - 1)
            message = "Section \(number)… (another digit, or Enter)"
        }
    }

    /// A key in the article list: an action of the list's, or, after `/`, typed into its filter.
    mutating func listKey(_ key: Key, _ list: ArticleListState) {
        if list.typing {
            filterKey(key, list)
        } else if let action = keyMap.action(for: key, in: .list) {
            listAction(action, list)
        }
    }

    /// A key while the list's filter is typed: characters narrow the list as they come, Enter keeps
    /// the filter, Esc goes back to the one there was before `/`; either gives the keys back.
    mutating func filterKey(_ key: Key, _ list: ArticleListState) {
        var list = list
        let action = keyMap.action(for: key, in: .filter)
        switch action {
        case .submit:
            list.typing = false
        case .cancel:
            list.typing = false
            if list.filter != list.filterBefore { setFilter(&list, list.filterBefore) }
        case .deleteBack:
            if list.filter.isEmpty { list.typing = false } else { setFilter(&list, String(list.filter.dropLast())) }
        case .deleteWord:
            var text = Substring(list.filter)
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
            setFilter(&list, String(text))
        case .deleteToStart:
            setFilter(&list, "")
        case .down?, .up?:
            listAction(action!, list)
            return
        default:
            guard case .character(let c) = key else { return }
            setFilter(&list, list.filter + String(c))
        }
        overlay = .list(list)
    }

    /// The filter changed to `text`: the list follows it, and the index is asked for the texts.
    mutating func setFilter(_ list: inout ArticleListState, _ text: String) {
        // Characters added at the end only narrow: the previous matches are searched, not the folder.
        let narrowing = text.hasPrefix(list.filter)
        list.filter = text
        refilter(&list, narrowing: narrowing)
        askBodies(&list)
    }

    /// What an action does in the article list; the mouse opens an entry through here too.
    mutating func listAction(_ action: Action, _ list: ArticleListState) {
        var list = list
        let last = list.rowCount - 1
        switch action {
        case .down: list.selection = max(0, min(last, list.selection + 1))
        case .up: list.selection = max(0, list.selection - 1)
        case .pageDown: list.selection = max(0, min(last, list.selection + bodyHeight - 2))
        case .pageUp: list.selection = max(0, list.selection - (bodyHeight - 2))
        case .top: list.selection = 0
        case .bottom: list.selection = max(0, last)
        case .open:
            overlay = .none
            if let entry = list.entry(atRow: list.selection, in: collection) {
                let article = collection.entries[entry].id
                if article != document.id { open(article) }
            }
            return
        case .filter:
            list.typing = true
            list.filterBefore = list.filter
        case .unreadOnly:
            list.unreadOnly.toggle()
            refilter(&list, narrowing: list.unreadOnly)
            askBodies(&list)
        case .clearOrClose:
            if list.filter.isEmpty { overlay = .none; return }
            list.filter = ""
            list.unreadOnly = false
            list.bodyMatches = []
            list.bodyGeneration = nil
            list.matches = listPool
            list.selection = entryIndex ?? 0
            list.marked = entryIndex
        case .deleteChar:
            guard !list.filter.isEmpty else { break }
            setFilter(&list, String(list.filter.dropLast()))
        case .close:
            overlay = .none
            return
        default:
            break
        }
        list.selection = max(0, list.selection)
        overlay = .list(list)
    }

    /// Every word of the filter must occur in the title (or, in a nested archive, the article's
    /// folder), in any case. A longer filter
    /// only narrows, so it searches the previous matches rather than the whole folder.
    func refilter(_ list: inout ArticleListState, narrowing: Bool) {
        // Folded as `/` folds: accents, quotes and dashes never count, case only when the filter has
        // a capital (which still only narrows).
        var fold = TextFold(for: list.filter)
        let words = list.filter.split(separator: " ").map { fold.fold(String($0)) }.filter { !$0.isEmpty }
        let entries = collection.entries
        let pool = narrowing ? list.matches : listPool
        // First pass on the titles the collection folded once (a key must not fold every title again);
        // only the titles it keeps are folded and matched exactly below.
        let keys = collection.titleFilterKeys
        let plain = list.filter.split(separator: " ").map { TitleFilterKeys.fold(String($0)) }.filter { !$0.isEmpty }
        let inFolders = keys.folderMatches(plain)
        list.matches = pool.filter { i in
            // Most titles fold with no cluster kept whole: there the bytes are the answer.
            let inTitle = plain.allSatisfy { keys.mayContain(i, $0) }
            if inTitle && !fold.keepsCase && keys.isExact(i) { return true }
            let possible =
                inTitle
                || plain.indices.allSatisfy { w in
                    keys.mayContain(i, plain[w]) || keys.folderMayContain(i, word: w, in: inFolders)
                }
            guard possible else { return false }
            let title = fold.fold(entries[i].links.title)
            if words.allSatisfy({ title.contains($0) }) { return true }
            // In a nested archive a word may name the folder instead ("2026/03 council").
            let folder = entries[i].folder
            guard !folder.isEmpty else { return false }
            let place = fold.fold(folder)
            return words.allSatisfy { title.contains($0) || place.contains($0) }
        }
        if list.unreadOnly { list.matches.removeAll { journal.isRead(entries[$0].id) } }
        list.marked = entryIndex.flatMap(list.matches.firstIndex(of:))
        list.selection = list.marked ?? 0
    }

    mutating func helpKey(_ key: Key, _ scroll: Int) {
        // Stops at the last screenful, so k scrolls back at once.
        let last = max(0, helpRows.count - bodyHeight)
        let page = max(1, bodyHeight - 1)
        switch keyMap.action(for: key, in: .help) {
        case .down: overlay = .help(scroll: min(last, scroll + 1))
        case .up: overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown: overlay = .help(scroll: min(last, scroll + page))
        case .pageUp: overlay = .help(scroll: max(0, scroll - page))
        default: overlay = .none
        }
    }
}
