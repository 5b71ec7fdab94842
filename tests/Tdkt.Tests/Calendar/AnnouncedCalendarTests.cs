using Microsoft.Extensions.Configuration;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Calendar;

/// <summary>
/// A year's calendar announced with <c>tdkt calendar set</c> against Azurite reaches a host that is already running (as
/// the function app is), at its next sweep, and <c>tdkt calendar reset</c> takes it back.
/// </summary>
public sealed class AnnouncedCalendarTests(LocalServices services)
{
    [Fact]
    public async Task A_day_off_announced_after_the_deployment_stops_that_days_reminders_in_the_running_host()
    {
        await using var scenario = await StartAsync(services);
        var environment = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        };
        Assert.True((await scenario.RunAsync("2023-03-23", dryRun: true)).WorkingDay);

        var set = await CliInProcess.RunAsync(environment, "calendar", "set", "2023",
            "--off", "2023-01-02,2023-01-20..2023-01-26", "--off", "2023-03-24", "--off", "2023-04-29..2023-05-03", "--off", "2023-09-01..2023-09-04",
            "--note", "Thông báo thử");
        var shown = await CliInProcess.RunAsync(environment, "calendar", "show", "2023");
        var onTheDay = await scenario.RunAsync("2023-03-24");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("số ngày làm việc 249 → 248", set.StdOut, StringComparison.Ordinal);
        Assert.Contains("theo thông báo đã ghi", shown.StdOut, StringComparison.Ordinal);
        Assert.Contains("- Thứ Sáu, 24/03/2023", shown.StdOut, StringComparison.Ordinal);
        Assert.Contains("căn cứ: Thông báo thử", shown.StdOut, StringComparison.Ordinal);
        Assert.False(onTheDay.WorkingDay);
        Assert.Empty(onTheDay.Digests);

        var reset = await CliInProcess.RunAsync(environment, "calendar", "reset", "2023");
        var after = await scenario.RunAsync("2023-03-24");

        Assert.Equal(0, reset.ExitCode);
        Assert.True(after.WorkingDay);
        Assert.Contains(after.Digests, d => d.Key.Agency == "so-noi-vu");
    }

    [Fact]
    public async Task A_refused_announcement_changes_nothing_and_says_what_is_wrong()
    {
        var environment = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
        };

        var refused = await CliInProcess.RunAsync(environment, "calendar", "set", "2027", "--off", "2027-02-04..2027-02-12", "--worked", "2027-02-22");
        var shown = await CliInProcess.RunAsync(environment, "calendar", "show", "2027", "--json");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--worked 2027-02-22: Thứ Hai, 22/02/2027 vốn là ngày làm việc", refused.StdErr, StringComparison.Ordinal);
        Assert.Contains("không có gì thay đổi", refused.StdErr, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"statutory\"", shown.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_autumn_status_says_whether_next_years_holidays_are_in_the_calendar()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt:Storage:Prefix"] = TestHost.UniquePrefix(),
        }).Build();
        var host = new Tdkt.Cli.CliHost(configuration).WithClock(new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 11, 16, 2, 0)));

        async Task<string> Run(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, await Tdkt.Cli.TdktCommand.RunAsync(args, output, error, host));
            return output.ToString();
        }

        var before = await Run("status");
        await Run("calendar", "set", "2027", "--off", "2027-01-01,2027-02-04..2027-02-12,2027-04-16,2027-04-30..2027-05-03,2027-09-02..2027-09-03");
        var after = await Run("status");

        Assert.Contains("Lịch làm việc năm 2027 chưa đủ ngày nghỉ đã công bố", before, StringComparison.Ordinal);
        Assert.DoesNotContain("năm 2026 chưa", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Lịch làm việc năm 2027", after, StringComparison.Ordinal);
    }
}
