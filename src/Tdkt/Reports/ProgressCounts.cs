
namespace Tdkt.Reports;

/// <summary>
/// Counts in the four official categories, and the ongoing tasks beside them; <see cref="Extended"/> says how many of
/// them were counted against an extended date (a count "of which", not a category).
/// </summary>
public sealed record ProgressCounts(int DoneOnTime, int DoneLate, int OpenInTime, int OpenOverdue, int Ongoing = 0)
{
    public int Extended { get; init; }

    public static ProgressCounts Zero { get; } = new(0, 0, 0, 0);

    public int Total => DoneOnTime + DoneLate + OpenInTime + OpenOverdue + Ongoing;

    public int this[ProgressCategory category] => category switch
    {
        ProgressCategory.DoneOnTime => DoneOnTime,
        ProgressCategory.DoneLate => DoneLate,
        ProgressCategory.OpenInTime => OpenInTime,
        ProgressCategory.OpenOverdue => OpenOverdue,
        ProgressCategory.Ongoing => Ongoing,
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    /// <summary>Share of the total in percent, one decimal, rounded half away from zero; 0 when there is nothing.</summary>
    public decimal Percent(ProgressCategory category) =>
        Total == 0 ? 0m : Math.Round(100m * this[category] / Total, 1, MidpointRounding.AwayFromZero);

    /// <summary>Share done (on time or late) in percent, one decimal, rounded half away from zero; 0 when there is nothing.</summary>
    public decimal DonePercent => Total == 0 ? 0m : Math.Round(100m * (DoneOnTime + DoneLate) / Total, 1, MidpointRounding.AwayFromZero);

    public ProgressCounts Add(ProgressCategory category) => category switch
    {
        ProgressCategory.DoneOnTime => this with { DoneOnTime = DoneOnTime + 1 },
        ProgressCategory.DoneLate => this with { DoneLate = DoneLate + 1 },
        ProgressCategory.OpenInTime => this with { OpenInTime = OpenInTime + 1 },
        ProgressCategory.OpenOverdue => this with { OpenOverdue = OpenOverdue + 1 },
        ProgressCategory.Ongoing => this with { Ongoing = Ongoing + 1 },
        _ => throw new ArgumentOutOfRangeException(nameof(category)),
    };

    public static ProgressCounts Sum(IEnumerable<ProgressCounts> counts) =>
        counts.Aggregate(Zero, (a, b) => new(a.DoneOnTime + b.DoneOnTime, a.DoneLate + b.DoneLate, a.OpenInTime + b.OpenInTime, a.OpenOverdue + b.OpenOverdue, a.Ongoing + b.Ongoing)
        {
            Extended = a.Extended + b.Extended,
        });
}
