using NodaTime;

namespace Tdkt.Outbox;

/// <summary>One plan's report in a periodic report mail: the plan, and the period it covers (reported as of the mail's day).</summary>
public sealed record PeriodicReportItem(string Plan, string Kind, LocalDate Start);
