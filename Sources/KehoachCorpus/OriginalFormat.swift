import KehoachText

/// The document formats whose files the store keeps beside the text read from them.
public enum OriginalFormat: String, Sendable, CaseIterable {
    case docx, pdf

    /// The format a decoded text came from, if it was a document.
    init?(_ encoding: SourceEncoding) {
        switch encoding {
        case .docx: self = .docx
        case .pdf: self = .pdf
        default: return nil
        }
    }
}
