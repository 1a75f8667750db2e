import CNcurses
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Set by SIGCONT: the process was stopped and resumed (by Ctrl-Z and `fg`, or `kill -STOP`/`-CONT`),
/// and whatever the shell wrote meanwhile is on the screen.
nonisolated(unsafe) private var continuedFlag: sig_atomic_t = 0

/// Ctrl-L, Ctrl-Z and running an editor: the times the screen must be given up or drawn whole.
extension CursesTerminal {
    static func watchContinue() {
        signal(SIGCONT) { _ in continuedFlag = 1 }
    }

    /// True once after each SIGCONT.
    static func takeContinued() -> Bool {
        guard continuedFlag != 0 else { return false }
        continuedFlag = 0
        return true
    }

    public func repaint() {
        clearok(gz_curscr(), true)
    }

    /// Raw mode turns Ctrl-Z into a key, so the stop is raised here: the screen is put away first,
    /// and the SIGCONT that resumes the job marks it to be drawn whole.
    public func suspend() {
        endwin()
        let previous = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        signal(SIGTSTP, previous)
        // Resumed.
        repaint()
    }

    public func runOutside(_ command: [String]) {
        _ = runOutsideReporting(command)
    }

    public func runOutsideReporting(_ command: [String]) -> Int32? {
        def_prog_mode()
        endwin()
        // The editor's own messages belong on the terminal, not in the capture.
        CursesTerminal.releaseStderr()
        let status = CursesTerminal.spawnAndWait(command)
        CursesTerminal.captureStderr()
        reset_prog_mode()
        repaint()
        return status
    }

    /// The command's exit status (128 + the signal's number when a signal ended it); nil when it
    /// could not be started.
    static func spawnAndWait(_ command: [String]) -> Int32? {
        var argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, command[0], nil, nil, argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var waited: pid_t = -1
        repeat { waited = waitpid(pid, &status, 0) } while waited < 0 && errno == EINTR
        guard waited == pid else { return nil }
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
