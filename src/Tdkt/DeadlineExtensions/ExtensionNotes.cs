using NodaTime;
using Tdkt.Assignments;
using Tdkt.Clock;

namespace Tdkt.DeadlineExtensions;

/// <summary>
/// What the daily sweep tells about extensions: to each supervising agency, every request still waiting for it (its inbox
/// rows); to each asking agency, where its request stands after a step taken on the days since the last successful sweep
/// (from that sweep's date up to the day before this one), so each step is told once, in the digest after it.
/// </summary>
public sealed class ExtensionNotes(AssignmentTable assignments, AuditLog audit)
{
    public async Task<IReadOnlyList<ExtensionNote>> ReadAsync(IEnumerable<string> plans, LocalDate from, LocalDate until, CancellationToken cancellationToken)
    {
        var notes = new System.Collections.Concurrent.ConcurrentBag<ExtensionNote>();
        await Parallel.ForEachAsync(plans, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (plan, ct) =>
        {
            await foreach (var (supervisor, item) in assignments.InboxAsync(plan, InboxKind.Extension, ct))
            {
                if (item is { Due: { } due, Requested: { } asked })
                {
                    notes.Add(new ExtensionNote(supervisor, plan, item.TaskKey, item.TaskNumber, ExtensionNoteKind.Waiting, item.Agency, due, asked, item.Reason, item.By));
                }
            }
            var start = from.AtStartOfDayInZone(VietnamTime.Zone).ToInstant();
            var end = until.AtStartOfDayInZone(VietnamTime.Zone).ToInstant();
            foreach (var key in await audit.ChangedAsync(plan, start, end, ExtensionStore.Actions.Prefix, ExtensionStore.Actions.End, ct))
            {
                if (await assignments.GetAsync(plan, key, ct) is { Removed: false, Extension.Request: { } request } record)
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
}
