using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Plans;

namespace Tdkt.Tests.Faults;

/// <summary>N agencies, each holding the one task of an active plan due 31/03/2023: each gets a digest on 24/03/2023.</summary>
public static class ManyAgencies
{
    public static async Task SeedAsync(IServiceProvider provider, int count, string mailTag)
    {
        var ct = TestContext.Current.CancellationToken;
        var agencies = Enumerable.Range(1, count).Select(i => new Agency(new AgencyId($"co-quan-{i:D3}"), $"Cơ quan {i}", ValueList.Empty<string>(),
            new ValueList<string>([$"co-quan-{i:D3}.{mailTag}@example.org"]), ValueList.Empty<string>(), null, ValueList.Empty<AgencyId>(), false)).ToList();
        await provider.GetRequiredService<AgencyStore>().SaveAsync(new AgencyDirectory(agencies), ct);
        var plan = new Plan(PlanId.For(2023, "77/KH-TEST"), "77/KH-TEST", "Kế hoạch thử sự cố", "Ủy ban nhân dân tỉnh", new LocalDate(2022, 12, 20), 2023, PlanStatus.Draft,
            new ValueList<PlanTask>([new PlanTask("1", "Báo cáo tổng kết", 1, new Deadline(DeadlineRule.EndOfQuarter, "QUÝ I", new LocalDate(2023, 3, 31)),
                agencies.Select(a => a.Id).ToValueList())]));
        await provider.GetRequiredService<PlanStore>().SaveAsync(plan, ct);
        await provider.GetRequiredService<PlanStore>().SetStatusAsync(plan.Id, PlanStatus.Active, ct);
    }
}
