using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Tdkt.Assignments;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Storage;

/// <summary>
/// Group commit against Azurite: concurrent writes to one partition share transactions, yet each write keeps its
/// own outcome (one that fails, fails alone), writes to one row keep their order, and a failed request does not
/// leave the partition stuck.
/// </summary>
public sealed class GroupCommitTests(LocalServices services)
{
    private readonly GroupCommit groupCommit = new();
    private readonly RequestCounter requests = new();

    [Fact]
    public async Task Sixty_writes_at_once_are_all_stored_in_a_few_requests()
    {
        var table = await NewTableAsync();
        var writes = Enumerable.Range(0, 60).Select(i => groupCommit.SubmitAsync(table,
        [
            Insert($"marker-{i:D2}"),
            Insert($"audit-{i:D2}"),
            Insert($"row-{i:D2}"),
        ], TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(writes);

        Assert.Equal(180, await CountAsync(table));
        // One alone (nothing was in flight), then 59 writes of 3 actions in transactions of at most 100 actions.
        Assert.InRange(requests.Batches, 2, 6);
    }

    [Fact]
    public async Task Writes_that_each_rewrite_one_agencys_stamp_share_transactions_and_leave_one_new_stamp()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", AssignmentRows.AgencyVersionKey("so-noi-vu")) { ["V"] = "before" }, TestContext.Current.CancellationToken);
        requests.Reset();
        var writes = Enumerable.Range(0, 40).Select(i => groupCommit.SubmitAsync(table,
        [
            Insert($"row-{i:D2}"),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace,
                new TableEntity("p", AssignmentRows.AgencyVersionKey("so-noi-vu")) { ["V"] = $"after-{i:D2}" }),
        ], AgencyRowCopies.IsStamp, TestContext.Current.CancellationToken)).ToList();
        await Task.WhenAll(writes);

        Assert.Equal(41, await CountAsync(table));
        // Not one transaction each (as writes to one ordinary row would be): the stamp is rewritten once per transaction.
        Assert.InRange(requests.Batches, 1, 6);
        var stamp = (await table.GetEntityAsync<TableEntity>("p", AssignmentRows.AgencyVersionKey("so-noi-vu"), cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.StartsWith("after-", stamp.GetString("V"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_that_fails_in_a_shared_transaction_fails_alone_with_its_own_error()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "row-5") { ["Value"] = "before" }, TestContext.Current.CancellationToken);

        // Something in flight, so the ten that follow wait and go out together.
        var first = await InFlightAsync(table, Insert("first"));
        var writes = Enumerable.Range(0, 10).Select(i => groupCommit.SubmitAsync(table, [Insert($"row-{i}")], TestContext.Current.CancellationToken)).ToList();
        await first();

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => writes[5]);
        Assert.Equal(409, failure.Status);
        foreach (var (write, i) in writes.Select((w, i) => (w, i)).Where(x => x.i != 5))
        {
            await write;
        }
        Assert.Equal(11, await CountAsync(table));
        Assert.Equal("before", (await table.GetEntityAsync<TableEntity>("p", "row-5", cancellationToken: TestContext.Current.CancellationToken)).Value.GetString("Value"));
        // The shared transaction failed, then each of the ten went alone: 1 + 1 + 10.
        Assert.Equal(12, requests.Batches);
    }

    [Fact]
    public async Task Writes_to_the_same_row_keep_their_order_and_never_share_a_transaction()
    {
        var table = await NewTableAsync();
        var first = await InFlightAsync(table, Insert("first"));
        var writes = Enumerable.Range(1, 5).SelectMany(v => new[]
        {
            groupCommit.SubmitAsync(table, [Merge("shared", v)], TestContext.Current.CancellationToken),
            groupCommit.SubmitAsync(table, [Merge($"own-{v}", v)], TestContext.Current.CancellationToken),
        }).ToList();
        await first();
        await Task.WhenAll(writes);

        var shared = await table.GetEntityAsync<TableEntity>("p", "shared", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5, shared.Value.GetInt32("Value"));
        Assert.Equal(7, await CountAsync(table));
        // Each write to "shared" waits for the one before it: five transactions after the first, the others riding along.
        Assert.Equal(6, requests.Batches);
    }

    [Fact]
    public async Task A_write_held_back_also_holds_back_later_writes_to_any_of_its_rows()
    {
        var table = await NewTableAsync();
        var first = await InFlightAsync(table, Insert("first"));
        // The second collides with the first on "a" and waits; the third touches only "b", but the second writes "b" before it.
        var writes = new[]
        {
            groupCommit.SubmitAsync(table, [Merge("a", 1)], TestContext.Current.CancellationToken),
            groupCommit.SubmitAsync(table, [Merge("a", 2), Merge("b", 2)], TestContext.Current.CancellationToken),
            groupCommit.SubmitAsync(table, [Merge("b", 3)], TestContext.Current.CancellationToken),
        };
        await first();
        await Task.WhenAll(writes);

        var a = await table.GetEntityAsync<TableEntity>("p", "a", cancellationToken: TestContext.Current.CancellationToken);
        var b = await table.GetEntityAsync<TableEntity>("p", "b", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((2, 3), (a.Value.GetInt32("Value"), b.Value.GetInt32("Value")));
    }

    [Fact]
    public async Task When_storage_cannot_be_reached_every_waiting_write_fails_and_later_writes_are_tried_again()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        var unreachable = new TableServiceClient(services.Azurite.ConnectionString.Replace(
            $"127.0.0.1:{services.Azurite.TablePort}", $"127.0.0.1:{FreePort.Next()}", StringComparison.Ordinal), options).GetTableClient("nowhere");

        var writes = Enumerable.Range(0, 4).Select(i => groupCommit.SubmitAsync(unreachable, [Insert($"row-{i}")], TestContext.Current.CancellationToken)).ToList();
        foreach (var write in writes)
        {
            Assert.Equal(0, (await Assert.ThrowsAsync<Azure.RequestFailedException>(() => write)).Status);
        }
        Assert.Equal(0, (await Assert.ThrowsAsync<Azure.RequestFailedException>(() =>
            groupCommit.SubmitAsync(unreachable, [Insert("later")], TestContext.Current.CancellationToken))).Status);
    }

    /// <summary>Submits one write and holds its request on the wire; the function returned lets it go and waits for it.</summary>
    private async Task<Func<Task>> InFlightAsync(TableClient table, TableTransactionAction action)
    {
        var (entered, release) = requests.HoldNext();
        var write = groupCommit.SubmitAsync(table, [action], TestContext.Current.CancellationToken);
        await entered.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return () =>
        {
            release.SetResult();
            return write;
        };
    }

    private async Task<TableClient> NewTableAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(services.Azurite.ConnectionString, options).GetTableClient("gc" + Guid.NewGuid().ToString("N")[..12]);
        await table.CreateAsync(TestContext.Current.CancellationToken);
        requests.Reset();
        return table;
    }

