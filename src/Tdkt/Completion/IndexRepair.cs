using NodaTime;
using Tdkt.Assignments;
using Tdkt.Plans;

namespace Tdkt.Completion;

/// <summary>
/// Heals the one gap an interrupted completion can leave: its transaction (assignment, marker, audit) went through
/// but the due-date index write after it did not, so the index still says "open" and the sweep would remind the
/// agency of a task it marked done (or, after an interrupted undo or reopen, the reverse); or an extension's move of the
/// entry to its new date stopped before the new entry was written. The sweep runs it first,
/// over the assignments whose audit shows a change since <c>since</c>: two point reads per change, nothing else.
/// </summary>
public sealed class IndexRepair(PlanStore plans, AuditLog audit, CompletionStore store, DueIndex index)
{
    /// <summary>Checks every assignment of a swept plan changed since <paramref name="since"/>; returns how many were checked and repaired.</summary>
    public async Task<(int Checked, int Repaired)> RunAsync(Instant since, CancellationToken cancellationToken)
    {
        var swept = (await plans.ListAsync(cancellationToken)).Where(p => p.IsReminded).Select(p => p.Id.Value).ToList();
        var checkedCount = 0;
        var repaired = 0;
        await Parallel.ForEachAsync(swept, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (plan, ct) =>
        {
            var changed = await audit.ChangedSinceAsync(plan, since, ct);
            await Parallel.ForEachAsync(changed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (key, ct2) =>
            {
                Interlocked.Increment(ref checkedCount);
                if (await RepairAsync(plan, key, ct2))
                {
                    Interlocked.Increment(ref repaired);
                }
            });
        });
        return (checkedCount, repaired);
    }

    /// <summary>
    /// Writes the index only when it disagrees with the assignment, and only if it has not changed since it was
    /// read; the assignment is read again after the index, so a completion or undo made meanwhile is either seen
    /// here or writes the index after this does. Either way the index ends as the assignment says.
    /// </summary>
    private async Task<bool> RepairAsync(string plan, string key, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(plan, key, cancellationToken) is not { Removed: false } first)
        {
            return false;
        }
        var rowKey = DueEntry.RowKeyFor(plan, key);
        var found = await index.GetDoneAsync(first.Due, rowKey, cancellationToken);
        if (found is null && first.Due != first.PlanDue)
        {
            // An extension's move stopped before its new entry was written: write it, and drop the old one.
            var from = first.Extension.Request is { Status: ExtensionStatus.Approved } approved ? approved.From : first.PlanDue;
            await index.MoveAsync(first.EntryAt(first.Due), from, cancellationToken);
            return true;
        }
        if (found is not { } entry || entry.Done == first.Done)
        {
            return false;
        }
        return await store.GetAsync(plan, key, cancellationToken) is { Removed: false } now && now.Due == first.Due && now.Done != entry.Done
            && await index.SetDoneIfUnchangedAsync(now.Due, rowKey, now.Done, entry.ETag, cancellationToken);
    }
}
