import ArticleKit

/// How the reader's state changes: one event in, a new state and the effects it needs out. `handle`
/// routes the event to the part it concerns; a key goes to whatever has the keys (the prompt, a mark's
/// letter, the overlay open, else the article view's key map), and a command of the article view is
/// dispatched by `apply` to the handler of its concern.
extension ReaderState {
    public mutating func handle(_ event: ReaderEvent) -> [Effect] {
        out.effects = []
        defer { out.effects = [] }
        let before = Before(self)
        route(event)
        conclude(event, since: before)
        return out.effects
    }

    /// What `conclude` compares the state after an event with.
    struct Before {
        var back: [Position]
        var forward: [Position]
        var counting: SearchCounting?
        var place: Whereabouts

        init(_ state: ReaderState) {
            back = state.navigation.backStack
            forward = state.navigation.forwardStack
            counting = state.view.search?.counting
            place = state.place
        }
    }

    /// An event, to the part it concerns.
    mutating func route(_ event: ReaderEvent) {
        switch event {
        case .input(let input): take(input)
        case .loaded(let document): receive(document)
        case .indexed(let collection, let chains): install(collection: collection, chains: chains)
        case .open(let article):
            out.message = nil
            guard collection.contains(article) else {
                out.message = "\(article) is not in this collection"
                return
            }
            open(article)
        case .stop: apply(.quit)
        case .reload: reload()
        case .journal(let journal): install(journal: journal)
        case .collectionResults(let results): receive(results)
        case .searchIndex(let status): receive(indexStatus: status)
        case .searchIndexOpened: receive(indexStatus: .building(done: 0, total: 0))
        case .keysTaken: break  // the policy's, in `conclude`
        case .notice(let text): announce(text)
        case .searchCounted(let chunk): view.receive(chunk, &out)
        }
    }

