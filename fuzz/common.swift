// Shared by both fuzz targets (fuzz/run.sh compiles it into each).
#if canImport(Glibc)
    import Glibc
#endif

/// Reports a broken invariant on stderr and aborts, which libFuzzer records as a finding.
@inline(never)
func fail(_ message: String, _ detail: String) -> Never {
    var text = "INVARIANT FAILED: \(message)\n\(detail)\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    abort()
}
