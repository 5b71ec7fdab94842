using Microsoft.AspNetCore.Http;
using NodaTime.Text;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Web.Http;

namespace Tdkt.Web.Outbox;

/// <summary>Admin routes on the outbox: the digests in one state (failed by default), and retrying a failed one.</summary>
public sealed class OutboxHandlers(OutboxListing listing, DigestRetry retry)
{
    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var days = int.TryParse(request.Query["days"], out var d) ? d : (int?)null;
        var outcome = await listing.ListAsync(request.Query["status"].FirstOrDefault(), days, cancellationToken);
        if (outcome.Entries is null)
        {
            return ApiProblems.BadRequest(outcome.Problem!);
        }
        return TypedResults.Ok(outcome.Entries.Select(e => new
        {
            key = e.Key.Value,
            date = LocalDatePattern.Iso.Format(e.Key.Date),
            kind = e.Key.Kind.ToString().ToLowerInvariant(),
            agency = e.Key.Agency,
            status = e.Status.Name(),
            attempts = e.Attempts,
            lastError = e.LastError,
            to = e.To,
        }));
    }

    public async Task<IResult> RetryAsync(string date, string kind, string agency, CancellationToken cancellationToken)
    {
        var outcome = await retry.RetryAsync($"{date}/{kind}/{agency}", cancellationToken);
        return outcome.Result switch
        {
            DigestRetryResult.Retried => TypedResults.Ok(new { key = outcome.Key, status = OutboxStatus.Pending.Name(), message = outcome.Message }),
            DigestRetryResult.BadKey => ApiProblems.BadRequest(outcome.Message),
            DigestRetryResult.NotFound => ApiProblems.NotFound(outcome.Message),
            _ => ApiProblems.Conflict(outcome.Message),
        };
    }
}