    /// What every event ends with, whichever part took it: the reading noted, a count no longer wanted
    /// stopped, plain mode's announcement, the history kept, and what the loop must now do.
    mutating func conclude(_ event: ReaderEvent, since before: Before) {
        observeReading()
        // A count behind the screen that is no longer this search's is stopped (Esc, another search or
        // article, a relayout); one that has just ended is not.
        if let old = before.counting, old.id != view.search?.counting?.id, !event.ends(count: old.id) {
            out.effects.append(.cancelCount(old.id))
        }
        if options.plain { announcePlace(leaving: before.place) }
        if before.back != navigation.backStack || before.forward != navigation.forwardStack {
            record(
                .history(
                    back: Array(navigation.backStack.suffix(Journal.historyLimit)),
                    forward: Array(navigation.forwardStack.suffix(Journal.historyLimit))))
        }
        decidePolicy(after: event)
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
                navigation.holdKey(key)
                return
            }
            keyPressed(key)
        }
    }

    /// One key, routed to what has the keys: the prompt, a mark's letter, the overlay open, else the
    /// article view. Whatever it did, the place the reader is at is the one kept across relayouts.
    mutating func keyPressed(_ key: Key) {
        out.message = nil
        defer { view.keepPlace() }
        if prompt != nil { return promptKey(key) }
        if let awaiting = memory.sitting.awaiting { return markKey(key, awaiting) }
        switch overlay {
        case .none: articleKey(key)
        case .outline(let selection): outlineKey(key, selection)
        case .list(let list): listKey(key, list)
        case .help(let scroll): helpKey(key, scroll)
        case .marks(let selection): marksKey(key, selection)
        case .recent(let selection): recentKey(key, selection)
        case .results(let results): resultsKey(key, results)
        }
    }

    /// A key in the article view. Digits only make a count for the next key, as in less and vim
    /// (`5j`, `12g`, `40%`, `3]`): a digit that also moved would leave the next motion counting
    /// from the wrong place. Section N is `N]`.
    mutating func articleKey(_ key: Key) {
        if KeyContext.article.typesText(key), case .character(let c) = key, let digit = c.wholeNumberValue {
            view.count = min((view.count ?? 0) * 10 + digit, 9_999_999)
            return
        }
        if let command = keyMap.command(for: key) { apply(command) }
        view.count = nil
    }

    /// A command of the article view, dispatched to the handler of its concern.
    mutating func apply(_ command: Command) {
        if folder.indexing && Self.needsWholeFolder(command) { return waitForFolder(command) }
        switch command {
        case .lineDown, .lineUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .top, .bottom, .percent:
            move(command)
        case .nextSection, .previousSection, .section, .outline:
            goToSection(command)
        case .followNext, .followPrevious, .back, .forward, .articleList:
            navigate(command)
        case .search, .searchCollection, .nextMatchOrFollowNext, .nextMatch, .previousMatch, .escape:
            searchCommand(command)
        case .toggleRead, .markChainRead, .nextUnread, .setMark, .jumpToMark, .bookmarks, .recentlyRead:
            applyJournal(command)
        case .help, .whereAmI, .reload, .edit, .repaint, .suspend, .quit:
            session(command)
        }
    }

    /// Commands that need every article of the folder known: while it is indexed they wait.
    static func needsWholeFolder(_ command: Command) -> Bool {
        switch command {
        case .articleList, .followNext, .followPrevious, .nextUnread, .markChainRead: return true
        default: return false
        }
    }

    mutating func waitForFolder(_ command: Command) {
        navigation.hold(command)
        out.message = "Reading the folder… this happens as soon as it is indexed"
    }

    // MARK: Handlers, one per concern

    /// Scrolling and going to a line.
    mutating func move(_ command: Command) {
        let count = view.count
        let page = max(1, bodyHeight - 1)
        switch command {
        case .lineDown: view.scroll(by: count ?? 1)
        case .lineUp: view.scroll(by: -(count ?? 1))
        case .halfPageDown: view.scroll(by: max(1, bodyHeight / 2))
        case .halfPageUp: view.scroll(by: -max(1, bodyHeight / 2))
        case .pageDown:
            // Space at the end stays here unless the person asked it to move on: moving on is n's job.
            if top >= maxTop && options.spaceNextArticle && !isLoading {
                follow(.next)
            } else if top >= maxTop {
                out.message = "End of the article — " + followHint
            } else {
                view.scroll(by: page)
            }
        case .pageUp: view.scroll(by: -page)
        case .top where count != nil, .bottom where count != nil:
            view.jump(toLine: max(0, min(count!, lines.count) - 1))
        case .top: view.setTop(0)
        case .bottom: view.setTop(maxTop)
        case .percent:
            guard let n = count else {
                out.message = "Type a number first: 40% goes 40 per cent of the way in"
                return
            }
            view.setTop(min(n, 100) * lines.count / 100)
        default: break
        }
    }

    /// The sections: the next, the previous, one by number, the outline.
    mutating func goToSection(_ command: Command) {
        switch command {
        case .nextSection where view.count != nil: view.jump(toSection: view.count! - 1, &out)
        case .nextSection:
            let next = currentSection + 1
            if document.layout.sectionStarts.indices.contains(next) {
                view.jump(toSection: next, &out)
            } else {
                out.message = "No more sections"
            }
        case .previousSection:
            // Like a music player: first back to the start of this section, then to the one before.
            let starts = document.layout.sectionStarts
            let current = currentSection
            if starts.indices.contains(current) && starts[current] < top {
                view.jump(toSection: current, &out)
            } else if current > 0 {
                view.jump(toSection: current - 1, &out)
            } else {
                out.message = "Already at the first section"
            }
        case .section(let n): view.jump(toSection: n - 1, &out)
        case .outline:
            if hasOutline {
                overlay = .outline(selection: currentSection)
            } else {
                out.message = "This article has no section headings"
            }
        default: break
        }
    }

    /// The chain, the history and the article list.
    mutating func navigate(_ command: Command) {
        switch command {
        case .followNext: follow(.next)
        case .followPrevious: follow(.previous)
        case .back: goBack()
        case .forward: goForward()
        case .articleList:
            overlay = .list(ArticleListState(matches: listPool, selection: entryIndex ?? 0, marked: entryIndex))
        default: break
        }
    }

    /// The `/` search and the search of every article.
    mutating func searchCommand(_ command: Command) {
        switch command {
        case .search: prompt = SearchPrompt(history: view.queries)
        case .searchCollection: openCollectionPrompt()
        case .nextMatchOrFollowNext: apply(view.search != nil ? .nextMatch : .followNext)
        case .nextMatch: view.stepMatch(1, keys: keyMap, &out)
        case .previousMatch: view.stepMatch(-1, keys: keyMap, &out)
        case .escape: view.clearSearch(keys: keyMap, &out)
        default: break
        }
    }

    /// What concerns the session rather than the article: help, where am I, the file, the terminal, quitting.
    mutating func session(_ command: Command) {
        switch command {
        case .help: overlay = .help(scroll: 0)
        case .whereAmI: out.message = whereAmI
        case .reload: reload()
        case .edit:
            guard let file = document.file else {
                out.message = "This article is not a file: there is nothing to edit"
                return
            }
            out.effects.append(.edit(path: file.path, near: focusText))
        case .repaint: out.effects.append(.repaint)
        case .suspend: out.effects.append(.suspend)
        case .quit:
            out.effects.append(.persistPosition(currentPosition))
            out.effects.append(.quit)
        default: break
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

    /// What a forward search says when it finds its match only from the top, as less says it.
    static let wrappedForward = ArticleView.wrappedForward

    // MARK: The chain and history

    mutating func follow(_ direction: LinkDirection) {
        let name = direction.rawValue
        // An article with no line for this direction still has a neighbour when another article's
        // opposite line names it (B has no PREV, but A's NEXT is B): the chain's edge leads there.
        if let entry = entryIndex, collection.link(entry, direction) == nil, !folder.indexing,
            chains.predecessor.indices.contains(entry),
            let neighbour = folder.chainNeighbour(entry, direction)
        {
            open(collection.entries[neighbour].id)
            return
        }
        guard let entry = entryIndex, let link = collection.link(entry, direction) else {
            out.message =
                direction == .next
                ? "End of the chain: this article has no NEXT" : "Start of the chain: this article has no PREV"
            return
        }
        guard let target = link.target else {
            out.message = "\(name) “\(link.title)” is not in this collection"
            return
        }
        open(collection.entries[target].id)
    }

    /// Opens an article, remembering where we were.
    mutating func open(_ article: ArticleID) {
        navigation.leave(currentPosition)
        // Where it was left, in this sitting or an earlier one; the search goes on in the
        // next article, as less keeps its pattern across :n.
        var position =
            memory.journal.places[article].map { Position(article: article, place: $0) }
            ?? Position(article: article, block: 0, line: 0, width: 0)
        position.search = view.search.map { SearchState.Saved(query: $0.query, current: nil) }
        show(position)
    }

    /// Where the reader is; while an article is read, where it is headed in it.
    public var currentPosition: Position {
        if isLoading, let arrival = navigation.arrival { return arrival }
        var here = Position(
            article: document.id, block: lines.isEmpty ? 0 : lines[min(top, lines.count - 1)].block,
            line: top, width: document.layout.width, place: document.place(atLine: top),
            progress: memory.journal.progress[document.id])
        here.search = search?.saved
        // Results that Back brought up go with the place, should it be left again (Forward).
        if case .results(let results) = overlay {
            here.results = results
        } else {
            here.results = collectionSearch.resultsHere
        }
        return here
    }

    mutating func goBack() {
        guard let previous = navigation.back(from: currentPosition) else {
            out.message = "No earlier article in your history"
            return
        }
        show(previous)
        // Left from a collection search's results: they come back with it, asked again when
        // they were found while the index was still being built and it is done now.
        if var results = previous.results {
            if !results.complete && collectionSearch.index == .ready {
                out.effects.append(collectionSearch.ask(&results))
            }
            overlay = .results(results)
            collectionSearch.resultsHere = results
        }
    }

    mutating func goForward() {
        guard let next = navigation.forward(from: currentPosition) else {
            out.message = "Nothing ahead in your history"
            return
        }
        show(next)
    }

    /// Leaves the article on screen for another: its title shows while it is read,
    /// and `arrive` puts the reader at `position` in it.
    mutating func show(_ position: Position) {
        let leaving = currentPosition
        collectionSearch.resultsHere = nil
        out.effects.append(.persistPosition(leaving))
        if memory.recordsChanges, !isLoading, let place = leaving.place {
            memory.journal.places[leaving.article] = place
        }
        overlay = .none
        prompt = nil
        let collection = folder.collection
        view.showLoading(keepingPane: false) { Document.loading(position.article, in: collection, width: $0) }
        navigation.arrival = position
        view.keepPlace()
        out.effects.append(.load(request(position.article)))
    }

    // MARK: The prompt

    /// A key while the prompt is open: edited by the prompt's own reducer; a query submitted goes to
    /// the search it is for.
    mutating func promptKey(_ key: Key) {
        guard var line = prompt else { return }
        switch line.edit(key, keys: keyMap) {
        case .editing: prompt = line
        case .cancelled: prompt = nil
        case .submitted(let typed) where line.scope == .collection:
            prompt = nil
            guard let query = typed.isEmpty ? collectionSearch.queries.last : typed else {
                out.message = "No earlier search to repeat"
                return
            }
            startCollectionSearch(query)
        case .submitted(let typed):
            prompt = nil
            view.submitSearch(typed, keys: keyMap, &out)
        }
    }

    // MARK: Overlays: each overlay's reducer decides, the outcome is carried out here

    mutating func outlineKey(_ key: Key, _ selection: Int) {
        let typed = view.count
        view.count = nil
        let sections = document.article.sections.count
        switch OutlineOverlay.take(key, selection: selection, sections: sections, typed: typed, keys: keyMap) {
        case .select(let row): overlay = .outline(selection: row)
        case .jump(let section):
            overlay = .none
            view.jump(toSection: section, &out)
        case .close: overlay = .none
        case .typed(let number):
            view.count = number
            overlay = .outline(selection: number - 1)
            out.message = "Section \(number)… (another digit, or Enter)"
        case .say(let note): out.message = note
        case .stay: break
        }
    }

    /// A key in the article list: the list's reducer moves and types; what needs the folder is done here.
    mutating func listKey(_ key: Key, _ list: ArticleListState) {
        var list = list
        carryOut(list.take(key, keys: keyMap, page: bodyHeight - 2), &list)
    }

    /// An action in the article list (the mouse opens an entry through here).
    mutating func listAction(_ action: Action, _ list: ArticleListState) {
        var list = list
        carryOut(list.take(action, page: bodyHeight - 2), &list)
    }

    mutating func carryOut(_ outcome: ArticleListState.Outcome, _ list: inout ArticleListState) {
        switch outcome {
        case .stay: break
        case .close:
            overlay = .none
            return
        case .open(let row):
            overlay = .none
            if let entry = list.entry(atRow: row, in: collection) {
                let article = collection.entries[entry].id
                if article != document.id { open(article) }
            }
            return
        case .filter(let text):
            // Characters added at the end only narrow: the previous matches are searched, not the folder.
            let narrowing = text.hasPrefix(list.filter)
            list.filter = text
            refilter(&list, narrowing: narrowing)
            askBodies(&list)
        case .unreadToggled:
            refilter(&list, narrowing: list.unreadOnly)
            askBodies(&list)
        case .clear:
            list.filter = ""
            list.unreadOnly = false
            list.bodyMatches = []
            list.bodyGeneration = nil
            list.matches = listPool
            list.selection = entryIndex ?? 0
            list.marked = entryIndex
        }
        overlay = .list(list)
    }

    /// The list's rows for its filter, over the folder as the reader knows it now.
    func refilter(_ list: inout ArticleListState, narrowing: Bool) {
        list.refilter(
            narrowing: narrowing, pool: folder.listPool, entries: folder.collection.entries,
            keys: folder.collection.titleFilterKeys, journal: memory.journal, here: entryIndex)
    }

    /// The index asked for the articles whose text holds the list's filter.
    mutating func askBodies(_ list: inout ArticleListState) {
        if let ask = collectionSearch.askBodies(&list) { out.effects.append(ask) }
    }

    mutating func helpKey(_ key: Key, _ scroll: Int) {
        let action = keyMap.action(for: key, in: .help)
        if let scroll = HelpOverlay.take(action, scroll: scroll, rows: helpRows.count, bodyHeight: bodyHeight) {
            overlay = .help(scroll: scroll)
        } else {
            overlay = .none
        }
    }
}
