using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Hosting;

/// <summary>
/// <see cref="Healthy"/> is about reaching storage (probes restart on it); <see cref="Warnings"/> are the conditions a
/// person must look at (<see cref="Operations.OperationalChecks"/>): they never make the probe fail.
/// </summary>
public sealed record HealthReport(bool Healthy, string Version, string CheckedAt, string Storage)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>Answers "is this deployment alive and can it reach its storage?" without changing anything.</summary>
public sealed class HealthCheck(TableServiceClient tables, AppInfo app, IClock clock, Operations.OperationalChecks checks)
{
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> RunAsync(CancellationToken cancellationToken)
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
