using Azure.Data.Tables;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Hosting;
using Tdkt.Storage;

namespace Tdkt.Extensions;

public enum ExtensionNoteKind
{
    /// <summary>To a supervising agency: a request of an agency it follows waits for its answer.</summary>
    Waiting,

    /// <summary>To the asking agency: its request was received and waits.</summary>
    Asked,

    /// <summary>To the asking agency: approved, with the new date.</summary>
    Approved,

    /// <summary>To the asking agency: declined, with the reason.</summary>
    Declined,
}

/// <summary>
/// One line of a daily digest about a request for more time: to <see cref="Recipient"/>, about <see cref="Agency"/>'s part in
/// a task; <see cref="From"/> the date before, <see cref="Date"/> the date asked or granted; <see cref="Words"/> the reason
/// given with the request (waiting, asked) or the answer (approved, declined).
/// </summary>
public sealed record ExtensionNote(string Recipient, string Plan, string TaskKey, string Task, ExtensionNoteKind Kind, string Agency, LocalDate From, LocalDate Date,
    string? Words, string? By);

/// <summary>
/// What the daily sweep tells about extensions: to each supervising agency, every request still waiting for it (its inbox
/// rows); to each asking agency, where its request stands after a step taken on the days since the last successful sweep
/// (from that sweep's date up to the day before this one), so each step is told once, in the digest after it.
/// </summary>
public sealed class ExtensionNotes(StorageTables tables)
{
    public async Task<IReadOnlyList<ExtensionNote>> ReadAsync(IEnumerable<string> plans, LocalDate from, LocalDate until, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Assignments, cancellationToken);
        var notes = new System.Collections.Concurrent.ConcurrentBag<ExtensionNote>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (plan, ct) =>
        {
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
                $"PartitionKey eq {plan} and RowKey ge {SupervisorInbox.Prefix} and RowKey lt {SupervisorInbox.End} and Kind eq {nameof(InboxKind.Extension)} and Removed eq {false}"),
                cancellationToken: ct))
            {
                if (SupervisorInbox.Read(row) is { Due: { } due, Requested: { } asked } item && SupervisorInbox.SupervisorOf(row.RowKey) is { } supervisor)
                {
                    notes.Add(new ExtensionNote(supervisor, plan, item.TaskKey, item.TaskNumber, ExtensionNoteKind.Waiting, item.Agency, due, asked, item.Reason, item.By));
                }
            }
            foreach (var key in await StepsAsync(table, plan, from, until, ct))
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, key, cancellationToken: ct);
                if (row.HasValue && CompletionStore.Read(row.Value!) is { Removed: false, Extension.Request: { } request } record)
                {
                    var (kind, date, words) = request.Status switch
                    {
                        ExtensionStatus.Approved => (ExtensionNoteKind.Approved, request.To ?? record.Due, request.Answer),
                        ExtensionStatus.Declined => (ExtensionNoteKind.Declined, request.Asked, request.Answer),
                        _ => (ExtensionNoteKind.Asked, request.Asked, request.Reason),
                    };
                    notes.Add(new ExtensionNote(record.Agency, plan, record.TaskKey, record.TaskNumber, kind, record.Agency, request.From, date, words,
                        request.Status == ExtensionStatus.Pending ? request.By : request.DecidedBy));
                }
            }
        });
        return [.. notes];
    }

    /// <summary>The assignments with an extension step in the audit on the days [from, until).</summary>
    private static async Task<IReadOnlyCollection<string>> StepsAsync(TableClient table, string plan, LocalDate from, LocalDate until, CancellationToken cancellationToken)
    {
        var start = AssignmentRows.AuditFrom(from.AtStartOfDayInZone(VietnamTime.Zone).ToInstant().ToUnixTimeTicks());
        var end = AssignmentRows.AuditFrom(until.AtStartOfDayInZone(VietnamTime.Zone).ToInstant().ToUnixTimeTicks());
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {plan} and RowKey ge {start} and RowKey lt {end} and Action ge {ExtensionStore.Actions.Prefix} and Action lt {ExtensionStore.Actions.End}"),
            select: ["Assignment"], cancellationToken: cancellationToken))
        {
            if (row.GetString("Assignment") is { Length: > 0 } assignment)
            {
                keys.Add(assignment);
            }
        }
        return keys;
    }
}
