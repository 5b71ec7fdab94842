using System.Text;
using Microsoft.AspNetCore.Http;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Agencies;

/// <summary>Cơ quan: the directory page (an agency's link shown to administrators only), the revocation of an agency's links, the YAML export.</summary>
public sealed class ConsoleAgencyHandlers(ConsoleGate gate, ConsolePages pages, ConsoleAgenciesPage agencies)
{
    public async Task<IResult> PageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        // A link opens an agency's page and its forms: shown to administrators only.
        var view = await agencies.BuildAsync(user.CanChange ? request.Query["link"].FirstOrDefault() : null, cancellationToken);
        return HtmlPages.Html(StatusCodes.Status200OK, pages.Agencies(user, view, gate.NoticeFrom(request, user)));
    }

    public async Task<IResult> RevokeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        var (revoked, message) = await agencies.RevokeAsync(form["agency"].FirstOrDefault() ?? "", user.Email, cancellationToken);
        return gate.Back(user, "/console/agencies", message, warn: !revoked);
    }

    public async Task<IResult> ExportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return Results.File(Encoding.UTF8.GetBytes(await agencies.ExportYamlAsync(cancellationToken)), "application/yaml; charset=utf-8", "danh-ba-co-quan.yaml");
    }
}