    private static TableTransactionAction Insert(string row) => new(TableTransactionActionType.Add, new TableEntity("p", row) { ["Value"] = row });

    private static TableTransactionAction Merge(string row, int value) =>
        new(TableTransactionActionType.UpsertMerge, new TableEntity("p", row) { ["Value"] = value });

    private static async Task<int> CountAsync(TableClient table)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == "p", cancellationToken: TestContext.Current.CancellationToken))
        {
            count++;
        }
        return count;
    }

    /// <summary>Counts the transaction requests ($batch) that reach storage, and can hold the next one until told.</summary>
    private sealed class RequestCounter : HttpPipelinePolicy
    {
        private int batches;
        private TaskCompletionSource? entered;
        private TaskCompletionSource? release;

        public int Batches => Volatile.Read(ref batches);

        public void Reset() => Interlocked.Exchange(ref batches, 0);

        /// <summary>The next transaction request waits for <c>release</c>; <c>entered</c> says it is being sent.</summary>
        public (Task Entered, TaskCompletionSource Release) HoldNext()
        {
            entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return (entered.Task, release);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref batches);
                if (Interlocked.Exchange(ref entered, null) is { } start)
                {
                    start.SetResult();
                    await Interlocked.Exchange(ref release, null)!.Task;
                }
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The product writes asynchronously.");
    }
}
