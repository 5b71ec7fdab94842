using NodaTime;

namespace Tdkt.Reports.Official;

/// <summary>A task still open past its date on the report's day: the agencies that have not reported it done, and how late it is.</summary>
public sealed record OverdueTask(string Number, string Content, int Quarter, LocalDate Due, int DaysLate, IReadOnlyList<string> Agencies);
