import Foundation

/// Dates as feeds write them: RFC 822 (RSS `pubDate`: "Tue, 10 Jun 2003 04:00:00 GMT", with the
/// usual liberties) and RFC 3339 (Atom, JSON Feed, `dc:date`: "2003-12-13T18:30:02.25+01:00", or a
/// bare date). Parsed by hand: no locale, no `DateFormatter`.
public enum FeedDate {
    /// The instant the text names, or nil when it is neither form.
    public static func parse(_ text: String) -> Date? {
        let s = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty, s.utf8.count < 100 else { return nil }
        return rfc3339(s) ?? rfc822(s)
    }

    /// "2024-05-01T08:30:00Z": how the archive writes a date.
    public static func format(_ date: Date) -> String {
        let t = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let secs = t - days * 86400
        let (y, m, d) = civil(fromDays: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = y >= 0 && y < 10000 ? String(String("000\(y)").suffix(4)) : "\(y)"
        return "\(year)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }

    // MARK: RFC 3339 / ISO 8601

    static func rfc3339(_ s: String) -> Date? {
        var p = Scanner(s)
        guard let year = p.digits(exactly: 4), p.take("-"), let month = p.digits(exactly: 2) else { return nil }
        var day: Int64 = 1
        if p.take("-") {
            guard let d = p.digits(exactly: 2) else { return nil }
            day = d
        }
        var hour: Int64 = 0
        var minute: Int64 = 0
        var second: Int64 = 0
        var fraction = 0.0
        var offset: Int64 = 0
        if p.take("T") || p.take("t") || p.take(" ") {
            guard let h = p.digits(exactly: 2), p.take(":"), let mi = p.digits(exactly: 2) else { return nil }
            hour = h
            minute = mi
            if p.take(":") {
                guard let se = p.digits(exactly: 2) else { return nil }
                second = se
                if p.take(".") || p.take(",") {
                    var scale = 0.1
                    while let d = p.digit() {
                        fraction += Double(d) * scale
                        scale /= 10
                    }
                }
            }
            p.skipSpaces()
            if p.take("Z") || p.take("z") {
            } else if let sign = p.sign() {
                guard let oh = p.digits(exactly: 2) else { return nil }
                _ = p.take(":")
                let om = p.digits(exactly: 2) ?? 0
                offset = sign * (oh * 60 + om)
            }
        }
        p.skipSpaces()
        guard p.atEnd else { return nil }
        return make(year, month, day, hour, minute, second, offsetMinutes: offset, fraction: fraction)
    }

    // MARK: RFC 822 / RFC 2822, leniently

    static let months: [String: Int64] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12,
    ]
    static let zones: [String: Int64] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420,
        "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "bst": 60, "ist": 330, "jst": 540,
        "aest": 600,
    ]

    static func rfc822(_ s: String) -> Date? {
        // Words and numbers, separators dropped: "Tue, 10 Jun 2003 04:00:00 GMT".
        var tokens: [Substring] = s.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        guard tokens.count >= 3 else { return nil }
        // A weekday, if any, first.
        if let f = tokens.first, f.first?.isLetter == true, months[String(f.prefix(3)).lowercased()] == nil {
            tokens.removeFirst()
        }
        guard tokens.count >= 3 else { return nil }
        var day: Int64
        var month: Int64
        // "10 Jun 2003" or "Jun 10 2003".
        if let d = Int64(tokens[0]), let m = months[String(tokens[1].prefix(3)).lowercased()] {
            day = d
            month = m
        } else if let m = months[String(tokens[0].prefix(3)).lowercased()], let d = Int64(tokens[1]) {
            day = d
            month = m
        } else {
            return nil
        }
        guard var year = Int64(tokens[2]) else { return nil }
        if tokens[2].count <= 2 { year += year < 50 ? 2000 : 1900 }
        var hour: Int64 = 0
        var minute: Int64 = 0
        var second: Int64 = 0
        var offset: Int64 = 0
        var rest = tokens.dropFirst(3)
        if let time = rest.first, time.contains(":") {
            let parts = time.split(separator: ":")
            guard parts.count >= 2, let h = Int64(parts[0]), let mi = Int64(parts[1]) else { return nil }
            hour = h
            minute = mi
            if parts.count >= 3 {
                guard let se = Int64(parts[2].prefix(while: \.isNumber)) else { return nil }
                second = se
            }
            rest = rest.dropFirst()
        }
        if let zone = rest.first {
            if let known = zones[zone.lowercased()] {
                offset = known
            } else if let sign = zone.first, sign == "+" || sign == "-", zone.count >= 5,
                let n = Int64(zone.dropFirst().prefix(4))
            {
                offset = (sign == "-" ? -1 : 1) * (n / 100 * 60 + n % 100)
            }
        }
        return make(year, month, day, hour, minute, second, offsetMinutes: offset, fraction: 0)
    }

    // MARK: Calendar arithmetic (proleptic Gregorian, Howard Hinnant's days_from_civil)

    static func make(
        _ y: Int64, _ m: Int64, _ d: Int64, _ h: Int64, _ mi: Int64, _ s: Int64, offsetMinutes: Int64, fraction: Double
    ) -> Date? {
        guard (1...12).contains(m), (1...31).contains(d), (0...24).contains(h), (0...59).contains(mi),
            (0...60).contains(s), (0...9999).contains(y)
        else { return nil }
        let days = daysFromCivil(y, m, d)
        let t = days * 86400 + h * 3600 + mi * 60 + s - offsetMinutes * 60
        return Date(timeIntervalSince1970: Double(t) + fraction)
    }

    static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    /// A cursor over the scalars of a date.
    struct Scanner {
        let scalars: [Unicode.Scalar]
        var i = 0
        init(_ s: String) { scalars = Array(s.unicodeScalars) }
        var atEnd: Bool { i >= scalars.count }
        mutating func take(_ c: Unicode.Scalar) -> Bool {
            guard i < scalars.count, scalars[i] == c else { return false }
            i += 1
            return true
        }
        mutating func digit() -> Int64? {
            guard i < scalars.count, let v = scalars[i].properties.numericType == .decimal ? scalars[i].value : nil,
                v >= 0x30, v <= 0x39
            else { return nil }
            i += 1
            return Int64(v - 0x30)
        }
        mutating func digits(exactly n: Int) -> Int64? {
            let start = i
            var value: Int64 = 0
            for _ in 0..<n {
                guard let d = digit() else {
                    i = start
                    return nil
                }
                value = value * 10 + d
            }
            return value
        }
        mutating func sign() -> Int64? {
            if take("+") { return 1 }
            if take("-") || take("\u{2212}") { return -1 }
            return nil
        }
        mutating func skipSpaces() { while i < scalars.count, scalars[i] == " " { i += 1 } }
    }
}
