using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Assignments;

/// <summary>How an assignment row (or an agency's copy of one) reads: as the full record, or as the entry the sweep and reports use.</summary>
public static class AssignmentReader
{
    /// <summary>An assignment row, or an agency's copy of one (read as the assignment it copies).</summary>
    public static AssignmentRecord Record(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var done = IsDone(row);
        var planDue = Date(row, AssignmentColumns.Due) ?? default;
        var extension = ExtensionColumn.Read(row.GetString(AssignmentColumns.Extension));
        var key = row.RowKey.StartsWith(AssignmentRows.AgencyPrefix, StringComparison.Ordinal) ? AssignmentRows.OfAgencyRow(row.RowKey) : AssignmentKey.TryParse(row.RowKey);
        return new AssignmentRecord(
            row.PartitionKey, key?.Value ?? row.RowKey, key?.TaskKey ?? row.RowKey, row.GetString(AssignmentColumns.TaskNumber) ?? "",
            row.GetString(AssignmentColumns.Agency) ?? "", row.GetBoolean(AssignmentColumns.IsLead) == true, row.GetInt32(AssignmentColumns.Quarter) ?? 0,
            extension.DueAfter(planDue), IsRemoved(row),
            done
                ? new CompletionInfo(Date(row, AssignmentColumns.CompletedOn) ?? default,
                    row.GetDateTimeOffset(AssignmentColumns.CompletedAt) is { } at ? Instant.FromDateTimeOffset(at) : default,
                    Text(row, AssignmentColumns.CompletedBy), Text(row, AssignmentColumns.CompletedNote), Text(row, AssignmentColumns.CompletedVia) ?? CompletionVia.Admin,
                    Text(row, AssignmentColumns.CompletedIp), Text(row, AssignmentColumns.CompletedUserAgent))
                : null,
            row.ETag)
        {
            Undos = row.GetInt32(AssignmentColumns.Undos) ?? 0,
            Files = EvidenceColumn.Read(row.GetString(AssignmentColumns.Files)),
            Changed = row.Timestamp,
            PlanDue = planDue,
            Extension = extension,
        };
    }

    /// <summary>An assignment row as the sweep, reports and feeds read it: the date in force, done or not, and what kind of deadline it has.</summary>
    public static DueEntry Entry(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var planDue = Date(row, AssignmentColumns.Due) ?? default;
        var extension = ExtensionColumn.Read(row.GetString(AssignmentColumns.Extension));
        return new DueEntry(row.PartitionKey, AssignmentKey.Parse(row.RowKey).TaskKey, row.GetString(AssignmentColumns.TaskNumber), row.GetString(AssignmentColumns.Agency),
            row.GetInt32(AssignmentColumns.Quarter) ?? 0, extension.DueAfter(planDue), IsDone(row), Date(row, AssignmentColumns.CompletedOn),
            row.GetBoolean(AssignmentColumns.Ongoing) == true)
        {
            Extended = extension.Extends(planDue),
            Occurrence = row.GetBoolean(AssignmentColumns.Occurrence) == true,
            Undated = row.GetBoolean(AssignmentColumns.Undated) == true,
            Files = EvidenceColumn.Read(row.GetString(AssignmentColumns.Files)),
        };
    }

    public static bool IsDone(TableEntity? row) => AssignmentRows.IsDone(row);

    public static bool IsRemoved(TableEntity row) => row?.GetBoolean(AssignmentColumns.Removed) == true;

    /// <summary>A text column; "" (a copy's "none", or a value retention removed) reads as none.</summary>
    private static string? Text(TableEntity row, string column) => row.GetString(column) is { Length: > 0 } text ? text : null;

    internal static LocalDate? Date(TableEntity row, string column) =>
        row.GetString(column) is { } text && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
