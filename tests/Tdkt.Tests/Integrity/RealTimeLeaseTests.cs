using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Outbox;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Reminders;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// Leases live in real time, not on the business clock: a <c>tdkt up --as-of 2023</c> and a dispatcher on today's date
/// share one outbox, and each sees the other's lease for what it is, five real minutes. (The ACS request signature's
/// x-ms-date is real time too: the ACS stub refuses a date 15 minutes off, as the service does.)
/// </summary>
public sealed class RealTimeLeaseTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_lease_taken_under_a_2023_business_date_holds_for_a_dispatcher_on_todays_date_and_ends_after_five_real_minutes()
    {
        await using var asOf2023 = await ReminderScenario.StartAsync(services);
        await asOf2023.RunAsync("2023-01-06");
        var keys = (await asOf2023.Outbox.ListAsync(ReminderScenario.D("2023-01-06"), Ct)).Select(e => e.Key).Take(2).ToList();
        await using var today = TestHost.Services(services.Azurite.ConnectionString, SystemClock.Instance.GetCurrentInstant(),
            new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = asOf2023.Prefix });
        var todaysOutbox = today.GetRequiredService<OutboxStore>();

        // Taken under 2023 (business): still held today; taken today: not held "for years" under 2023.
        Assert.NotNull(await asOf2023.Outbox.TryLeaseAsync(keys[0], Ct));
        var whileHeld = await todaysOutbox.TryLeaseAsync(keys[0], Ct);
        Assert.NotNull(await todaysOutbox.TryLeaseAsync(keys[1], Ct));
        var heldByToday = await asOf2023.Outbox.TryLeaseAsync(keys[1], Ct);
        asOf2023.Time.Advance((OutboxPolicy.LeaseFor + Duration.FromSeconds(1)).ToTimeSpan());
        var afterFiveMinutes = await asOf2023.Outbox.TryLeaseAsync(keys[1], Ct);

        Assert.Null(whileHeld);
        Assert.Null(heldByToday);
        Assert.NotNull(afterFiveMinutes);
        Assert.Equal((OutboxStatus.Sending, 2), (afterFiveMinutes!.Status, afterFiveMinutes.Attempts));
    }
}
