using Azure.Data.Tables;

namespace Tdkt.Assignments;

/// <summary>
/// The rest of the Assignments table's layout: rows of a plan's partition before <see cref="RecordsAfter"/> are its
/// assignments; after it come the completion records written with them in one transaction (the marker that makes
/// a second completion fail, and the audit rows, keyed by time).
/// </summary>
public static class AssignmentRows
{
    /// <summary>'~' sorts after every slug character, so it separates assignments from records.</summary>
    public const string RecordsAfter = "~";

    public const string AuditPrefix = RecordsAfter + "audit-";

    /// <summary>The value of the Status column of a done assignment.</summary>
    public const string DoneStatus = "done";

    /// <summary>The end (exclusive) of the audit rows: '.' follows '-'.</summary>
    public const string AuditEnd = RecordsAfter + "audit.";

    /// <summary>The completion marker of an assignment: present exactly while it is done.</summary>
    public static string DoneMarker(AssignmentKey key) => $"{RecordsAfter}done-{key.Value}";

    /// <summary>"~audit-{ticks, 19 digits}-{action}-{assignment}": audit rows sort by time.</summary>
    public static string AuditRowKey(long ticks, string action, string assignment) => $"{AuditFrom(ticks)}-{action}-{assignment}";

    /// <summary>The first audit row key at or after <paramref name="ticks"/>.</summary>
    public static string AuditFrom(long ticks) => $"{AuditPrefix}{ticks:D19}";

    public static bool IsDone(TableEntity? assignment) => assignment?.GetString(AssignmentColumns.Status) == DoneStatus;

    /// <summary>
    /// "~by-{agency}--{task}": the agency's copy of an assignment row (its columns and its completion), kept in the same
    /// transactions as the row itself, so an agency's page is one range query (<see cref="AgencyRange"/>) whatever the
    /// plan's size or audit history.
    /// </summary>
    public static string AgencyRowKey(AssignmentKey key) => $"{AgencyPrefix}{key.Agency}--{key.TaskKey}";

    public const string AgencyPrefix = RecordsAfter + "by-";

    /// <summary>The end (exclusive) of all agencies' rows: '.' follows '-'.</summary>
    public const string AgencyEnd = RecordsAfter + "by.";

    /// <summary>Row keys from <c>From</c> (inclusive) to <c>To</c> (exclusive) are exactly the agency's rows.</summary>
    public static (string From, string To) AgencyRange(string agency) => ($"{AgencyPrefix}{agency}--", $"{AgencyPrefix}{agency}-.");

    /// <summary>
    /// "~pagever-{agency}": a stamp rewritten (a new value) in every transaction that changes the agency's copies, so a
    /// reader that holds the copies it read under a stamp knows with one point read whether they are still current.
    /// </summary>
    public static string AgencyVersionKey(string agency) => $"{VersionPrefix}{agency}";

    public const string VersionPrefix = RecordsAfter + "pagever-";

    public static bool IsVersionKey(string rowKey) => rowKey.StartsWith(VersionPrefix, StringComparison.Ordinal);

    /// <summary>The assignment key an agency row copies.</summary>
    public static AssignmentKey OfAgencyRow(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        var rest = rowKey[AgencyPrefix.Length..];
        var split = rest.IndexOf("--", StringComparison.Ordinal);
        return new AssignmentKey(rest[(split + 2)..], rest[..split]);
    }
}
