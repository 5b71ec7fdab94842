
namespace Tdkt.Assignments;

/// <summary>What an agency page reads of one plan: the agency's assignments, and what the agencies it supervises sent it.</summary>
public sealed record AgencyRows(IReadOnlyList<AssignmentRecord> Records, IReadOnlyList<InboxItem> Inbox);
