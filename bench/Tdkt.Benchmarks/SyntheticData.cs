using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;

namespace Tdkt.Benchmarks;

/// <summary>
/// Deterministic synthetic load: N agencies and M assignments of one year's plans, with the deadline spread a
/// real plan has (half at quarter ends, as in "QUÝ I…IV" sections; half on dated deadlines through the year;
/// one assignment in ten already done). One in five is an occurrence of a monthly recurring duty, due on the 19th.
/// </summary>
public sealed class SyntheticData(int agencies, int assignments, int seed = 20230615)
{
    private static readonly LocalDate[] QuarterEnds = [new(2023, 3, 31), new(2023, 6, 30), new(2023, 9, 30), new(2023, 12, 31)];

    public IReadOnlyList<Agency> Agencies { get; } = [.. Enumerable.Range(1, agencies).Select(i => new Agency(new AgencyId($"co-quan-{i:D5}"), $"Cơ quan thử {i}",
        ValueList.Empty<string>(), new ValueList<string>([$"co-quan-{i:D5}@example.org"]), ValueList.Empty<string>(), null, ValueList.Empty<AgencyId>(), false))];

    /// <summary>The assignments as due-date index entries, produced lazily in a fixed order (same seed, same data).</summary>
    public IEnumerable<DueEntry> Assignments(string plan)
    {
        var random = new Random(seed);
        for (var i = 0; i < assignments; i++)
        {
            var task = i / agencies;
            if (random.Next(5) == 0)
            {
                // One in five is an occurrence of a monthly duty ("Hằng tháng, trước ngày 20"): its own key and number, due the 19th.
                var month = random.Next(1, 13);
                var on = new LocalDate(2023, month, 19);
                yield return new DueEntry(plan, $"s{task:D6}-2023-{month:D2}", $"S{task} (tháng {month:D2}/2023)", Agencies[i % agencies].Id.Value, (month - 1) / 3 + 1, on,
                    random.Next(10) == 0);
                continue;
            }
            var due = random.Next(2) == 0 ? QuarterEnds[random.Next(4)] : new LocalDate(2023, 1, 1).PlusDays(random.Next(365));
            yield return new DueEntry(plan, $"s{task:D6}", $"S{task}", Agencies[i % agencies].Id.Value, (due.Month - 1) / 3 + 1, due, random.Next(10) == 0);
        }
    }
}
