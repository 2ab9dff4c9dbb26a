/// The inline style sheet of the HTML reports (one file, no external resources).
enum HTMLStyleSheet {
    static let css = """
        :root { --fg:#1d2125; --dim:#6a737d; --line:#d0d7de; --bg:#f6f8fa; --err:#c92a2a; --warn:#b35c00; --info:#1971c2; --ok:#2b8a3e; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); margin: 0 auto; padding: 16px 28px; max-width: 1500px; background: #fff; }
        h1 { font-size: 22px; margin: 4px 0; } h2 { font-size: 18px; margin: 0 0 8px; } h3 { font-size: 15px; margin: 16px 0 6px; } h4 { margin: 10px 0 2px; font-size: 13px; }
        code { font: 12.5px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
        th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); }
        th { background: var(--bg); font-weight: 600; font-size: 13px; }
        a { color: #0b5cad; text-decoration: none; } a:hover { text-decoration: underline; }
        .dim, .meta, .hint, footer { color: var(--dim); } .empty { color: var(--dim); font-style: italic; }
        .ok { color: var(--ok); }
        header .files code { background: var(--bg); padding: 1px 6px; border-radius: 4px; margin-right: 6px; }
        section.summary, section.index, section.card, section.explain { border: 1px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 16px 0; }
        .tiles { display: flex; flex-wrap: wrap; gap: 10px; }
        .tile { background: var(--bg); border-radius: 6px; padding: 8px 16px; min-width: 110px; }
        .tile b { display: block; font-size: 22px; } .tile span { color: var(--dim); font-size: 12px; }
        .tile.error b { color: var(--err); } .tile.warning b { color: var(--warn); } .tile.info b { color: var(--info); }
        .sev, .badge, .state { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: #fff; background: var(--dim); vertical-align: middle; }
        .sev.error, .badge.error { background: var(--err); } .sev.warning, .badge.warning { background: var(--warn); }
        .sev.info, .badge.info { background: var(--info); } .badge.ok { background: var(--ok); }
        .state { background: #e9ecef; color: var(--fg); font-weight: 500; }
        .card h2 .num { color: var(--dim); font-weight: 500; }
        .callid { margin: 2px 0; } .meta { margin: 2px 0 8px; font-size: 13px; }
        table.kv th:first-child, table.proxies th:first-child { width: 80px; }
        ol.routes { margin: 0; padding-left: 22px; }
        table.routesets td { width: 33%; }
        tr.error td:first-child { border-left: 3px solid var(--err); } tr.warning td:first-child { border-left: 3px solid var(--warn); } tr.info td:first-child { border-left: 3px solid var(--info); }
        dl.evidence { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: 0 8px; font-size: 12.5px; }
        dl.evidence dt { color: var(--dim); } dl.evidence dd { margin: 0; }
        .legend { font-size: 12.5px; margin: 4px 0; }
        .k { display: inline-block; padding-left: 26px; margin-right: 12px; position: relative; }
        .k::before { content: ""; position: absolute; left: 0; top: 50%; width: 20px; border-top: 2px solid; }
        .k.initial::before { border-color: #343a40; } .k.downstream::before { border-color: #1c64d8; } .k.upstream::before { border-color: #d9480f; }
        .k.response::before { border-color: #8a939b; border-top-style: dashed; } .k.flagged::before { border-top: 6px solid rgba(201,42,42,.35); }
        .ladder-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; }
        svg.ladder { display: block; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        svg.ladder .lifeline { stroke: #adb5bd; stroke-width: 1; stroke-dasharray: 4 4; }
        svg.ladder .lane rect { fill: #e7f0fb; stroke: #8fb3de; }
        svg.ladder .lane-caller rect, svg.ladder .lane-callee rect { fill: #eef6ee; stroke: #93c59a; }
        svg.ladder .lane-other rect { fill: #f3f0f7; stroke: #b3a4cc; }
        svg.ladder .lane text { text-anchor: middle; } svg.ladder .role { font: 600 12px system-ui, sans-serif; } svg.ladder .addr { font-size: 11px; fill: #495057; }
        svg.ladder .arrow { stroke-width: 1.6; fill: none; } svg.ladder .response .arrow { stroke-dasharray: 5 3; }
        svg.ladder .halo { stroke: rgba(201,42,42,.28); stroke-width: 8; fill: none; stroke-linecap: round; }
        svg.ladder .label { font-size: 11px; text-anchor: middle; fill: #212529; paint-order: stroke; stroke: #fcfcfd; stroke-width: 3px; }
        svg.ladder .downstream .label { fill: #1c64d8; } svg.ladder .upstream .label { fill: #c2410c; } svg.ladder .response .label { fill: #5c656e; }
        svg.ladder .frame { font-size: 11px; text-anchor: end; fill: var(--dim); }
        svg.ladder .finding { font: 600 11px system-ui, sans-serif; fill: var(--err); }
        svg.ladder .msg:hover .arrow { stroke-width: 3; }
        details.requests { margin-top: 10px; } details.requests summary { cursor: pointer; color: #0b5cad; }
        section.explain article { border-top: 1px solid var(--line); padding-top: 6px; margin-top: 8px; }
        section.explain .title { font-weight: 600; margin: 2px 0; }
        footer { font-size: 12px; margin: 20px 0; }

        """
}
