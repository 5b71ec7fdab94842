using NodaTime;
using Tdkt.Outbox;

namespace Tdkt.Reminders;

/// <summary>
/// A sweep's outcome for one local date. <see cref="Window"/> is the working days it covered (more than
/// one after missed days). <see cref="RowsRead"/> counts stored rows read to find the notices;
/// <see cref="SummaryRowsRead"/> those read for the weekly summaries.
/// </summary>
public sealed record SweepResult(
    LocalDate Date,
    bool WorkingDay,
    ValueList<LocalDate> Window,
    ValueList<Digest> Digests,
    ValueList<WeeklySummary> Summaries,
    int RowsRead,
    int SummaryRowsRead,
    ValueList<string> Errors)
{
    /// <summary>The periodic reports to mail (the .docx drafts are made when each is sent).</summary>
    public ValueList<PeriodicReportMail> Reports { get; init; } = ValueList.Empty<PeriodicReportMail>();

    /// <summary>Digests this run put in the outbox; 0 for a dry run.</summary>
    public int Created { get; init; }

    /// <summary>Digests already in the outbox from an earlier (or parallel) run for the same date.</summary>
    public int Existing { get; init; }

    /// <summary>Due-date index rows set right before the sweep read them (they disagreed with their assignment).</summary>
    public int IndexRepaired { get; init; }

    public int Notices => Digests.Sum(d => d.Notices.Count);

    public static SweepResult NothingOn(LocalDate date, bool workingDay) =>
        new(date, workingDay, ValueList.Empty<LocalDate>(), ValueList.Empty<Digest>(), ValueList.Empty<WeeklySummary>(), 0, 0, ValueList.Empty<string>());
}
