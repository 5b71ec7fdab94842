namespace Tdkt.Web.Routing;

/// <summary>What a route answers with, which decides how a failure reads: an HTML page for people, problem+json for programs.</summary>
public enum RouteKind
{
    Page,
    Api,
}
