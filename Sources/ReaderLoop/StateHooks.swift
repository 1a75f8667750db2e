import ReaderCore

/// How a run of the reader keeps its state between sittings, without the loop knowing
/// where it goes: each call must return at once (a store writes in the background).
public struct StateHooks: Sendable {
    /// Where to open the first article, found by its text.
    public var resume: TextPlace?
    /// One line to show on the first screen (a damaged database was replaced, …).
    public var notice: String?
    public var save: @Sendable (Position) -> Void
    public var record: @Sendable (StateChange) -> Void
    /// Jobs run with the first screen, their answers fed to the reader (the journal).
    public var load: [@Sendable () -> ReaderEvent]
    /// Writes what waits; called on every way out of the loop.
    public var flush: @Sendable () -> Void
    /// False when nothing keeps the state: the reader then asks for nothing to be kept.
    public var keeps = true

    public init(
        resume: TextPlace? = nil, notice: String? = nil, save: @escaping @Sendable (Position) -> Void,
        record: @escaping @Sendable (StateChange) -> Void, load: [@Sendable () -> ReaderEvent] = [],
        flush: @escaping @Sendable () -> Void
    ) {
        self.resume = resume
        self.notice = notice
        self.save = save
        self.record = record
        self.load = load
        self.flush = flush
    }

    /// No store: nothing is kept; `notice` says why, when there is a reason to say it.
    public static func none(notice: String?) -> StateHooks {
        var hooks = StateHooks(notice: notice, save: { _ in }, record: { _ in }, flush: {})
        hooks.keeps = false
        return hooks
    }

    /// The opening state told to record its changes (when anything keeps them) and to show the notice.
    public func prepare(_ opening: ReaderOpening) -> ReaderOpening {
        var opening = opening
        opening.state.recordsChanges = keeps
        if let notice { opening.state.announce(notice) }
        return opening
    }

    public func loop(
        backend: any Backend, worker: any Worker = DispatchWorker(), indexer: EventLoop.Indexer?,
        shouldStop: @escaping () -> Bool = { false }, afterDraw: @escaping () -> Void = {},
        search: SearchHooks? = nil
    ) -> EventLoop {
        EventLoop(
            backend: backend, worker: worker, indexer: indexer, persist: save, shouldStop: shouldStop,
            afterDraw: afterDraw, record: record, jobs: load, search: search)
    }
}
