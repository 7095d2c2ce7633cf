/// The action line before each document of a `_bulk` body: index (create or replace) the next
/// line as document `_id` of `_index`, so that loading an export twice replaces, not doubles.
struct BulkAction: Encodable {
    struct Target: Encodable {
        let _index: String
        let _id: String
    }

    let index: Target

    init(index: IndexName, id: String) {
        self.index = Target(_index: index.rawValue, _id: id)
    }
}
