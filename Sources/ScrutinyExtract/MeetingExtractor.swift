import ScrutinyCore

/// Reads the meeting an agenda pack is for from its front sheet. (Placeholder until the
/// front-sheet reader lands: finds nothing.)
public struct MeetingExtractor: Sendable {
    public init() {}

    public func meeting(from frontSheet: [SourcePage]) -> Meeting {
        Meeting()
    }
}
