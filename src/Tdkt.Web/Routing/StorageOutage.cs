using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tdkt.Storage;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Web.Routing;

/// <summary>
/// The one mapping of a storage outage to an answer, applied by each host's pipeline (worker middleware in the
/// function app, an endpoint filter on the self-hosted server): 503 with <c>Retry-After: 60</c>, as a Vietnamese
/// "try again" page for people or problem+json for programs, instead of an empty 500. What the routes change is
/// safe to send again (imports and retries are idempotent; a completion is never recorded twice).
/// </summary>
public static partial class StorageOutage
{
    /// <summary>The answer for <paramref name="exception"/> if it means storage is unreachable; null for any other failure.</summary>
    public static IResult? AnswerFor(HttpContext context, RouteKind kind, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestAborted.IsCancellationRequested || !StorageFailure.IsTransient(exception))
        {
            return null;
        }
        Tdkt.Diagnostics.Telemetry.StorageFailures.Add(1, new KeyValuePair<string, object?>(Tdkt.Diagnostics.Telemetry.Tags.Route, kind.ToString().ToLowerInvariant()));
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageOutage).FullName!);
        LogStorageDown(logger, context.Request.Path, exception.Message.Split('\n')[0]);
        context.Response.Headers.RetryAfter = "60";
        return kind == RouteKind.Page
            ? HtmlPages.Html(StatusCodes.Status503ServiceUnavailable, context.RequestServices.GetRequiredService<AgencyPages>().Problem(LinkProblem.Unavailable))
            : ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Chưa truy cập được kho dữ liệu (Table Storage), nên chưa làm gì. Thử lại sau ít phút.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: storage unavailable, answered 503: {Error}")]
    private static partial void LogStorageDown(ILogger logger, string path, string error);
}
