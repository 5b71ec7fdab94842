using NodaTime;
using Tdkt.Assignments;

namespace Tdkt.Reports;

public static class Progress
{
    /// <summary>Where an assignment stands on <paramref name="asOf"/>: done by its due date or after, open within it or past it.</summary>
    /// <remarks>An ongoing task ("Thường xuyên") has no due date: it is <see cref="ProgressCategory.Ongoing"/> whatever is recorded.</remarks>
    public static ProgressCategory Of(LocalDate due, LocalDate? completedOn, LocalDate asOf, bool ongoing = false) => ongoing
        ? ProgressCategory.Ongoing
        : completedOn is { } on
            ? (on > due ? ProgressCategory.DoneLate : ProgressCategory.DoneOnTime)
            : (asOf <= due ? ProgressCategory.OpenInTime : ProgressCategory.OpenOverdue);

    /// <summary>Where a stored assignment stands on <paramref name="asOf"/> (a done one without its date counts as done on its due date).</summary>
    public static ProgressCategory Of(DueEntry assignment, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return Of(assignment.Due, assignment.Done ? assignment.CompletedOn ?? assignment.Due : null, asOf, assignment.Ongoing);
    }

    /// <summary>The four official categories, without <see cref="ProgressCategory.Ongoing"/>.</summary>
    public static IReadOnlyList<ProgressCategory> Official { get; } =
        [ProgressCategory.DoneOnTime, ProgressCategory.DoneLate, ProgressCategory.OpenInTime, ProgressCategory.OpenOverdue];

    /// <summary>The Vietnamese name, as reports and pages show it.</summary>
    public static string Label(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => "Hoàn thành đúng hạn",
        ProgressCategory.DoneLate => "Hoàn thành quá hạn",
        ProgressCategory.OpenInTime => "Chưa hoàn thành, trong hạn",
        ProgressCategory.OpenOverdue => "Chưa hoàn thành, quá hạn",
        ProgressCategory.Ongoing => "Thường xuyên",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The common colours: green done on time, orange done late, blue in progress, red overdue; grey for ongoing tasks.</summary>
    public static string Colour(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => "#1e7b34",
        ProgressCategory.DoneLate => "#c25e00",
        ProgressCategory.OpenInTime => "#1f5fa8",
        ProgressCategory.OpenOverdue => "#b00020",
        ProgressCategory.Ongoing => "#5b6770",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>The slug used in JSON and CSS.</summary>
    public static string Slug(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => "done-on-time",
        ProgressCategory.DoneLate => "done-late",
        ProgressCategory.OpenInTime => "open-in-time",
        ProgressCategory.OpenOverdue => "open-overdue",
        ProgressCategory.Ongoing => "ongoing",
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };
}
