using NodaTime;

namespace Tdkt.Plans;

public sealed record PlanSummary(PlanId Id, string Number, string Title, int Year, PlanStatus Status, int TaskCount, bool ImportIncomplete)
{
    /// <summary>The local date the plan was last activated (reminders for the current quarter start the next working day).</summary>
    public LocalDate? ActivatedOn { get; init; }

    /// <summary>The earliest deadline in the plan.</summary>
    public LocalDate? FirstDue { get; init; }

    public PlanReminders Reminders { get; init; } = PlanReminders.Default;

    /// <summary>The content hash of the last committed import: the tasks stored change exactly when it does.</summary>
    public string? Version { get; init; }

    /// <summary>Whether the last committed import wrote the agencies' copies of the assignment rows (plans stored before they existed have none).</summary>
    public bool HasAgencyRows { get; init; }

    /// <summary>How often the report upward is mailed to the reporting agency (quarterly unless set).</summary>
    public ReportSchedule ReportSchedule { get; init; }

    /// <summary>Until when an import running now holds the plan (null when none does, or when it died: its lease then lies in the past).</summary>
    public DateTimeOffset? ImportHeldUntil { get; init; }

    /// <summary>An import started and no import holds the plan any more: it was cut off, and the plan is not reminded until it is run again.</summary>
    public bool ImportAbandoned(DateTimeOffset now) => ImportIncomplete && (ImportHeldUntil is not { } until || until <= now);

    /// <summary>Only an active plan whose last import completed is reminded.</summary>
    public bool IsReminded => Status == PlanStatus.Active && !ImportIncomplete;
}
