using NodaTime;

namespace Tdkt.Reminders;

/// <summary>What one sweep did, kept so an administrator can see that today's sweep ran (table <c>SweepRuns</c>).</summary>
public sealed record SweepRun(
    LocalDate Date,
    bool WorkingDay,
    string Trigger,
    Instant StartedAt,
    Instant EndedAt,
    int DigestsCreated,
    int DigestsExisting,
    int Notices,
    int RowsRead,
    ValueList<string> Errors,
    int IndexRepaired = 0)
{
    public bool Succeeded => Errors.Count == 0;
}
