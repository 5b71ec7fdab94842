using Microsoft.AspNetCore.Http;
using Tdkt.Mail;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Mail;

/// <summary>Thư: the outbox page, a digest viewed as the agency received it (sandboxed, no scripts), and the retry of a failed one.</summary>
public sealed class ConsoleMailHandlers(ConsoleGate gate, ConsolePages pages, ConsoleMailPage mail)
{
    /// <summary>A digest shown in the browser: its own styles and images inline only, nothing run, nothing fetched, no form sent.</summary>
    public const string ViewPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public async Task<IResult> PageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        var view = await mail.BuildAsync(request.Query["status"].FirstOrDefault(), request.Query["day"].FirstOrDefault(), cancellationToken);
        return HtmlPages.Html(StatusCodes.Status200OK, pages.Mail(user, view, gate.NoticeFrom(request, user)));
    }

    public async Task<IResult> ViewAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        var key = request.Query["key"].FirstOrDefault() ?? "";
        // A viewer reads the digest with the agency's links masked: a working link acts as the agency.
        if (await mail.ViewAsync(key, user.CanChange, cancellationToken) is not { } composed)
        {
            return HtmlPages.Html(StatusCodes.Status404NotFound, pages.Refused(user, $"Không có thư “{key}”."));
        }
        return new DigestView(composed.Html);
    }

    public async Task<IResult> RetryAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var outcome = await mail.RetryAsync(form["key"].FirstOrDefault() ?? "", user.Email, cancellationToken);
        return gate.Back(user, "/console/mail?status=failed" + Day(form), outcome.Message, warn: outcome.Result != DigestRetryResult.Retried);
    }

    /// <summary>Every failed digest of the form's day sent again (after the mail server was down that day).</summary>
    public async Task<IResult> RetryDayAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var (retried, message) = await mail.RetryDayAsync(form["day"].FirstOrDefault(), user.Email, cancellationToken);
        return gate.Back(user, "/console/mail?status=failed" + Day(form), message, warn: retried == 0);
    }

    private static string Day(IFormCollection form) =>
        form["day"].FirstOrDefault() is { } d && NodaTime.Text.LocalDatePattern.Iso.Parse(d).Success ? "&day=" + d : "";

    private sealed class DigestView(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            HtmlPages.AddSecurityHeaders(httpContext.Response);
            httpContext.Response.Headers.ContentSecurityPolicy = ViewPolicy;
            return Results.Content(html, "text/html; charset=utf-8", null, StatusCodes.Status200OK).ExecuteAsync(httpContext);
        }
    }
}
