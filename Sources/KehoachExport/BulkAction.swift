import KehoachText

/// The action line before each document of a `_bulk` body: index (create or replace) the next
/// line as document `_id` of `_index`, so that loading an export twice replaces, not doubles.
struct BulkAction {
    let index: IndexName
    let id: String

    func write(to json: inout JSONWriter) {
        json.beginObject()
        json.key("index")
        json.beginObject()
        json.field("_id", id)
        json.field("_index", index.rawValue)
        json.endObject()
        json.endObject()
    }
}
