import KehoachCompare
import KehoachExtract
import KehoachText

/// A report as JSON bytes: what `JSONEncoder` gives for `ReportJSON.Document` with sorted keys,
/// written directly (an alignment against thousands of children is tens of megabytes of JSON).
/// `ReportJSONTests` hold it byte-equal to `JSONEncoder`. Keys are written in sorted order.
extension ReportJSON.Document {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("alignments", alignments) { $1.write(to: &$0) }
        if let chain {
            json.key("chain")
            chain.write(to: &json)
        }
        json.field("format", format)
        if let matrix {
            json.key("matrix")
            matrix.write(to: &json)
        }
        json.field("plans", plans) { json, entry in entry.ref.write(to: &json, name: entry.name) }
        json.field("version", version)
        json.endObject()
    }
}

extension PlanRef {
    /// With `name`, as a report's plan list has it; the two sets of keys interleave in order.
    func write(to json: inout JSONWriter, name: String? = nil) {
        json.beginObject()
        json.field("date", date)
        json.field("docType", docType)
        json.field("index", index)
        json.field("issuer", issuer)
        json.field("level", level?.rawValue)
        json.field("name", name)
        json.field("number", number)
        json.field("period", period)
        json.field("place", place)
        json.field("source", source)
        json.field("title", title)
        json.endObject()
    }
}

extension Alignment {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("basis", basis.rawValue)
        json.key("child")
        child.write(to: &json)
        json.key("coverage")
        coverage.write(to: &json)
        json.field("deadlineConflicts", deadlineConflicts) { json, conflict in
            json.beginObject()
            json.field("basis", conflict.basis.rawValue)
            json.key("child")
            conflict.child.write(to: &json)
            json.field("indicators", conflict.indicators)
            json.key("parent")
            conflict.parent.write(to: &json)
            json.endObject()
        }
        json.field("extras", extras) { $1.write(to: &$0) }
        json.key("parent")
        parent.write(to: &json)
        json.field("periodsDiffer", periodsDiffer)
        json.field("results", results) { $1.write(to: &$0) }
        json.endObject()
    }
}

extension Coverage {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("deadlineConflicts", deadlineConflicts)
        json.field("extra", extra)
        json.field("met", met)
        json.field("metPercent", (metPercent * 10).rounded() / 10)
        json.field("missing", missing)
        json.field("total", total)
        json.field("unclassified", unclassified)
        json.field("unquantified", unquantified)
        json.field("weaker", weaker)
        json.endObject()
    }
}

extension TargetAlignment {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        if let childTarget {
            json.key("childTarget")
            childTarget.write(to: &json)
        }
        if let evidence {
            json.key("evidence")
            json.beginObject()
            json.field("excerpt", evidence.excerpt)
            json.field("line", evidence.line)
            json.endObject()
        }
        json.field("indicator", indicator)
        json.field("match", match?.rawValue)
        json.key("parentTarget")
        parentTarget.write(to: &json)
        json.field("reasons", reasons.map(\.rawValue))
        json.field("status", status.rawValue)
        json.endObject()
    }
}

extension PlanChain {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("links", links) { $1.write(to: &$0) }
        json.field("notImported", notImported) { json, missing in
            json.beginObject()
            json.key("citation")
            missing.citation.write(to: &json)
            json.field("level", missing.level?.rawValue)
            json.field("plan", missing.plan)
            json.endObject()
        }
        json.field("otherLinks", otherLinks) { $1.write(to: &$0) }
        json.field("plans", plans) { $1.write(to: &$0) }
        json.endObject()
    }
}

extension PlanChain.Link {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("basis", basis.rawValue)
        json.field("child", child)
        json.field("detail", detail)
        json.field("line", line)
        json.field("parent", parent)
        json.endObject()
    }
}

extension ReportJSON.Matrix {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("plans", plans)
        json.field("rows", rows) { json, row in
            json.beginObject()
            json.field("cells", row.cells) { json, cell in
                json.beginObject()
                json.field("display", cell.display)
                json.field("entries", cell.entries) { json, entry in
                    json.beginObject()
                    json.field("match", entry.match.rawValue)
                    json.key("target")
                    entry.target.write(to: &json)
                    json.endObject()
                }
                json.endObject()
            }
            json.field("indicator", row.indicator)
            json.field("label", row.label)
            json.endObject()
        }
        json.field("totals", totals) { json, totals in
            json.beginObject()
            json.field("deadlines", totals.deadlines)
            json.field("responsibleUnits", totals.responsibleUnits)
            json.field("targets", totals.targets)
            json.field("unclassifiedTargets", totals.unclassifiedTargets)
            json.endObject()
        }
        json.endObject()
    }
}
