using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using Tdkt.Hosting;

namespace Tdkt.Operations;

/// <summary>Answers "is this deployment alive and can it reach its storage?" without changing anything.</summary>
public sealed class HealthCheck(TableServiceClient tables, AppInfo app, IClock clock, Operations.OperationalChecks checks)
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    /// <summary>How long an answer is reused: the route is anonymous, and each check reads storage several times.</summary>
    public static readonly Duration Kept = Duration.FromMinutes(1);

    /// <summary>An unreachable storage is asked again sooner, so a recovery shows within seconds.</summary>
    public static readonly Duration KeptWhenUnhealthy = Duration.FromSeconds(10);

    private readonly Lock gate = new();
    private (Instant At, Task<HealthReport> Report)? last;

    /// <summary>
    /// The report, checked at most once a minute (ten seconds while storage is unreachable): callers in between, and
    /// callers at the same moment, share one check. Its <c>time</c> says when it was made.
    /// </summary>
    public Task<HealthReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        lock (gate)
        {
            if (last is { } kept && !kept.Report.IsFaulted && !kept.Report.IsCanceled
                && (!kept.Report.IsCompleted || now - kept.At < (kept.Report.Result.Healthy ? Kept : KeptWhenUnhealthy)))
            {
                return kept.Report;
            }
            // The shared check is not cancelled by the one caller that started it.
            var report = CheckAsync(CancellationToken.None);
            last = (now, report);
            return report.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        string storage;
        try
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }
            storage = "ok";
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested
            && Storage.StorageFailure.IsStorage(ex))
        {
            storage = "unreachable";
        }
        IReadOnlyList<string> warnings = [];
        if (storage == "ok")
        {
            try
            {
                // The summaries only: the route is anonymous, and an error's detail can name an address.
                warnings = [.. (await checks.RunAsync(timeout.Token)).Select(a => a.Summary)];
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Storage.StorageFailure.IsStorage(ex))
            {
                warnings = ["Chưa đọc được các lần quét và hàng đợi thư để kiểm tra."];
            }
        }
        return new HealthReport(storage == "ok", app.PublicVersion, InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant()), storage) { Warnings = warnings };
    }
}
