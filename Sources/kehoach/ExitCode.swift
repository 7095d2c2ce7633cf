/// Exit codes that mean something to a script (after BSD sysexits).
enum ExitCode: Int32 {
    case ok = 0
    /// Some inputs failed while others succeeded, or a search found nothing.
    case partial = 1
    case usage = 64
    /// The input is not a readable plan.
    case dataError = 65
    case noInput = 66
    /// A duplicate or conflicting import, refused.
    case conflict = 73
    case ioError = 74
    case config = 78
}
