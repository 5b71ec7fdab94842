
namespace Tdkt.Plans;

/// <summary>A task as the API and <c>tdkt plan import --json</c> write it: <c>due</c> is null for an ongoing ("thường xuyên") or undated task.
/// A recurring duty is one task: <c>due</c> is its first occurrence's date and <c>occurrences</c> every one, in order (null for other tasks).</summary>
public sealed record ImportedTaskView(string Key, string Number, int Quarter, string? Due, string DeadlinePhrase, bool Ongoing, string Content,
    IReadOnlyList<string> Lead, IReadOnlyList<string> Agencies, IReadOnlyList<string>? Occurrences = null);
