using NodaTime;

namespace Tdkt.Reports;

/// <summary>The four official categories of task progress.</summary>
public enum ProgressCategory
{
    DoneOnTime,
    DoneLate,
    OpenInTime,
    OpenOverdue,
}

public static class Progress
{
    /// <summary>Where an assignment stands on <paramref name="asOf"/>: done by its due date or after, open within it or past it.</summary>
    public static ProgressCategory Of(LocalDate due, LocalDate? completedOn, LocalDate asOf) => completedOn is { } on
        ? (on > due ? ProgressCategory.DoneLate : ProgressCategory.DoneOnTime)
        : (asOf <= due ? ProgressCategory.OpenInTime : ProgressCategory.OpenOverdue);

    /// <summary>The Vietnamese name, as reports and pages show it.</summary>
    public static string Label(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => "Hoàn thành đúng hạn",
        ProgressCategory.DoneLate => "Hoàn thành quá hạn",
        ProgressCategory.OpenInTime => "Chưa hoàn thành, trong hạn",
        ProgressCategory.OpenOverdue => "Chưa hoàn thành, quá hạn",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The common colours: green done on time, orange done late, blue in progress, red overdue.</summary>
    public static string Colour(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => "#1e7b34",
        ProgressCategory.DoneLate => "#c25e00",
        ProgressCategory.OpenInTime => "#1f5fa8",
        ProgressCategory.OpenOverdue => "#b00020",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The slug used in JSON and CSS.</summary>
    public static string Slug(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => "done-on-time",
        ProgressCategory.DoneLate => "done-late",
        ProgressCategory.OpenInTime => "open-in-time",
        ProgressCategory.OpenOverdue => "open-overdue",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
