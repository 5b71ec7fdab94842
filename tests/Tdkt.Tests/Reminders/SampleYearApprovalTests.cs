using System.Globalization;
using System.Text;
using Tdkt.Clock;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Reminders;

/// <summary>
/// Every day of 2023 for the sample plan, swept in order as the timer would, held in a reviewed file
/// (Approved/lang-son-2023.approved.txt). Each day: "nghỉ" (day off), "không có thư" (nothing to say), or one
/// line per digest with its recipients and its tasks by kind as number@due(working days left), then the
/// weekly summaries as agency done-on-time/done-late/open-in-time/open-overdue.
/// </summary>
public sealed class SampleYearApprovalTests(LocalServices services)
{
    [Fact]
    public async Task The_digests_for_every_day_of_2023_match_the_reviewed_file()
    {
        await using var scenario = await StartAsync(services);
        var text = new StringBuilder();
        text.Append("# Nhắc việc mỗi ngày năm 2023, Kế hoạch 252/KH-UBND (kích hoạt 28/12/2022), không nhiệm vụ nào được báo hoàn thành.\n");
        // Computing a day only reads (the sweep's decisions for a date do not depend on the clock), so the days are
        // computed a few at a time and written in order.
        var days = Enumerable.Range(0, 365).Select(i => D("2023-01-01").PlusDays(i)).ToList();
        var results = new SweepResult[days.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, days.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) => results[i] = await scenario.Sweep.ComputeAsync(days[i], ct));
        foreach (var (day, result) in days.Zip(results))
        {
            Assert.Empty(result.Errors);
            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd} {VietnamTime.Weekday(day.DayOfWeek)}: ");
            text.Append(!result.WorkingDay ? "nghỉ\n" : result.Digests.Count == 0 && result.Summaries.Count == 0 ? "không có thư\n"
                : result.Summaries.Count == 0 ? $"{result.Digests.Count} thư\n" : $"{result.Digests.Count} thư, {result.Summaries.Count} báo cáo tuần\n");
            foreach (var digest in result.Digests)
            {
                var cc = digest.Cc.Count > 0 ? $" cc {string.Join(",", digest.Cc)}" : "";
                var kinds = digest.Notices.GroupBy(n => n.Kind).Select(g => $"{g.Key.Name()}[{string.Join(" ", g.Select(n => $"{n.Task}@{n.Due:dd/MM}({n.WorkingDaysLeft:+0;-0;0})"))}]");
                text.Append(CultureInfo.InvariantCulture, $"  {digest.Key.Agency} → {string.Join(",", digest.To)}{cc}: {string.Join(" ", kinds)}\n");
            }
            foreach (var summary in result.Summaries)
            {
                var rows = summary.Agencies.Select(a => $"{a.Agency} {a.DoneOnTime}/{a.DoneLate}/{a.OpenInTime}/{a.OpenOverdue}");
                text.Append(CultureInfo.InvariantCulture, $"  tuần → {summary.Key.Agency}: {string.Join("; ", rows)}\n");
            }
        }

        Approval.Verify(text.ToString(), "tests", "Tdkt.Tests", "Reminders", "Approved", "lang-son-2023.approved.txt");
    }
}
