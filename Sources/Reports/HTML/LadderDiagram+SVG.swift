/// Drawing of `LadderDiagram` as inline SVG (no script, no external resources).
extension LadderDiagram {
    /// Geometry, in SVG user units (pixels).
    enum Layout {
        static let frameColumn = 64.0
        static let laneSpacing = 240.0
        static let headerHeight = 58.0
        static let rowHeight = 34.0
        static let findingColumn = 250.0
        static let boxWidth = 210.0
    }

    /// The diagram as an `<svg>` element. `idPrefix` keeps marker ids unique when several
    /// diagrams share one document.
    public func svg(idPrefix: String) -> String {
        let prefix = HTMLEscaping.identifier(idPrefix)
        let laneCount = max(lanes.count, 1)
        // Wide enough for the longest list of codes in the margin (bold 11px: ~7.5 px a character).
        let longestCodes = arrows.map { $0.findings.map(\.rawValue).joined(separator: ", ").count + 2 }.max() ?? 0
        let findingColumn = max(Layout.findingColumn, Double(longestCodes) * 7.5 + 24)
        let width = Layout.frameColumn + Double(laneCount) * Layout.laneSpacing + findingColumn
        let height = Layout.headerHeight + Double(arrows.count + 1) * Layout.rowHeight
        func x(_ lane: Int) -> Double { Layout.frameColumn + (Double(lane) + 0.5) * Layout.laneSpacing }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"\(n(width))\" height=\"\(n(height))\" "
        out += "viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"ladder diagram\">\n<defs>"
        for kind in [ArrowKind.initial, .downstream, .upstream, .response] {
            out += "<marker id=\"\(prefix)-\(kind.rawValue)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">"
            out += "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(Self.colour(kind))\"/></marker>"
        }
        out += "</defs>\n"
        // Lifelines and their header boxes.
        for (index, lane) in lanes.enumerated() {
            let center = x(index)
            out += "<line class=\"lifeline\" x1=\"\(n(center))\" y1=\"\(n(Layout.headerHeight - 8))\" x2=\"\(n(center))\" y2=\"\(n(height - 6))\"/>\n"
            out += "<g class=\"lane lane-\(HTMLEscaping.identifier(lane.role.split(separator: " ").first.map(String.init) ?? "other"))\">"
            out += "<title>\(HTMLEscaping.escape("\(lane.role) \(lane.address)"))</title>"
            out += "<rect x=\"\(n(center - Layout.boxWidth / 2))\" y=\"6\" width=\"\(n(Layout.boxWidth))\" height=\"\(n(Layout.headerHeight - 16))\" rx=\"6\"/>"
            out += "<text x=\"\(n(center))\" y=\"24\" class=\"role\">\(HTMLEscaping.escape(lane.role))</text>"
            out += "<text x=\"\(n(center))\" y=\"40\" class=\"addr\">\(HTMLEscaping.escape(HTMLEscaping.truncated(lane.address, to: 30)))</text></g>\n"
        }
        // One arrow per message copy.
        for (row, arrow) in arrows.enumerated() {
            let y = Layout.headerHeight + Double(row + 1) * Layout.rowHeight - 6
            let flagged = !arrow.findings.isEmpty
            out += "<g class=\"msg \(arrow.kind.rawValue)\(flagged ? " flagged" : "")\" data-frame=\"\(arrow.frame)\">"
            out += "<title>\(HTMLEscaping.escape(arrow.tooltip))</title>"
            out += "<text x=\"\(n(Layout.frameColumn - 10))\" y=\"\(n(y + 4))\" class=\"frame\">#\(arrow.frame)</text>"
            let x1 = x(arrow.from), x2 = x(arrow.to)
            let path: String
            let labelX: Double
            let span: Int
            if arrow.from == arrow.to {
                path = "M\(n(x1)),\(n(y - 8)) h36 v14 h-34"
                labelX = x1 + 44
                span = 1
            } else {
                path = "M\(n(x1)),\(n(y)) L\(n(x2 + (x2 > x1 ? -2 : 2))),\(n(y))"
                labelX = (x1 + x2) / 2
                span = abs(arrow.to - arrow.from)
            }
            if flagged { out += "<path class=\"halo\" d=\"\(path)\"/>" }
            out += "<path class=\"arrow\" d=\"\(path)\" stroke=\"\(Self.colour(arrow.kind))\" marker-end=\"url(#\(prefix)-\(arrow.kind.rawValue))\"/>"
            let limit = max(18, Int(Double(span) * Layout.laneSpacing / 7.4))
            let anchor = arrow.from == arrow.to ? " text-anchor=\"start\"" : ""
            out += "<text x=\"\(n(labelX))\" y=\"\(n(y - 6))\" class=\"label\"\(anchor)>\(HTMLEscaping.escape(HTMLEscaping.truncated(arrow.label, to: limit)))</text>"
            if flagged {
                let codes = arrow.findings.map(\.rawValue).joined(separator: ", ")
                out += "<text x=\"\(n(width - findingColumn + 12))\" y=\"\(n(y + 4))\" class=\"finding\">⚠ \(HTMLEscaping.escape(codes))</text>"
            }
            out += "</g>\n"
        }
        return out + "</svg>"
    }

    /// Arrow colours: blue downstream, orange upstream, dark for the dialog-forming request,
    /// grey for responses (colour-blind safe pair for the two directions).
    static func colour(_ kind: ArrowKind) -> String {
        switch kind {
        case .initial: "#343a40"
        case .downstream: "#1c64d8"
        case .upstream: "#d9480f"
        case .response: "#8a939b"
        }
    }

    private func n(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format1: value)
    }
}

private extension String {
    /// One decimal place without Foundation.
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(abs(tenths % 10))"
    }
}
