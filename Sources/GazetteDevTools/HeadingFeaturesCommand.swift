import ArgumentParser
import ArticleKit
import Foundation
import Reports

/// For scripts/train-headings.py: every body block of the named
/// articles with the heading detector's features, score and decision, as JSON Lines.
/// The first line names the features; then one object per block, in file order.
struct HeadingFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "heading-features",
        abstract: "Print the heading detector's features for every block (for training the model)."
    )
    @Argument(help: "Article files or folders (their .txt files, in name order).") var paths: [String]
    @Option(help: "A model to decide with instead of the built-in one (JSON, as scripts/train-headings.py writes).")
    var model: String?

    func run() throws {
        let detector = HeadingDetector(model: try model.map(Self.loadModel) ?? .trained)
        let names = HeadingModel.featureNames.map(JSONValue.string)
        DevOutput.line(JSONValue.object([("features", .array(names))]).serialized)
        for file in try files() {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let blocks: [HeadingFeatureDump.Block]
            do {
                blocks = try HeadingFeatureDump.blocks(of: bytes, source: file, detector: detector)
            } catch {
                DevOutput.error(error.description)
                continue
            }
            for (i, b) in blocks.enumerated() {
                var line = JSONValue.object([
                    ("file", .string((file as NSString).lastPathComponent)), ("block", .int(i)),
                    ("text", .string(b.text)),
                    ("candidate", .bool(b.candidate)), ("heading", .optional(b.heading)),
                ]).serialized
                line.removeLast()
                if let score = b.score { line += ",\"score\":" + Self.number(score) }
                if let regime = b.regime { line += ",\"regime\":\"" + regime.rawValue + "\"" }
                if b.candidate { line += ",\"x\":[" + b.features.map(Self.number).joined(separator: ",") + "]" }
                DevOutput.line(line + "}")
            }
        }
    }

    func files() throws -> [String] {
        var out: [String] = []
        for path in paths {
            let kind = NamedPaths.kind(path)
            guard kind == .folder || kind == .file else { throw ValidationError("no such file or folder: \(path)") }
            if kind == .folder {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".txt") }
                out += names.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                out.append(path)
            }
        }
        return out
    }

    static func number(_ d: Double) -> String {
        d.isFinite ? (d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)) : (d > 0 ? "1e308" : "-1e308")
    }

    static func loadModel(_ path: String) throws -> HeadingModel {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var named: [HeadingModel.Regime: (weights: [String: Double], bias: Double)] = [:]
        let o = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        for regime in HeadingModel.Regime.allCases {
            guard let set = o?[regime.rawValue] as? [String: Any], let bias = (set["bias"] as? NSNumber)?.doubleValue,
                let weights = set["weights"] as? [String: NSNumber]
            else { continue }
            named[regime] = (weights.mapValues(\.doubleValue), bias)
        }
        guard let model = HeadingModel(named: named) else {
            throw ValidationError("\(path): not a heading model for these features (see scripts/train-headings.py)")
        }
        return model
    }
}
