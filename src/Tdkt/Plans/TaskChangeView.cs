
namespace Tdkt.Plans;

/// <summary>One change to a completed task, as written in JSON (camelCase): kind, key, numbers, agencies, whether it needs confirming, the sentence.</summary>
public sealed record TaskChangeView(string Kind, string Key, string OldNumber, string? NewNumber, IReadOnlyList<string> Agencies, bool NeedsConfirming, string Message);
