/// A logistic model over `HeadingFeatures`, with one weight set for each `Regime`: a block
/// is a heading when the weighted sum of its features is above zero (the decision threshold
/// is folded into the bias, and the features' scaling into the weights, so scoring is one
/// dot product).
public struct HeadingModel: Sendable, Equatable {
    public enum Regime: String, Sendable, CaseIterable {
        /// Running text follows (after at most two furniture lines), or a wide block does.
        case overText = "over text"
        /// A list, another heading-like line, or little at all follows.
        case overOther = "over other"
    }

    public struct Weights: Sendable, Equatable {
        public let weights: [Double]
        public let bias: Double

        init(_ weights: [Double], bias: Double) {
            self.weights = weights
            self.bias = bias
        }

        func score(_ features: UnsafeBufferPointer<Double>) -> Double {
            var sum = bias
            for k in 0..<min(features.count, weights.count) { sum += weights[k] * features[k] }
            return sum
        }
    }

    public let overText: Weights
    public let overOther: Weights

    /// Weights named as `HeadingFeatures` names them, per regime; nil when a name is missing
    /// or unknown, so a model trained on other features is refused rather than misread.
    public init?(named: [Regime: (weights: [String: Double], bias: Double)]) {
        let names = HeadingFeatures.names
        var sets: [Regime: Weights] = [:]
        for regime in Regime.allCases {
            guard let (w, b) = named[regime], Set(w.keys) == Set(names) else { return nil }
            sets[regime] = Weights(names.map { w[$0]! }, bias: b)
        }
        self.init(overText: sets[.overText]!, overOther: sets[.overOther]!)
    }

    init(overText: Weights, overOther: Weights) {
        self.overText = overText
        self.overOther = overOther
    }

    /// Finds no heading: every block is a paragraph.
    public static let none: HeadingModel = {
        let nothing = Weights([Double](repeating: 0, count: HeadingFeatures.count), bias: -.infinity)
        return HeadingModel(overText: nothing, overOther: nothing)
    }()

    /// The names of the features, in the order of the weights.
    public static var featureNames: [String] { HeadingFeatures.names }

    func weights(_ regime: Regime) -> Weights { regime == .overText ? overText : overOther }
}
