/// What the reader says and asks for while it takes one event: the status line's note, and the effects
/// for the run loop. Every part of the state writes here rather than returning its own answers, so a
/// part's reducer can be called from anywhere in `handle` and what it said is never lost.
struct Feedback: Sendable {
    /// Effects asked for during one `handle`, handed out at its end; empty between calls.
    var effects: [Effect] = []
    /// A one-shot note in the status line ("End of the chain", …), cleared by the next key.
    var message: String?
}
