using NodaTime;

namespace Tdkt.Reports.Official;

/// <summary>
/// Who writes the report and to whom, as its header and signature block say: the governing body above the reporting
/// one ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"), the reporting body ("SỞ NỘI VỤ") and its abbreviation in the number
/// ("Số: …/BC-SNV"), the place in the date line, the recipient after "Kính gửi:", and the signer's title.
/// </summary>
public sealed record ReportLetterhead(string ParentBody, string Body, string Abbreviation, string Place, string Recipient, string SignerTitle, string? SignerName);

/// <summary>A task still open past its date on the report's day: the agencies that have not reported it done, and how late it is.</summary>
public sealed record OverdueTask(string Number, string Content, int Quarter, LocalDate Due, int DaysLate, IReadOnlyList<string> Agencies);

/// <summary>
/// The report Sở Nội vụ sends upward on a plan ("Báo cáo kết quả thực hiện Kế hoạch số …"): the figures of the plan's
/// progress report (<see cref="Figures"/>, the same as the JSON report's), the period it covers, what fell due in that
/// period, and every overdue task.
/// </summary>
public sealed record OfficialReport(
    PlanReport Figures,
    ReportPeriod Period,
    string PlanReference,
    ReportLetterhead Letterhead,
    int Tasks,
    int Agencies,
    ProgressCounts InPeriod,
    IReadOnlyList<OverdueTask> Overdue)
{
    public LocalDate AsOf => Figures.AsOf;

    /// <summary>How many of <see cref="Tasks"/> are recurring duties (each occurrence reported on its own).</summary>
    public int RecurringTasks { get; init; }

    /// <summary>Whether the period is over on the report's day (a report after it) or still running (a report during it).</summary>
    public bool PeriodClosed => AsOf > Period.End;
}
