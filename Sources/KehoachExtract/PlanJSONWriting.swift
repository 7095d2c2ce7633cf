import KehoachText

/// A plan as JSON bytes (docs/json.md): the bytes `JSONEncoder` gives for `Plan`'s `Codable`
/// form with sorted keys, written directly. `kehoach parse --format json`, the corpus store and
/// the export write plans this way; `PlanJSONTests` hold it byte-equal to `JSONEncoder` on real
/// plans, so the two cannot drift apart. Keys are written in sorted (byte) order.
extension Plan {
    public func jsonBytes(pretty: Bool) -> [UInt8] {
        var json = JSONWriter(pretty: pretty, capacity: 16_384)
        write(to: &json)
        return json.bytes
    }

    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("citations", citations) { $1.write(to: &$0) }
        json.field("deadlines", deadlines) { $1.write(to: &$0) }
        json.field("diagnostics", diagnostics) { $1.write(to: &$0) }
        if let document {
            json.key("document")
            document.write(to: &json)
        }
        json.key("metadata")
        metadata.write(to: &json)
        json.field("objectives", objectives) { $1.write(to: &$0) }
        json.field("recipients", recipients)
        json.field("responsibilities", responsibilities) { $1.write(to: &$0) }
        json.field("sections", sections) { $1.write(to: &$0) }
        json.field("source", source)
        json.field("tables", tables) { $1.write(to: &$0) }
        json.field("targets", targets) { $1.write(to: &$0) }
        json.endObject()
    }
}

extension Metadata {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("date", date)
        json.field("docType", docType)
        json.field("issuer", issuer)
        json.field("level", level?.rawValue)
        json.field("number", number)
        json.field("place", place)
        json.field("schoolYear", schoolYear)
        json.field("signer", signer)
        json.field("signerTitle", signerTitle)
        json.field("symbol", symbol)
        json.field("title", title)
        json.field("year", year)
        json.endObject()
    }
}

extension CitationRecord {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("date", date)
        json.field("issuer", issuer)
        json.field("line", line)
        json.field("number", number)
        json.field("type", type)
        json.endObject()
    }
}

extension SectionRecord {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("children", children) { $1.write(to: &$0) }
        json.field("kind", kind?.rawValue)
        json.field("label", label)
        json.field("line", line)
        json.field("title", title)
        json.endObject()
    }
}

extension TableRecord {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("groupRows", groupRows)
        json.field("header", header)
        json.field("line", line)
        json.field("rows", rows)
        json.endObject()
    }
}

extension Target {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("aspirational", aspirational)
        json.field("comparator", comparator.rawValue)
        json.field("indicator", indicator)
        json.field("line", line)
        json.field("population", population)
        json.field("quote", quote)
        json.field("section", section)
        json.field("text", text)
        json.field("unit", unit)
        json.field("value", value)
        json.field("year", year)
        json.endObject()
    }
}

extension Deadline {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("date", date)
        json.field("kind", kind.rawValue)
        json.field("line", line)
        json.field("quote", quote)
        json.field("section", section)
        json.field("task", task)
        json.endObject()
    }
}

extension Responsibility {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("line", line)
        json.field("role", role.rawValue)
        json.field("tasks", tasks)
        json.field("unit", unit)
        json.endObject()
    }
}

extension Objective {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("line", line)
        json.field("section", section)
        json.field("targets", targets)
        json.field("text", text)
        json.endObject()
    }
}

extension Diagnostic {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("id", id)
        if let location {
            json.key("location")
            json.beginObject()
            json.field("column", location.column)
            json.field("line", location.line)
            json.endObject()
        }
        json.field("message", message)
        json.field("severity", severity.rawValue)
        json.endObject()
    }
}

extension DocumentMap {
    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("format", format.rawValue)
        json.field("spans", spans) { json, span in
            json.beginObject()
            json.field("cell", span.cell)
            json.field("first", span.first)
            json.field("last", span.last)
            json.field("lineBreaks", span.lineBreaks)
            json.field("page", span.page)
            json.field("paragraph", span.paragraph)
            json.field("row", span.row)
            json.field("table", span.table)
            json.endObject()
        }
        json.endObject()
    }
}
