namespace Tdkt.Assignments;

/// <summary>
/// The columns of an assignment row (partition = plan, row = task--agency) and of its agency copy: the plan's columns,
/// which an import writes; the completion's, which completions write; and the extension and file columns, each written
/// by its own step. Nothing outside this folder names them.
/// </summary>
public static class AssignmentColumns
{
    public const string TaskNumber = "TaskNumber";
    public const string TaskKey = "TaskKey";
    public const string Agency = "Agency";
    public const string IsLead = "IsLead";
    public const string Quarter = "Quarter";

    /// <summary>The plan's date (an approved extension's date is in <see cref="Extension"/>).</summary>
    public const string Due = "Due";

    public const string Ongoing = "Ongoing";
    public const string Occurrence = "Occurrence";
    public const string Undated = "Undated";

    /// <summary>Set when a re-import no longer has the assignment: the row is kept with its history, never deleted.</summary>
    public const string Removed = "Removed";

    public const string Status = "Status";
    public const string CompletedOn = "CompletedOn";
    public const string CompletedAt = "CompletedAt";
    public const string CompletedBy = "CompletedBy";
    public const string CompletedNote = "CompletedNote";
    public const string CompletedVia = "CompletedVia";
    public const string CompletedIp = "CompletedIp";
    public const string CompletedUserAgent = "CompletedUserAgent";
    public const string Undos = "Undos";

    public const string Extension = ExtensionColumn.Name;
    public const string Files = EvidenceColumn.Name;

    /// <summary>What a completion writes and an undo removes.</summary>
    public static readonly IReadOnlyList<string> Completion =
        [Status, CompletedOn, CompletedAt, CompletedBy, CompletedNote, CompletedVia, CompletedIp, CompletedUserAgent];

    /// <summary>Where a completion came from on the network (kept for a while, then emptied).</summary>
    public static readonly IReadOnlyList<string> NetworkData = [CompletedIp, CompletedUserAgent];

    /// <summary>Who confirmed (emptied with the plan's records period).</summary>
    public static readonly IReadOnlyList<string> Names = [CompletedBy];
}
