using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Hosting;

public sealed record HealthReport(bool Healthy, string Version, string CheckedAt, string Storage);

/// <summary>Answers "is this deployment alive and can it reach its storage?" without changing anything.</summary>
public sealed class HealthCheck(TableServiceClient tables, AppInfo app, IClock clock)
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
        return new HealthReport(storage == "ok", app.PublicVersion, InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant()), storage);
    }
}
