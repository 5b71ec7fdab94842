using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Reminders;

/// <summary>The sweep reads the rows that can speak today, not the stored assignments: shown over 100,000 of them.</summary>
public sealed class SweepScaleTests(LocalServices services)
{
    private const int Assignments = 100_000;

    [Fact]
    public async Task Over_100000_assignments_the_sweep_reads_only_rows_proportional_to_its_notices()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2022, 12, 28, 2, 0),
            new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix() });
        var agencies = Enumerable.Range(1, 500).Select(i => new Agency(new AgencyId($"co-quan-{i:D3}"), $"Cơ quan {i}", ValueList.Empty<string>(),
            new ValueList<string>([$"co-quan-{i:D3}@example.org"]), ValueList.Empty<string>(), null, ValueList.Empty<AgencyId>(), false)).ToList();
        await provider.GetRequiredService<AgencyStore>().SaveAsync(new AgencyDirectory(agencies), ct);
        var plan = new Plan(PlanId.For(2023, "999/KH-TEST"), "999/KH-TEST", "Kế hoạch thử tải", "Ủy ban nhân dân tỉnh", new LocalDate(2022, 12, 20), 2023,
            PlanStatus.Draft, new ValueList<PlanTask>([new PlanTask("1", "Nhiệm vụ mẫu", 1,
                new Deadline(DeadlineRule.OnDate, "ngày 01/01/2023", new LocalDate(2023, 1, 1)), new ValueList<AgencyId>([agencies[0].Id]))]));
        var store = provider.GetRequiredService<PlanStore>();
        await store.SaveAsync(plan, ct);
        await store.SetStatusAsync(plan.Id, PlanStatus.Active, ct);

        // 100,000 assignments: 200 tasks a day of the year spread over 500 agencies, one in ten already done.
        var random = new Random(20230615);
        var entries = Enumerable.Range(0, Assignments).Select(i => new DueEntry(plan.Id.Value, $"s{i / 500:D4}", $"S{i / 500}", agencies[i % 500].Id.Value,
            0, new LocalDate(2023, 1, 1).PlusDays(random.Next(365)), random.Next(10) == 0)).ToList();
        await provider.GetRequiredService<DueIndex>().WriteAsync(entries, [], ct);

        var date = D("2023-06-15");
        var result = await provider.GetRequiredService<ReminderSweep>().ComputeAsync(date, ct);

        var rules = provider.GetRequiredService<ReminderRules>();
        var buckets = rules.DueDates(result.Window, ReminderPolicy.Default, D("2023-01-01"));
        var ownTask = buckets.Contains(D("2023-01-01")) ? 1 : 0; // the plan's own task, due 01/01
        var inBuckets = entries.Count(e => buckets.Contains(e.Due)) + ownTask;
        var openInBuckets = entries.Count(e => buckets.Contains(e.Due) && !e.Done) + ownTask;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"sweep {date:yyyy-MM-dd} over {Assignments:N0} assignments: {result.RowsRead:N0} rows read for {result.Notices:N0} notices in {result.Digests.Count} digests ({buckets.Count} due dates)");

        Assert.Equal(inBuckets, result.RowsRead);
        Assert.Equal(openInBuckets, result.Notices);
        Assert.True(result.RowsRead <= result.Notices * 1.25, $"{result.RowsRead} rows read for {result.Notices} notices");
        Assert.True(result.RowsRead < Assignments / 5, $"{result.RowsRead} of {Assignments} rows read");
        Assert.Empty(result.Errors);
    }
}
