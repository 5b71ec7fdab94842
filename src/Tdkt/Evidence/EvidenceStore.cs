using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Storage;

namespace Tdkt.Evidence;

/// <summary>
/// Attached files: the content in Blob Storage ("{plan}/{task}--{agency}/{id}" in the evidence container), the list in
/// the assignment row's <see cref="EvidenceColumn"/> and in its agency copy, changed in one transaction with the audit
/// row, the agency's page stamp and the supervising agency's inbox item. The blob is written first and removed again if
/// the row cannot take it, so a listed file always has its content; a blob left by a crash in between is never listed.
/// </summary>
public sealed partial class EvidenceStore(AssignmentTable assignments, StorageBlobs blobs, AgencyStore agencies, IClock clock, ILogger<EvidenceStore> logger)
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
                    .. supervisor is null ? [] : SupervisorInbox.Post(plan, supervisor, key,
                        new InboxItem(InboxKind.File, key.Agency, key.TaskKey, record.TaskNumber, file.At, by) { FileId = id, FileName = file.Name, Bytes = file.Bytes }),
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
                .. supervisor is null ? [] : SupervisorInbox.Take(plan, supervisor, key, fileId),
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
        if (await assignments.GetAsync(plan, key.Value, cancellationToken) is not { Removed: false } record
            || record.Files.FirstOrDefault(f => f.Id == fileId) is not { } file)
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
        var removed = 0;
        var container = await blobs.EvidenceAsync(cancellationToken);
        foreach (var (key, files, etag) in (await assignments.WithFilesAsync(plan, cancellationToken)).Take(budget))
        {
            // The list first: from then on nothing offers the content. A file added or removed meanwhile: looked at again next run.
            if (!await assignments.EmptyFilesAsync(plan, key, etag, cancellationToken))
            {
                continue;
            }
            foreach (var file in files)
            {
                await container.GetBlobClient(BlobName(plan, key, file.Id)).DeleteIfExistsAsync(cancellationToken: cancellationToken);
                removed++;
            }
        }
        // The supervisors' pages no longer list them (nor who sent them).
        await assignments.WithdrawFileItemsAsync(plan, cancellationToken);
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
    /// Reads the assignment, lets <paramref name="change"/> decide on its files, and writes the new list with the extra
    /// actions (<see cref="AssignmentTable.ChangeAsync"/>).
    /// </summary>
    private async Task<T> ChangeAsync<T>(string plan, AssignmentKey key, Func<IReadOnlyList<EvidenceFile>, (T Outcome, IReadOnlyList<EvidenceFile>? Files)> change,
        Func<AssignmentRecord, IReadOnlyList<TableTransactionAction>> extra, T notHeld, CancellationToken cancellationToken) =>
        (await assignments.ChangeAsync(plan, key, AssignmentColumns.Files, record =>
        {
            var (outcome, files) = change(record.Files);
            return files is null ? (outcome, null, []) : (outcome, EvidenceColumn.Write(files), extra(record));
        }, notHeld, cancellationToken)).Outcome;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attached file {Blob} no longer listed, but its content could not be deleted: {Error}")]
    private partial void LogBlobLeft(string blob, string error);
}
