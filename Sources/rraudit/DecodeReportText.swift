import Glibc
import Capture
import Transport

/// What `analyze` prints about decoding, until the dialog analysis takes over its output.
enum DecodeReportText {
    static func render(paths: [String], linkTypes: [LinkType], statistics: [DecodeStatistics],
                       firstFrames: [[DecodeProblemKind: [Int]]]) -> String {
        var out = ""
        for (index, path) in paths.enumerated() {
            let stats = statistics[index]
            let links = stats.linkTypes.sorted { $0.key < $1.key }
                .map { "\(LinkType(rawValue: $0.key)) \($0.value)" }.joined(separator: ", ")
            out += "\(path): \(stats.frames) frames (\(links.isEmpty ? "\(linkTypes[index])" : links))\n"
            let transports = stats.sipPayloads.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", ")
            out += "  SIP messages: \(stats.sipMessages)\(transports.isEmpty ? "" : " (\(transports))")"
            if stats.hepPackets > 0 { out += ", \(stats.hepPackets) from HEP" }
            out += "\n"
            if stats.reassembledDatagrams > 0 || stats.keepAlives > 0 {
                out += "  reassembled IP datagrams: \(stats.reassembledDatagrams), keep-alives: \(stats.keepAlives)\n"
            }
            let problems = DecodeProblemKind.allCases.filter { stats.problems[$0, default: 0] > 0 }
            if problems.isEmpty {
                out += "  decode problems: none\n"
            } else {
                out += "  decode problems:\n"
                for kind in problems {
                    let frames = firstFrames[index][kind, default: []].map(String.init).joined(separator: ", ")
                    out += "    \(kind.rawValue): \(stats.problems[kind, default: 0]) (first frames \(frames))\n"
                }
            }
        }
        return out
    }

    /// The `summary` record of the JSON Lines contract (design.md), `"type"` first.
    static func summaryJSON(files: Int, statistics: DecodeStatistics) -> String {
        let decode = DecodeProblemKind.allCases.map { "\"\($0.rawValue)\":\(statistics.problems[$0, default: 0])" }
        return "{\"type\":\"summary\",\"schema\":1,\"files\":\(files),\"frames\":\(statistics.frames),"
            + "\"sip_messages\":\(statistics.sipMessages),\"dialogs\":0,\"findings\":{},"
            + "\"decode\":{\(decode.joined(separator: ","))}}"
    }
}

/// One line on standard error.
func printError(_ line: String) {
    var stream = StandardError()
    print(line, to: &stream)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var text = string
        text.withUTF8 { bytes in _ = Glibc.write(2, bytes.baseAddress, bytes.count) }
    }
}
