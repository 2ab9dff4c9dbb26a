import Audit
import Capture
import Reports
import Transport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Analyses one capture of a batch with its own pipeline and writes its reports: a value that
/// tasks share read-only, so files run in parallel without shared mutable state.
struct BatchFileAnalyzer: Sendable {
    var options: Analysis.Options
    var filter: String?
    /// Where per-file reports go (`<name>.jsonl` and `<name>.html`); nil writes none.
    var outputDirectory: String?

    func analyze(_ job: CaptureDiscovery.Job) -> BatchFileResult {
        let pipeline: DecodePipeline
        var analysis: Analysis
        do {
            pipeline = try DecodePipeline(paths: [job.path], filter: filter)
            analysis = try Analysis(files: 1, options: options)
        } catch {
            return BatchFileResult(path: job.path, summary: nil, error: "\(error)")
        }
        let displayName = PathText.lastComponent(job.path)
        let json = JSONLinesReport(fileNames: [displayName])
        var html = HTMLReport(fileNames: [displayName], title: "rraudit: \(displayName)")
        var jsonl: ReportFile?
        var problems: [String] = []
        if let directory = outputDirectory {
            do {
                jsonl = try ReportFile(path: directory + "/" + job.reportName + ".jsonl")
            } catch {
                problems.append(error.description)
            }
        }
        analysis.run(pipeline) { audit in
            guard outputDirectory != nil else { return }
            jsonl?.write(json.dialogLine(audit) + "\n")
            for finding in audit.findings { jsonl?.write(json.findingLine(finding) + "\n") }
            html.add(audit)
        }
        let summary = analysis.summary
        var reports: [String] = []
        if let directory = outputDirectory {
            if let file = jsonl {
                file.write(json.summaryLine(summary) + "\n")
                if file.close() { reports.append(job.reportName + ".jsonl") } else { problems.append("cannot write \(job.reportName).jsonl") }
            }
            do {
                let page = try ReportFile(path: directory + "/" + job.reportName + ".html")
                page.write(html.document(summary: summary))
                if page.close() { reports.append(job.reportName + ".html") } else { problems.append("cannot write \(job.reportName).html") }
            } catch {
                problems.append(error.description)
            }
        }
        let readErrors = pipeline.readErrors.map(\.description)
        let error = (readErrors + problems).isEmpty ? nil : (readErrors + problems).joined(separator: "; ")
        return BatchFileResult(path: job.path, summary: summary, error: error, reports: reports)
    }
}

/// A report file being written (stdio, buffered). Owned by one task.
final class ReportFile {
    struct OpenError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "cannot write \(path): \(reason)" }
    }

    private let handle: UnsafeMutablePointer<FILE>
    private var failed = false

    init(path: String) throws(OpenError) {
        guard let handle = fopen(path, "w") else {
            throw OpenError(path: path, reason: String(cString: strerror(errno)))
        }
        self.handle = handle
    }

    func write(_ text: String) {
        if fputs(text, handle) < 0 { failed = true }
    }

    /// Closes the file; false when any write or the close failed.
    func close() -> Bool {
        let closed = fclose(handle) == 0
        return closed && !failed
    }
}
