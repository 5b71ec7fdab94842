
namespace Tdkt.Completion;

/// <summary>An administrator opens a task again, for one agency or for every agency that had done it, with a reason.</summary>
public sealed record AdminReopenRequest(string Plan, string Task, string? Agency, string Reason, string? By);
