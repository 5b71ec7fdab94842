
namespace Tdkt.Web.Console.Plans;

/// <summary>What the plan page is filtered by (each empty: all): agency id, quarter, category slug, words of the task.</summary>
public sealed record PlanFilter(string? Agency, int? Quarter, string? Status, string? Text)
{
    public static PlanFilter None { get; } = new(null, null, null, null);
}
