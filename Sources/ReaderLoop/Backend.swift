import Dispatch
import ReaderCore

/// What the run loop needs of a terminal: its size, a way to show a screen, and its
/// keys and resizes. `CursesTerminal` is the real one; tests replay a script.
public protocol Backend: AnyObject {
    var size: (width: Int, height: Int) { get }
    func draw(_ screen: Screen)
    /// Waits up to `timeout` milliseconds for a key or a resize; nil when none came.
    func nextEvent(timeout: Int) -> InputEvent?
    /// The next draw sends every cell, whatever the terminal shows now (Ctrl-L).
    func repaint()
    /// Hands the terminal to the shell until the job is resumed (Ctrl-Z, then `fg`).
    func suspend()
    /// Leaves the screen, runs `command` on the terminal and waits for it, then takes the screen back.
    func runOutside(_ command: [String])
    /// As `runOutside`, saying how the command ended: its exit status (128 + the signal's number when a
    /// signal ended it), nil when it could not be started at all.
    func runOutsideReporting(_ command: [String]) -> Int32?
}

extension Backend {
    /// For a backend that cannot tell: the command is taken to have run.
    public func runOutsideReporting(_ command: [String]) -> Int32? {
        runOutside(command)
        return 0
    }
}

/// Runs jobs off the loop's thread; each job posts its answer to the loop's mailbox.
public protocol Worker: Sendable {
    func start(_ job: @escaping @Sendable () -> Void)
}

/// Jobs on the system's shared queues.
public struct DispatchWorker: Worker {
    public init() {}
    public func start(_ job: @escaping @Sendable () -> Void) {
        DispatchQueue.global(qos: .userInitiated).async(execute: job)
    }
}
