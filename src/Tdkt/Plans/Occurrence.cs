
namespace Tdkt.Plans;

/// <summary>
/// One due date of a recurring duty: <see cref="Code"/> names its period in storage keys ("2026-01", "2026-q1",
/// "2026-h1", "2026-w02", "l1"), <see cref="Label"/> as a person reads it ("tháng 01/2026", "quý I/2026").
/// </summary>
public sealed record Occurrence(string Code, string Label, int Quarter, Deadline Deadline);
