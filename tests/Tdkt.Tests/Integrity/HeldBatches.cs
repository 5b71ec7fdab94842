using Azure.Core;
using Azure.Core.Pipeline;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// A storage pipeline policy that holds the next transaction request ($batch) whose body names a given table until the
/// test has done what it wants to happen "meanwhile" (another import, an activation, a completion), then lets it go.
/// </summary>
public sealed class HeldBatches : HttpPipelinePolicy
{
    private string? table;
    private string? containing;
    private TaskCompletionSource? entered;
    private TaskCompletionSource? release;

    /// <summary>
    /// Holds the next batch that writes to a table whose name ends with <paramref name="tableName"/> ("" for any) and whose
    /// body contains <paramref name="text"/> (say, a partition key).
    /// </summary>
    public (Task Entered, TaskCompletionSource Release) HoldNext(string tableName, string text = "")
    {
        containing = text;
        entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        table = tableName;
        return (entered.Task, release);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (table is { } wanted && message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Names(message, wanted, containing ?? "")
            && Interlocked.Exchange(ref entered, null) is { } start)
        {
            table = null;
            start.SetResult();
            await Interlocked.Exchange(ref release, null)!.Task;
        }
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The product writes asynchronously.");

    private static bool Names(HttpMessage message, string tableName, string text)
    {
        if (tableName.Length == 0 && text.Length == 0)
        {
            return true;
        }
        using var body = new MemoryStream();
        message.Request.Content!.WriteTo(body, CancellationToken.None);
        // Each operation of the batch is a request line "VERB https://…/{table}(PartitionKey='…',RowKey='…') HTTP/1.1".
        var batch = System.Text.Encoding.UTF8.GetString(body.ToArray());
        return batch.Contains(tableName + "(", StringComparison.Ordinal) && batch.Contains(text, StringComparison.Ordinal);
    }
}
