/// The council label's value, the body, date, time and venue, as ``MeetingDetailsReader`` reads them;
/// the council itself is ``CouncilFinder``'s to decide.
struct MeetingDetails: Sendable {
    var council: String?
    var committee: String?
    var date: String?
    var time: String?
    var venue: String?
}
