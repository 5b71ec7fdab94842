using Tdkt.Web.Routing;

namespace Tdkt.SelfHost;

/// <summary>One route as this server serves it, for comparing with the function app's functions.metadata.</summary>
public sealed record ServedRoute(string Name, string Pattern, IReadOnlyList<string> Methods, RouteAccess Access);
