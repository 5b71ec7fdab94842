using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using Tdkt.Agencies;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Reminders;

/// <summary>
/// The sample directory and the 2023 Lạng Sơn plan in a fresh set of tables on the test Azurite, activated
/// on 28/12/2022 (so every 2023 quarter is kicked off on its first working day).
/// </summary>
public sealed class ReminderScenario : IAsyncDisposable
{
    private ReminderScenario(ServiceProvider provider, string prefix)
    {
        Provider = provider;
        Prefix = prefix;
    }

    /// <summary>This scenario's table prefix, so a second host can work on the same data.</summary>
    public string Prefix { get; }

    public ServiceProvider Provider { get; }

    public FakeClock Clock => (FakeClock)Provider.GetRequiredService<IClock>();

    /// <summary>Real time as leases and retries see it (<see cref="ShiftedTime"/>).</summary>
    public ShiftedTime Time => (ShiftedTime)Provider.GetRequiredService<TimeProvider>();

    public ReminderSweep Sweep => Provider.GetRequiredService<ReminderSweep>();

    public PlanStore Plans => Provider.GetRequiredService<PlanStore>();

    public OutboxStore Outbox => Provider.GetRequiredService<OutboxStore>();

    public Plan Plan { get; private set; } = null!;

    public static async Task<ReminderScenario> StartAsync(LocalServices services, bool activate = true, CapturedLogs? logs = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? replace = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix() };
        var scenario = new ReminderScenario(TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2022, 12, 28, 2, 0), all, logs, replace), all["Tdkt:Storage:Prefix"]!);
        var ct = TestContext.Current.CancellationToken;
        await scenario.Provider.GetRequiredService<AgencyStore>().SaveAsync(Samples.Directory(), ct);
        scenario.Plan = Samples.Plan();
        await scenario.Plans.SaveAsync(scenario.Plan, ct);
        if (activate)
        {
            await scenario.Plans.SetStatusAsync(scenario.Plan.Id, PlanStatus.Active, ct);
        }
        return scenario;
    }

    public static LocalDate D(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    /// <summary>Moves the clock to 08:00 in Vietnam on <paramref name="date"/>.</summary>
    public void At(LocalDate date) => Clock.Reset(date.At(new LocalTime(8, 0)).InZoneStrictly(VietnamTime.Zone).ToInstant());

    public Task<SweepResult> RunAsync(string date, bool dryRun = false)
    {
        At(D(date));
        // As the hosts run it: index repair first, then the sweep.
        return Provider.GetRequiredService<Scheduling.DailySweep>().RunAsync(D(date), dryRun, "test", null, TestContext.Current.CancellationToken);
    }

    public async Task CompleteAsync(string taskNumber, string agency, string on)
    {
        var task = Plan.Tasks.Single(t => t.Number == taskNumber);
        var (outcome, _) = await Provider.GetRequiredService<CompletionStore>().RecordAsync(Plan.Id.Value, PlanStore.AssignmentKey(task, new AgencyId(agency)),
            task.Deadline.Due, D(on), new CompletionInput("Người thử", null, CompletionVia.Admin), TestContext.Current.CancellationToken);
        Assert.Equal(CompleteOutcome.Recorded, outcome);
    }

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
