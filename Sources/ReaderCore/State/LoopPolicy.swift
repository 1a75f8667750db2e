/// What the run loop does on the reader's word rather than its own: bring the full-text index up to
/// date once the folder is whole, save the place as reading goes, watch the file on screen. The loop
/// carries these out as effects (`.updateSearchIndex`, `.persistPosition`, `.watchFile`); the
/// decisions, and what they remember, are here.
struct LoopPolicy: Sendable {
    enum IndexUpdate: Sendable, Equatable {
        /// No index for this reader.
        case none
        /// The loop has an index; it is updated once the folder is known whole.
        case wanted
        case asked
    }

    var indexUpdate = IndexUpdate.none
    /// The place last handed out with `.persistPosition`: the same place is not saved again.
    var saved: Position?
    /// The file last asked to be watched.
    var watched: Document.FileStamp?
}

extension ReaderState {
    /// The policy's part of `handle`, after the event: what the loop must now do, added to the outbox.
    mutating func decidePolicy(after event: ReaderEvent) {
        switch event {
        case .searchIndexOpened:
            if policy.indexUpdate == .none { policy.indexUpdate = .wanted }
        case .keysTaken:
            let here = currentPosition
            if memory.recordsChanges, here != policy.saved { out.effects.append(.persistPosition(here)) }
        default:
            break
        }
        // After the folder's own index (titles, chains): that one the next keys may need.
        if policy.indexUpdate == .wanted, !indexing {
            policy.indexUpdate = .asked
            out.effects.append(.updateSearchIndex)
        }
        for case .persistPosition(let position) in out.effects { policy.saved = position }
        if let file = document.file, file != policy.watched {
            policy.watched = file
            out.effects.append(.watchFile(file))
        }
    }
}
