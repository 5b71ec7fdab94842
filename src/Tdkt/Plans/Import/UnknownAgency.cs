
namespace Tdkt.Plans.Import;

/// <summary>A name in a plan that no directory agency goes by, and the numbers of the tasks that write it.</summary>
public sealed record UnknownAgency(string Written, IReadOnlyList<string> Tasks);
