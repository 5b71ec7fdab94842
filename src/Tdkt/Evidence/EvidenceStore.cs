using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Storage;

namespace Tdkt.Evidence;

public enum AttachOutcome
{
    Attached,

    /// <summary>No such assignment (or removed from the plan): nothing kept.</summary>
    NotHeld,

    /// <summary>The assignment already has <see cref="EvidenceStore.MaxPerAssignment"/> files.</summary>
    TooMany,
}

public enum DetachOutcome
{
    Removed,
    NotFound,

    /// <summary>The rule given (the undo window, through the link) no longer allows it.</summary>
    NotAllowed,
}

/// <summary>A checked upload: its content, its kind by content and the safe name it will be offered under.</summary>
public sealed record EvidenceUpload(byte[] Content, EvidenceKind Kind, string Name);

/// <summary>
/// Attached files: the content in Blob Storage ("{plan}/{task}--{agency}/{id}" in the evidence container), the list in
/// the assignment row's <see cref="EvidenceColumn"/> and in its agency copy, changed in one transaction with the audit
/// row, the agency's page stamp and the supervising agency's inbox item. The blob is written first and removed again if
/// the row cannot take it, so a listed file always has its content; a blob left by a crash in between is never listed.
/// </summary>
public sealed partial class EvidenceStore(StorageTables tables, StorageBlobs blobs, AgencyStore agencies, IClock clock, ILogger<EvidenceStore> logger)
{
    public const int MaxPerAssignment = 5;

    public static class Actions
    {
        public const string Attach = "file-add";
        public const string Detach = "file-remove";
    }

    public static string BlobName(string plan, AssignmentKey key, string fileId) => $"{plan}/{key.Value}/{fileId}";

    public async Task<(AttachOutcome Outcome, EvidenceFile? File)> AttachAsync(string plan, AssignmentKey key, EvidenceUpload upload, string? by, string via,
        string? clientIp, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var id = Guid.NewGuid().ToString("N")[..20];
        var container = await blobs.EvidenceAsync(cancellationToken);
        var blob = container.GetBlobClient(BlobName(plan, key, id));
        await blob.UploadAsync(BinaryData.FromBytes(upload.Content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = EvidenceKinds.ContentType(upload.Kind), ContentDisposition = "attachment" },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);
        var kept = false;
        try
        {
            var file = new EvidenceFile(id, upload.Name, upload.Kind, upload.Content.LongLength, clock.GetCurrentInstant(), by, via);
            var supervisor = await SupervisorOfAsync(key.Agency, cancellationToken);
            var outcome = await ChangeAsync(plan, key, files => files.Count >= MaxPerAssignment ? (AttachOutcome.TooMany, null) : (AttachOutcome.Attached, [.. files, file]),
                record => [
                    new(TableTransactionActionType.Add, Audit(new AuditEntry(plan, key.Value, Actions.Attach, file.At, by, file.Name, clientIp, userAgent), id)),
                    .. supervisor is null ? [] : (TableTransactionAction[])[
                        new(TableTransactionActionType.UpsertReplace, SupervisorInbox.Row(plan, SupervisorInbox.FileKey(supervisor, key, id),
                            new InboxItem(InboxKind.File, key.Agency, key.TaskKey, record.TaskNumber, file.At, by) { FileId = id, FileName = file.Name, Bytes = file.Bytes })),
                        AgencyRowCopies.Stamp(plan, supervisor)],
                ], AttachOutcome.NotHeld, cancellationToken);
            kept = outcome == AttachOutcome.Attached;
            return (outcome, kept ? file : null);
        }
        finally
        {
            if (!kept)
            {
                await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            }
        }
    }

    /// <summary>Removes a listed file when <paramref name="allowed"/> agrees; the content goes after the list no longer names it.</summary>
    public async Task<DetachOutcome> DetachAsync(string plan, AssignmentKey key, string fileId, Func<EvidenceFile, bool> allowed, string? by,
        string? clientIp, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var supervisor = await SupervisorOfAsync(key.Agency, cancellationToken);
        string? name = null;
        var outcome = await ChangeAsync(plan, key, files =>
            {
                var file = files.FirstOrDefault(f => f.Id == fileId);
                name = file?.Name;
                return file is null ? (DetachOutcome.NotFound, null) : !allowed(file) ? (DetachOutcome.NotAllowed, null) : (DetachOutcome.Removed, [.. files.Where(f => f.Id != fileId)]);
            },
            _ => [
                new(TableTransactionActionType.Add, Audit(new AuditEntry(plan, key.Value, Actions.Detach, clock.GetCurrentInstant(), by, name, clientIp, userAgent), fileId)),
                .. supervisor is null ? [] : (TableTransactionAction[])[SupervisorInbox.Withdraw(plan, SupervisorInbox.FileKey(supervisor, key, fileId)), AgencyRowCopies.Stamp(plan, supervisor)],
            ], DetachOutcome.NotFound, cancellationToken);
        if (outcome == DetachOutcome.Removed)
        {
            var container = await blobs.EvidenceAsync(cancellationToken);
            try
            {
                await container.GetBlobClient(BlobName(plan, key, fileId)).DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
            }
            catch (RequestFailedException ex)
            {
                // No longer listed, so never offered: the content is only left behind.
                LogBlobLeft(BlobName(plan, key, fileId), ex.Message);
            }
        }
        return outcome;
    }

