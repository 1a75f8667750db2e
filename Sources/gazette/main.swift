import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

// A closed pipe is reported by write errors, which Output turns into a quiet exit.
signal(SIGPIPE, SIG_IGN)

MemoryPolicy.apply()

do {
    var command = try Gazette.parseAsRoot()
    try command.run()
} catch let failure as UsageFailure {
    Output.error(failure.message)
    exit(2)
} catch {
    let code = Gazette.exitCode(for: error)
    if code == .validationFailure {
        // Usage errors exit 2, as documented, rather than the parser's 64.
        Output.write(Gazette.fullMessage(for: error) + "\n", to: STDERR_FILENO)
        exit(2)
    }
    Gazette.exit(withError: error)
}
