using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Assignments;

/// <summary>
/// Rows "~sup-{supervisor}--{file|ext}-{task}--{agency}[-{file}]" in the plan's partition: what the agencies a
/// supervisor follows sent it, written in the same transaction as the change (with the supervisor's own page stamp), so
/// its page reads them as one range under the stamp it already reads. A withdrawn item is marked <c>Removed</c>, since a
/// transaction cannot delete a row that may not exist.
/// </summary>
public static class SupervisorInbox
{
    public const string Prefix = AssignmentRows.RecordsAfter + "sup-";

    /// <summary>The end (exclusive) of every supervisor's rows: '.' follows '-'.</summary>
    public const string End = AssignmentRows.RecordsAfter + "sup.";

    public static (string From, string To) Range(string supervisor) => ($"{Prefix}{supervisor}--", $"{Prefix}{supervisor}-.");

    /// <summary>The supervising agency an inbox row is for ("~sup-{supervisor}--…"), or null when the key is not one.</summary>
    public static string? SupervisorOf(string rowKey)
    {
        ArgumentNullException.ThrowIfNull(rowKey);
        if (!rowKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = rowKey.IndexOf("--", Prefix.Length, StringComparison.Ordinal);
        return end > Prefix.Length ? rowKey[Prefix.Length..end] : null;
    }

    public static string FileKey(string supervisor, AssignmentKey key, string fileId) => $"{Prefix}{supervisor}--file-{key.Value}-{fileId}";

    public static string ExtensionKey(string supervisor, AssignmentKey key) => $"{Prefix}{supervisor}--ext-{key.Value}";

    /// <summary>
    /// What puts <paramref name="item"/> (about <paramref name="key"/>) in <paramref name="supervisor"/>'s inbox: the item's
    /// row and the supervisor's page stamp, for the transaction of the change it reports.
    /// </summary>
    public static IReadOnlyList<TableTransactionAction> Post(string plan, string supervisor, AssignmentKey key, InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var rowKey = item.Kind == InboxKind.File ? FileKey(supervisor, key, item.FileId!) : ExtensionKey(supervisor, key);
        return [new(TableTransactionActionType.UpsertReplace, Row(plan, rowKey, item)), AgencyRowCopies.Stamp(plan, supervisor)];
    }

    /// <summary>What takes an item out of <paramref name="supervisor"/>'s inbox (a file removed: its id; a request decided: none), with the stamp.</summary>
    public static IReadOnlyList<TableTransactionAction> Take(string plan, string supervisor, AssignmentKey key, string? fileId = null) =>
        [Withdraw(plan, fileId is null ? ExtensionKey(supervisor, key) : FileKey(supervisor, key, fileId)), AgencyRowCopies.Stamp(plan, supervisor)];

    public static TableEntity Row(string plan, string rowKey, InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new TableEntity(plan, rowKey)
        {
            ["Kind"] = item.Kind.ToString(),
            ["Agency"] = item.Agency,
            ["TaskKey"] = item.TaskKey,
            ["TaskNumber"] = item.TaskNumber,
            ["At"] = item.At.ToDateTimeOffset(),
            ["By"] = item.By ?? "",
            ["FileId"] = item.FileId,
            ["FileName"] = item.FileName,
            ["Bytes"] = item.Bytes,
            ["Due"] = item.Due is { } due ? LocalDatePattern.Iso.Format(due) : null,
            ["Requested"] = item.Requested is { } requested ? LocalDatePattern.Iso.Format(requested) : null,
            ["Reason"] = item.Reason,
            ["Removed"] = false,
        };
    }

    /// <summary>The item withdrawn (a file removed, a request decided): merged, so it works whether or not the row exists.</summary>
    public static TableTransactionAction Withdraw(string plan, string rowKey) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity(plan, rowKey) { ["Removed"] = true });

    /// <summary>An item withdrawn and its sender's name emptied (the end of the plan's records period).</summary>
    public static TableEntity Forget(string plan, string rowKey) => new(plan, rowKey) { ["Removed"] = true, ["By"] = "" };

    public static InboxItem? Read(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.GetBoolean("Removed") == true || !Enum.TryParse<InboxKind>(row.GetString("Kind"), out var kind))
        {
            return null;
        }
        return new InboxItem(kind, row.GetString("Agency") ?? "", row.GetString("TaskKey") ?? "", row.GetString("TaskNumber") ?? "",
            row.GetDateTimeOffset("At") is { } at ? Instant.FromDateTimeOffset(at) : default, row.GetString("By") is { Length: > 0 } by ? by : null)
        {
            FileId = row.GetString("FileId"),
            FileName = row.GetString("FileName"),
            Bytes = row.GetInt64("Bytes") ?? 0,
            Due = AssignmentReader.Date(row, "Due"),
            Requested = AssignmentReader.Date(row, "Requested"),
            Reason = row.GetString("Reason"),
        };
    }

}