    /// <summary>A listed file and its content, or null when the assignment does not list it (removed, or never there).</summary>
    public async Task<(EvidenceFile File, Stream Content)?> OpenAsync(string plan, AssignmentKey key, string fileId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, key.Value, select: [EvidenceColumn.Name, "Removed"], cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetBoolean("Removed") == true
            || EvidenceColumn.Read(row.Value.GetString(EvidenceColumn.Name)).FirstOrDefault(f => f.Id == fileId) is not { } file)
        {
            return null;
        }
        var container = await blobs.EvidenceAsync(cancellationToken);
        try
        {
            var content = await container.GetBlobClient(BlobName(plan, key, fileId)).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return (file, content.Value.Content);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Deletes every file of a plan (content and lists): the end of the plan's records period (retention). Returns how many
    /// files went; at most <paramref name="budget"/> rows are changed.
    /// </summary>
    public async Task<int> PurgeAsync(string plan, int budget, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var removed = 0;
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}"), select: ["RowKey", EvidenceColumn.Name], cancellationToken: cancellationToken))
        {
            if (row.GetString(EvidenceColumn.Name) is { Length: > 2 })
            {
                rows.Add(row);
            }
        }
        var container = await blobs.EvidenceAsync(cancellationToken);
        foreach (var row in rows.Take(budget))
        {
            var key = AssignmentKey.Parse(row.RowKey);
            var files = EvidenceColumn.Read(row.GetString(EvidenceColumn.Name));
            try
            {
                // The list first: from then on nothing offers the content.
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(plan, row.RowKey) { [EvidenceColumn.Name] = "" }, row.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(plan, AssignmentRows.AgencyRowKey(key)) { [EvidenceColumn.Name] = "" }),
                    AgencyRowCopies.Stamp(plan, key.Agency),
                ], cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // A file added or removed meanwhile: looked at again next run.
                continue;
            }
            foreach (var file in files)
            {
                await container.GetBlobClient(BlobName(plan, key, file.Id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
                removed++;
            }
        }
        // The supervisors' pages no longer list them (nor who sent them).
        var supervisors = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {SupervisorInbox.Prefix} and RowKey lt {SupervisorInbox.End} and Kind eq {nameof(InboxKind.File)} and Removed eq {false}"),
            select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await table.UpsertEntityAsync(new TableEntity(plan, row.RowKey) { ["Removed"] = true, ["By"] = "" }, TableUpdateMode.Merge, cancellationToken);
            var rest = row.RowKey[SupervisorInbox.Prefix.Length..];
            supervisors.Add(rest[..rest.IndexOf("--", StringComparison.Ordinal)]);
        }
        await AgencyRowCopies.StampAsync(table, plan, supervisors, cancellationToken);
        return removed;
    }

    /// <summary>The audit row, its key ending in the file's id: two files of one assignment at the same instant are two rows.</summary>
    private static TableEntity Audit(AuditEntry entry, string fileId)
    {
        var row = AuditLog.Row(entry);
        row.RowKey += "-" + fileId;
        return row;
    }

    private async Task<string?> SupervisorOfAsync(string agency, CancellationToken cancellationToken)
    {
        var directory = await agencies.LoadAsync(cancellationToken);
        return directory.Find(new AgencyId(agency))?.Supervisor is { } s && s.Value != agency ? s.Value : null;
    }

    /// <summary>
    /// Reads the assignment, lets <paramref name="change"/> decide on its files, and writes the new list with the row's ETag
    /// (to the row and its copy), the extra actions and the agency's stamp in one transaction; read again when the row
    /// changed meanwhile.
    /// </summary>
    private async Task<T> ChangeAsync<T>(string plan, AssignmentKey key, Func<IReadOnlyList<EvidenceFile>, (T Outcome, IReadOnlyList<EvidenceFile>? Files)> change,
        Func<AssignmentRecord, IReadOnlyList<TableTransactionAction>> extra, T notHeld, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, key.Value, cancellationToken: cancellationToken);
            if (!row.HasValue || row.Value!.GetBoolean("Removed") == true)
            {
                return notHeld;
            }
            var record = CompletionStore.Read(row.Value);
            var (outcome, files) = change(record.Files);
            if (files is null)
            {
                return outcome;
            }
            var json = EvidenceColumn.Write(files);
            var actions = new List<TableTransactionAction>
            {
                new(TableTransactionActionType.UpdateMerge, new TableEntity(plan, key.Value) { [EvidenceColumn.Name] = json }, row.Value.ETag),
                new(TableTransactionActionType.UpsertMerge, new TableEntity(plan, AssignmentRows.AgencyRowKey(key)) { [EvidenceColumn.Name] = json }),
                AgencyRowCopies.Stamp(plan, key.Agency),
            };
            actions.AddRange(extra(record));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return outcome;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412 && attempt < 10)
            {
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attached file {Blob} no longer listed, but its content could not be deleted: {Error}")]
    private partial void LogBlobLeft(string blob, string error);
}
