using Microsoft.Extensions.DependencyInjection;
using Tdkt.Completion;
using Tdkt.DeadlineExtensions;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Extensions;

/// <summary>The daily digests tell the supervising agency what waits for its answer, and the asking agency each step once.</summary>
public sealed class ExtensionDigestTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_supervisor_hears_of_a_waiting_request_and_the_asking_agency_of_each_step_once_in_the_next_digest()
    {
        await using var scenario = await StartAsync(services);
        var extensions = scenario.Provider.GetRequiredService<ExtensionService>();
        var task = new TaskRef(scenario.Plan.Id, scenario.Plan.Tasks.Single(t => t.Number == "1").Key);
        var composer = scenario.Provider.GetRequiredService<MailComposer>();
        async Task<OutgoingMail?> MailAsync(string date, string agency) =>
            (await scenario.Outbox.ListAsync(D(date), Ct)).FirstOrDefault(e => e.Key.Agency == agency && e.Key.Kind == DigestKind.Daily) is { } entry
                ? await composer.ComposeAsync(entry, Ct) : null;

        await scenario.RunAsync("2023-03-24");
        scenario.Clock.Advance(NodaTime.Duration.FromHours(1));
        await extensions.RequestAsync("so-noi-vu", task, D("2023-04-14"), "Chờ số liệu của các huyện", "Nguyễn Văn A", null, null, Ct);
        var monday = await scenario.RunAsync("2023-03-27");
        scenario.Clock.Advance(NodaTime.Duration.FromHours(2));
        await extensions.DecideAsync("ubnd-tinh", "so-noi-vu", task, true, null, "Đồng ý, đề nghị gửi đúng hạn mới", "Trần Thị B", null, null, Ct);
        var tuesday = await scenario.RunAsync("2023-03-28");
        var tuesdayAgain = await scenario.RunAsync("2023-03-28");
        var wednesday = await scenario.RunAsync("2023-03-29");

        static IEnumerable<ExtensionNote> Notes(SweepResult r, string agency) => r.Digests.Where(d => d.Key.Agency == agency).SelectMany(d => d.Extensions);
        Assert.Equal([ExtensionNoteKind.Waiting], Notes(monday, "ubnd-tinh").Select(n => n.Kind));
        Assert.Equal([ExtensionNoteKind.Asked], Notes(monday, "so-noi-vu").Select(n => n.Kind));
        Assert.Empty(Notes(tuesday, "ubnd-tinh"));
        Assert.Equal([(ExtensionNoteKind.Approved, D("2023-03-31"), D("2023-04-14"))], Notes(tuesday, "so-noi-vu").Select(n => (n.Kind, n.From, n.Date)));
        Assert.Equal(0, tuesdayAgain.Created);
        Assert.Empty(Notes(wednesday, "so-noi-vu"));
        Assert.Empty(Notes(wednesday, "ubnd-tinh"));

        var toSupervisor = await MailAsync("2023-03-27", "ubnd-tinh");
        Assert.NotNull(toSupervisor);
        Assert.Contains("1 đề nghị gia hạn chờ ý kiến", toSupervisor.Subject, StringComparison.Ordinal);
        Assert.Contains("ĐỀ NGHỊ GIA HẠN CHỜ Ý KIẾN (1)", toSupervisor.Text, StringComparison.Ordinal);
        Assert.Contains("Sở Nội vụ (Nguyễn Văn A) đề nghị gia hạn từ 31/03/2023 đến 14/04/2023. Lý do: Chờ số liệu của các huyện.", toSupervisor.Text, StringComparison.Ordinal);
        Assert.Empty(toSupervisor.Attachments);
        var toAgency = await MailAsync("2023-03-28", "so-noi-vu");
        Assert.NotNull(toAgency);
        Assert.Contains("1 kết quả đề nghị gia hạn", toAgency.Subject, StringComparison.Ordinal);
        Assert.Contains("Đã được đồng ý gia hạn (Trần Thị B) từ 31/03/2023 đến 14/04/2023. Ý kiến: Đồng ý, đề nghị gửi đúng hạn mới.", toAgency.Text, StringComparison.Ordinal);
        Assert.Contains("Đã được đồng ý gia hạn (Trần Thị B) từ 31/03/2023 đến 14/04/2023.", System.Net.WebUtility.HtmlDecode(toAgency.Html), StringComparison.Ordinal);
    }
}
