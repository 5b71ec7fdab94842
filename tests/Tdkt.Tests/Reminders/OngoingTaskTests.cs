using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Plans;
using Tdkt.Reminders;
using Tdkt.Reports;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Reminders;

/// <summary>
/// A "Thường xuyên" task against Azurite: told in every quarter's kickoff, never upcoming, due or overdue, reported
/// as "thường xuyên" beside the four categories, and shown with its phrase instead of a date.
/// </summary>
public sealed class OngoingTaskTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_ongoing_task_is_in_each_quarters_kickoff_and_never_upcoming_or_overdue()
    {
        await using var scenario = await StartAsync(services);
        var ongoing = await MakeOngoingAsync(scenario, "5");
        var agency = ongoing.Agencies[0].Value;

        var q1 = await scenario.RunAsync("2023-01-03");
        var beforeQ1Ends = await scenario.RunAsync("2023-03-24");
        var q2 = await scenario.RunAsync("2023-04-03");
        var afterQ1 = await scenario.RunAsync("2023-04-10");
        var yearEnd = await scenario.RunAsync("2023-12-22");
        var nextYear = await scenario.RunAsync("2024-01-02");

        Assert.Contains(Notices(q1), n => n.Kind == NoticeKind.Kickoff);
        Assert.Contains(Notices(q2), n => n.Kind == NoticeKind.Kickoff);
        Assert.Empty(Notices(beforeQ1Ends));
        Assert.Empty(Notices(afterQ1));
        Assert.Empty(Notices(yearEnd));
        Assert.Empty(Notices(nextYear));
        // The plan's dated tasks of the first quarter are still upcoming, then overdue, as before.
        Assert.Contains(beforeQ1Ends.Digests.SelectMany(d => d.Notices), n => n.Kind == NoticeKind.Upcoming && n.Task == "1");
        Assert.Contains(afterQ1.Digests.SelectMany(d => d.Notices), n => n.Kind is NoticeKind.Overdue or NoticeKind.Escalation && n.Task == "1");

        IEnumerable<Notice> Notices(SweepResult result) =>
            result.Digests.Where(d => d.Key.Agency == agency).SelectMany(d => d.Notices).Where(n => n.Task == ongoing.Number);
    }

    [Fact]
    public async Task The_digest_shows_the_phrase_instead_of_a_date_and_the_report_counts_it_apart()
    {
        await using var scenario = await StartAsync(services);
        var ongoing = await MakeOngoingAsync(scenario, "5");
        var agency = ongoing.Agencies[0].Value;
        await scenario.RunAsync("2023-04-03");
        var entry = (await scenario.Outbox.ListAsync(D("2023-04-03"), Ct)).Single(e => e.Key.Agency == agency && e.Key.Kind == DigestKind.Daily);

        var mail = await scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(entry, Ct);
        var report = await scenario.Provider.GetRequiredService<PlanReports>().ComputeAsync(scenario.Plan.Id, D("2023-12-31").PlusDays(30), Ct);
        var json = System.Text.Json.JsonSerializer.Serialize(ReportFormats.Json(report!));

        Assert.Contains("Thời hạn: Thường xuyên - thực hiện thường xuyên trong năm", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thời hạn: Thường xuyên ()", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"nhiệm vụ {ongoing.Number} ", System.Text.Encoding.UTF8.GetString(mail.Attachments.Single().Content), StringComparison.Ordinal);
        Assert.Equal(ongoing.Agencies.Count, report!.Total.Counts.Ongoing);
        Assert.Equal(scenario.Plan.Assignments.Count(), report.Total.Counts.Total);
        Assert.True(report.HasOngoing);
        Assert.Contains("\"ongoing\":{\"count\":" + ongoing.Agencies.Count, json, StringComparison.Ordinal);
        Assert.Contains("Thường xuyên", System.Text.Encoding.UTF8.GetString(ReportFormats.Csv(report)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_without_ongoing_tasks_keeps_its_four_columns()
    {
        var counts = new ProgressCounts(1, 0, 2, 0);
        var report = new PlanReport(new PlanId("2023-252-kh-ubnd"), "252/KH-UBND", "T", 2023, D("2023-04-03"),
            [new ReportLine(null, PlanReports.AllAgencies, null, counts)]);

        var csv = System.Text.Encoding.UTF8.GetString(ReportFormats.Csv(report));

        Assert.False(report.HasOngoing);
        Assert.DoesNotContain("Thường xuyên", csv, StringComparison.Ordinal);
        Assert.Equal(Progress.Official.Count, csv.Split('\n')[0].Split(" (%)").Length - 1);
    }

    private static async Task<PlanTask> MakeOngoingAsync(ReminderScenario scenario, string number)
    {
        var task = scenario.Plan.Tasks.Single(t => t.Number == number);
        var ongoing = task with { Deadline = new Deadline(DeadlineRule.Ongoing, "Thường xuyên", new LocalDate(2023, 12, 31)) };
        await scenario.Plans.SaveAsync(scenario.Plan with { Tasks = scenario.Plan.Tasks.Select(t => t.Number == number ? ongoing : t).ToValueList() }, Ct);
        return ongoing;
    }
}
