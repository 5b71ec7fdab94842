using Azure.Data.Tables;
using Tdkt.Storage;

namespace Tdkt.Assignments;

/// <summary>
/// The owner of the Assignments table (partition = plan): the plan's assignment rows, their agencies' copies and page
/// stamps, the supervisors' inboxes and the audit (layout: <see cref="AssignmentRows"/>, columns:
/// <see cref="AssignmentColumns"/>). Every read and every transactional write of the partition goes through here; the
/// stores of completions, extensions, files, imports and retention say what changes, this class how it is written.
/// </summary>
public sealed partial class AssignmentTable(StorageTables tables, GroupCommit groupCommit, AgencyRowCache cache)
{
    public Task<TableClient> TableAsync(CancellationToken cancellationToken) => tables.GetAsync(StorageTables.Assignments, cancellationToken);

    /// <summary>One assignment as stored (also when removed from the plan), or null.</summary>
    public async Task<AssignmentRecord?> GetAsync(string plan, string assignmentKey, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, assignmentKey, cancellationToken: cancellationToken);
        return row.HasValue ? AssignmentReader.Record(row.Value!) : null;
    }

    /// <summary>A plan's current (not removed) assignments, optionally of one quarter only (with the ongoing ones), with their completion.</summary>
    public async IAsyncEnumerable<DueEntry> CurrentAsync(string plan, int? quarter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        // A quarter's tasks, and the ongoing ones ("Thường xuyên"), which belong to every quarter.
        var filter = quarter is { } q
            ? TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter} and (Quarter eq {q} or Ongoing eq {true})")
            : TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!AssignmentReader.IsRemoved(row))
            {
                yield return AssignmentReader.Entry(row);
            }
        }
    }

    /// <summary>Every current assignment of a plan (one partition read, the audit and the agency copies left out).</summary>
    public Task<IReadOnlyList<AssignmentRecord>> OfPlanAsync(string plan, CancellationToken cancellationToken) =>
        RecordsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter}"), cancellationToken);

    /// <summary>Every current assignment of one task (rows task--*, which sort together).</summary>
    public Task<IReadOnlyList<AssignmentRecord>> OfTaskAsync(string plan, string taskKey, CancellationToken cancellationToken)
    {
        var (from, to) = AssignmentKey.RangeOf(taskKey);
        return RecordsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {from} and RowKey lt {to}"), cancellationToken);
    }

    /// <summary>
    /// An agency's current assignments in one plan and its inbox there (<see cref="SupervisorInbox"/>), under one stamp: one
    /// range over its copies (<see cref="AgencyRowCopies"/>), so the cost follows the agency's own tasks; for a plan stored
    /// before copies existed, a filter over the assignments. Copies read under the agency's stamp are kept
    /// (<see cref="AgencyRowCache"/>): while the stamp is unchanged, one point read answers.
    /// </summary>
    public async Task<AgencyRows> PageRowsAsync(string plan, string agency, bool fromCopies, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        string? stamp = null;
        if (fromCopies)
        {
            // The stamp first, then the copies: a write between the two leaves a newer stamp, and the next read reads again.
            var row = await table.GetEntityIfExistsAsync<TableEntity>(plan, AssignmentRows.AgencyVersionKey(agency), select: [AgencyRowCopies.StampColumn], cancellationToken: cancellationToken);
            stamp = row.HasValue ? row.Value!.GetString(AgencyRowCopies.StampColumn) : null;
            if (stamp is not null && cache.Get(plan, agency, stamp) is { } cached)
            {
                return cached;
            }
        }
        var (from, to) = AssignmentRows.AgencyRange(agency);
        var records = await RecordsAsync(fromCopies
            ? TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {from} and RowKey lt {to}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey lt {AssignmentRows.RecordsAfter} and Agency eq {agency}"), cancellationToken);
        var inbox = new List<InboxItem>();
        var (inboxFrom, inboxTo) = SupervisorInbox.Range(agency);
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {plan} and RowKey ge {inboxFrom} and RowKey lt {inboxTo}"), cancellationToken: cancellationToken))
        {
            if (SupervisorInbox.Read(row) is { } item)
            {
                inbox.Add(item);
            }
        }
        var rows = new AgencyRows(records, inbox);
        if (stamp is not null)
        {
            cache.Set(plan, agency, stamp, rows);
        }
        return rows;
    }

    /// <summary>The open items of one kind in a plan's supervisors' inboxes, with the supervisor each waits for.</summary>
    public async IAsyncEnumerable<(string Supervisor, InboxItem Item)> InboxAsync(string plan, InboxKind kind,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(
            $"PartitionKey eq {plan} and RowKey ge {SupervisorInbox.Prefix} and RowKey lt {SupervisorInbox.End} and Kind eq {kind.ToString()} and Removed eq {false}"),
            cancellationToken: cancellationToken))
        {
            if (SupervisorInbox.Read(row) is { } item && SupervisorInbox.SupervisorOf(row.RowKey) is { } supervisor)
            {
                yield return (supervisor, item);
            }
        }
    }

    private async Task<IReadOnlyList<AssignmentRecord>> RecordsAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken);
        var list = new List<AssignmentRecord>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (AssignmentReader.Record(row) is { Removed: false } record)
            {
                list.Add(record);
            }
        }
        return list;
    }
}
