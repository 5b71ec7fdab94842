using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AgencyPage;

/// <summary>Requests for more time through the link pages: an agency asks, its supervising agency approves or declines (anonymous: the token is the credential).</summary>
public sealed class ExtensionFunctions(ExtensionHandlers extensions)
{
    [Function(WebRoutes.Names.RequestExtension)]
    public Task<IResult> Request([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.RequestExtension)] HttpRequest request,
        string token, string task, CancellationToken cancellationToken) => extensions.RequestAsync(request, token, task, cancellationToken);

    [Function(WebRoutes.Names.ApproveExtension)]
    public Task<IResult> Approve([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ApproveExtension)] HttpRequest request,
        string token, string task, string agency, CancellationToken cancellationToken) => extensions.DecideAsync(request, token, task, agency, true, cancellationToken);

    [Function(WebRoutes.Names.DeclineExtension)]
    public Task<IResult> Decline([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.DeclineExtension)] HttpRequest request,
        string token, string task, string agency, CancellationToken cancellationToken) => extensions.DecideAsync(request, token, task, agency, false, cancellationToken);
}
