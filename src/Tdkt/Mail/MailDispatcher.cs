using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tdkt.Clock;
using Tdkt.Diagnostics;
using Tdkt.Hosting;
using Tdkt.Outbox;

namespace Tdkt.Mail;

/// <summary>
/// Sends digests from the outbox: pending -> sending (a lease) -> sent, or back to pending with exponential
/// backoff, or failed after <c>Tdkt:Mail:MaxAttempts</c> tries or a permanent error (the last error kept).
/// A dispatcher that dies mid-send leaves the lease to expire; the retry carries the same Message-ID /
/// Operation-Id. The same code runs from the queue trigger, the periodic pass and the local loop.
/// </summary>
public sealed partial class MailDispatcher(
    OutboxStore outbox,
    MailComposer composer,
    IMailChannel channel,
    SendRateLimiter limiter,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<MailDispatcher> logger)
{
    /// <summary>How many digests a pass sends at once.</summary>
    public const int DefaultConcurrency = 4;

    /// <summary>
    /// Dispatches the digest a queue message names. A message that is not a digest key is logged and dropped:
    /// retrying cannot help, and the periodic pass does not depend on messages.
    /// </summary>
    public async Task DispatchMessageAsync(string message, CancellationToken cancellationToken)
    {
        if (DigestKey.TryParse(message) is not { } key)
        {
            LogBadMessage(message?.Length > 100 ? message[..100] : message ?? "");
            return;
        }
        await DispatchAsync(key, cancellationToken);
    }

    public async Task<DispatchOutcome> DispatchAsync(DigestKey key, CancellationToken cancellationToken)
    {
        // The queue-triggered dispatch of one digest is a dispatch too: the same span as a pass, over one digest.
        using var activity = Telemetry.Source.StartActivity("tdkt.dispatch");
        activity?.SetTag(Telemetry.Tags.Digest, key.Value);
        var (outcome, _) = await SendAsync(await outbox.TryLeaseAsync(key, cancellationToken), cancellationToken);
        if (outcome is DispatchOutcome.Sent or DispatchOutcome.Failed)
        {
            await outbox.ClearPendingAsync([key], cancellationToken);
        }
        activity?.SetTag("tdkt.digests.sent", outcome == DispatchOutcome.Sent ? 1 : 0);
        activity?.SetTag("tdkt.digests.failed", outcome == DispatchOutcome.Failed ? 1 : 0);
        activity?.SetTag("tdkt.digests.waiting", outcome == DispatchOutcome.Retrying ? 1 : 0);
        return outcome;
    }

    /// <summary>
    /// Sends a leased digest and records the outcome; the caller clears its pending mark once it is sent or failed.
    /// Every mail failure is caught here, per digest: permanent ones fail it, the rest (also one no channel named: a
    /// bug, an unexpected library error) wait and are tried again until <c>MaxAttempts</c>, so none stays "sending".
    /// Storage failures go on up: the pass cannot continue without storage, and the lease runs out.
    /// </summary>
    private async Task<(DispatchOutcome Outcome, string? Error)> SendAsync(OutboxEntry? leased, CancellationToken cancellationToken)
    {
        if (leased is null)
        {
            return (DispatchOutcome.Skipped, null);
        }
        var key = leased.Key;
        using var activity = Telemetry.Source.StartActivity("tdkt.digest.send");
        activity?.SetTag(Telemetry.Tags.Digest, key.Value);
        activity?.SetTag(Telemetry.Tags.DigestKind, key.Kind.ToString().ToLowerInvariant());
        activity?.SetTag(Telemetry.Tags.Agency, key.Agency);
        activity?.SetTag(Telemetry.Tags.Channel, channel.Name);
        activity?.SetTag("tdkt.attempt", leased.Attempts);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (outcome, failure) = await SendLeasedAsync(leased, cancellationToken);
        var channelTag = new KeyValuePair<string, object?>(Telemetry.Tags.Channel, channel.Name);
        var kindTag = new KeyValuePair<string, object?>(Telemetry.Tags.DigestKind, key.Kind.ToString().ToLowerInvariant());
        activity?.SetTag(Telemetry.Tags.Outcome, outcome.ToString().ToLowerInvariant());
        switch (outcome)
        {
            case DispatchOutcome.Sent:
                Telemetry.DigestsSent.Add(1, channelTag, kindTag);
                Telemetry.SendDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds, channelTag);
                break;
            case DispatchOutcome.Failed:
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "failed");
                Telemetry.DigestsFailed.Add(1, channelTag, kindTag);
                break;
            case DispatchOutcome.Retrying:
                Telemetry.DigestsRetried.Add(1, channelTag, kindTag);
                break;
        }
        return (outcome, failure);
    }

    private async Task<(DispatchOutcome Outcome, string? Error)> SendLeasedAsync(OutboxEntry leased, CancellationToken cancellationToken)
    {
        var key = leased.Key;
        if (OutboxPolicy.IsPastLastAttempt(leased, options.Value.MaxAttempts))
        {
            // Leases that ran out (a dispatcher died mid-send) count as attempts too: past the limit, give up.
            var error = $"Đã thử {leased.Attempts - 1} lần mà chưa gửi được{(leased.LastError is { } last ? ": " + last : ".")}";
            await outbox.MarkFailedAsync(leased, error, cancellationToken);
            LogFailed(key.Value, leased.Attempts - 1, error);
            return (DispatchOutcome.Failed, error);
        }
        try
        {
            var mail = await composer.ComposeAsync(leased, cancellationToken);
            await limiter.WaitAsync(cancellationToken);
            var result = await channel.SendAsync(mail, cancellationToken);
            if (!await outbox.MarkSentAsync(leased, channel.Name, result, cancellationToken))
            {
                LogLeaseLost(key.Value);
            }
            LogSent(key.Value, channel.Name, result.ProviderId, leased.Attempts);
            return (DispatchOutcome.Sent, null);
        }
        catch (MailPermanentException ex)
        {
            await outbox.MarkFailedAsync(leased, ex.Message, cancellationToken);
            LogFailed(key.Value, leased.Attempts, ex.Message);
            return (DispatchOutcome.Failed, ex.Message);
        }
        catch (MailTransientException ex)
        {
            return await RetryOrFailAsync(leased, ex.Message, ex.RetryAfter, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !Storage.StorageFailure.IsStorage(ex))
        {
            return await RetryOrFailAsync(leased, $"Lỗi không lường trước khi gửi ({ex.GetType().Name}): {ex.Message.Split('\n')[0]}", null, cancellationToken);
        }
    }

    private async Task<(DispatchOutcome Outcome, string? Error)> RetryOrFailAsync(OutboxEntry leased, string error, TimeSpan? retryAfter,
        CancellationToken cancellationToken)
    {
        if (OutboxPolicy.IsLastAttempt(leased, options.Value.MaxAttempts))
        {
            await outbox.MarkFailedAsync(leased, $"Đã thử {leased.Attempts} lần: {error}", cancellationToken);
            LogFailed(leased.Key.Value, leased.Attempts, error);
            return (DispatchOutcome.Failed, error);
        }
        var after = OutboxPolicy.Backoff(leased.Attempts, retryAfter);
        await outbox.MarkRetryAsync(leased, error, time.GetCurrentInstant() + after, cancellationToken);
        LogRetry(leased.Key.Value, leased.Attempts, after.TotalMinutes, error);
        return (DispatchOutcome.Retrying, error);
    }

    /// <summary>One pass over the digests still waiting: each one that is due, or left with an expired lease, is dispatched.</summary>
    public Task<DispatchPass> DispatchPendingAsync(int concurrency, CancellationToken cancellationToken) =>
        DispatchPendingAsync(concurrency, null, cancellationToken);

    /// <summary>The same, telling <paramref name="progress"/> how many of the waiting digests have been dealt with.</summary>
    public async Task<DispatchPass> DispatchPendingAsync(int concurrency, IProgress<WorkProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = Telemetry.Source.StartActivity("tdkt.dispatch");
        var keys = await outbox.ListPendingAsync(cancellationToken);
        var unsent = await outbox.GetUnsentAsync(keys, cancellationToken);
        var handled = ProgressCounter.For(progress, "Gửi thư", "thư", keys.Count);
        handled?.Start();
        var counts = new int[4];
        string? lastError = null;
        var done = new System.Collections.Concurrent.ConcurrentBag<DigestKey>();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (key, ct) =>
            {
                if (!unsent.TryGetValue(key, out var entry))
                {
                    // Sent or failed already (the mark outlived a crash), or gone: nothing to send.
                    done.Add(key);
                    Interlocked.Increment(ref counts[(int)DispatchOutcome.Skipped]);
                    handled?.Add(1);
                    return;
                }
                var (outcome, error) = await SendAsync(await outbox.TryLeaseAsync(entry, ct), ct);
                if (error is not null)
                {
                    Volatile.Write(ref lastError, error);
                }
                if (outcome is DispatchOutcome.Sent or DispatchOutcome.Failed)
                {
                    done.Add(key);
                }
                Interlocked.Increment(ref counts[(int)outcome]);
                handled?.Add(1);
            });
        // In batches at the end; a crash before this only leaves marks the next pass finds already sent.
        await outbox.ClearPendingAsync(done, cancellationToken);
        var waiting = unsent.Where(u => !done.Contains(u.Key)).Select(u => u.Value).ToList();
        var now = time.GetUtcNow();
        Telemetry.ReportPending(waiting.Count, waiting.Count == 0 ? TimeSpan.Zero : now - waiting.Min(w => w.CreatedAt).ToDateTimeOffset());
        activity?.SetTag("tdkt.digests.sent", counts[(int)DispatchOutcome.Sent]);
        activity?.SetTag("tdkt.digests.failed", counts[(int)DispatchOutcome.Failed]);
        activity?.SetTag("tdkt.digests.waiting", waiting.Count);
        return new DispatchPass(counts[(int)DispatchOutcome.Sent], counts[(int)DispatchOutcome.Retrying], counts[(int)DispatchOutcome.Failed],
            counts[(int)DispatchOutcome.Skipped], lastError);
    }

    /// <summary>
    /// The dispatcher as a loop, for a host without queue triggers (<c>tdkt dispatch --watch</c>, the local host):
    /// a pass every <paramref name="interval"/> until cancelled. A pass that fails (storage down) is logged and retried.
    /// </summary>
    public async Task RunAsync(TimeSpan interval, int concurrency, Action<DispatchPass>? onPass, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var pass = await DispatchPendingAsync(concurrency, cancellationToken);
                onPass?.Invoke(pass);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Storage.StorageFailure.IsStorage(ex))
            {
                // Storage unreachable (the SDK reports a transport failure after its retries as an AggregateException).
                LogPassFailed(ex.Message.Split('\n')[0]);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Stopped mid-pass: a digest being sent keeps its lease, which expires, and is sent by the next run.
                return;
            }
        }
        while (await WaitAsync(timer, cancellationToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Dispatch queue message ignored, not a digest key: {Message}")]
    private partial void LogBadMessage(string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatch pass failed, next one in a moment: {Error}")]
    private partial void LogPassFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Key} sent via {Channel} as {ProviderId} (attempt {Attempt})")]
    private partial void LogSent(string key, string channel, string providerId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key}: attempt {Attempt} failed, retrying in {Minutes} min: {Error}")]
    private partial void LogRetry(string key, int attempt, double minutes, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Digest {Key} failed after {Attempt} attempts: {Error}")]
    private partial void LogFailed(string key, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest {Key} was sent but its lease had been taken over; the other dispatcher resends with the same message id")]
    private partial void LogLeaseLost(string key);
}
