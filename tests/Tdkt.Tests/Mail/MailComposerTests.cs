using Microsoft.Extensions.DependencyInjection;
using Tdkt.Agencies;
using Tdkt.Mail;
using Tdkt.Mail.Channels;
using Tdkt.Outbox;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Mail;

/// <summary>What the composer makes of hostile directory and plan text, and of a deployment's own templates.</summary>
public sealed class MailComposerTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Markup_in_plan_text_is_encoded_and_no_CR_LF_reaches_a_header()
    {
        await using var scenario = await StartAsync(services);
        var hostile = new Agency(new AgencyId("so-noi-vu"), "Sở <b>Nội</b> vụ\r\nBcc: victim@example.org", ValueList.Empty<string>(),
            new ValueList<string>(["so-noi-vu@example.org"]), ValueList.Empty<string>(), new AgencyId("ubnd-tinh"), ValueList.Empty<AgencyId>(), false);
        var directory = Samples();
        await scenario.Provider.GetRequiredService<AgencyStore>().SaveAsync(new AgencyDirectory(directory.Agencies.Select(a => a.Id == hostile.Id ? hostile : a)), Ct);
        var task = scenario.Plan.Tasks[0] with { Content = "<script>alert('x')</script> & <img src=x onerror=alert(1)>" };
        await scenario.Plans.SaveAsync(scenario.Plan with { Tasks = scenario.Plan.Tasks.Skip(1).Prepend(task).ToValueList() }, Ct);
        await scenario.RunAsync("2023-03-24");
        var entry = (await scenario.Outbox.ListAsync(D("2023-03-24"), Ct)).Single(e => e.Key.Agency == "so-noi-vu");

        var mail = await scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(entry, Ct);
        var mime = MimeMessages.Build(mail);

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;img src", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Kính gửi: Sở &lt;b&gt;Nội&lt;/b&gt; vụ", mail.Html, StringComparison.Ordinal);
        Assert.Equal("Sở <b>Nội</b> vụ Bcc: victim@example.org", mime.To.Mailboxes.Single().Name);
        Assert.Empty(mime.Bcc);
        using var raw = new MemoryStream();
        await mime.WriteToAsync(raw, Ct);
        raw.Position = 0;
        var parsed = await MimeKit.MimeMessage.LoadAsync(raw, Ct);
        Assert.Empty(parsed.Bcc);
        Assert.Equal(["so-noi-vu@example.org"], parsed.To.Mailboxes.Select(m => m.Address));
        Assert.StartsWith("Kính gửi: Sở <b>Nội</b> vụ Bcc: victim@example.org\n", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployments_own_template_replaces_the_built_in_one_without_recompiling()
    {
        var folder = Directory.CreateTempSubdirectory("tdkt-templates-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "digest.txt.liquid"),
                "Kính gửi {{ Greeting | remove: 'Kính gửi: ' }} (mẫu riêng của tỉnh){% for s in Sections %}\n{{ s.Title }}: {{ s.Tasks.size }}{% endfor %}", Ct);
            await using var scenario = await StartAsync(services, settings: new Dictionary<string, string?> { ["Tdkt:Mail:TemplatesDirectory"] = folder.FullName });
            await scenario.RunAsync("2023-03-24");
            var entry = (await scenario.Outbox.ListAsync(D("2023-03-24"), Ct)).Single(e => e.Key.Agency == "so-noi-vu");

            var mail = await scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(entry, Ct);

            Assert.Equal("Kính gửi Sở Nội vụ (mẫu riêng của tỉnh)\nNhiệm vụ sắp đến hạn: 10", mail.Text);
            Assert.StartsWith("<!DOCTYPE html>", mail.Html, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_template_that_reads_a_value_its_model_lacks_fails_the_render_and_names_it()
    {
        var folder = Directory.CreateTempSubdirectory("tdkt-templates-");
        try
        {
            // "Sections" misspelt: Liquid alone would render nothing there and the mail would go out without its tasks.
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "digest.txt.liquid"), "{{ Greeting }}{% for s in Section %}{{ s.Title }}{% endfor %}", Ct);
            await using var scenario = await StartAsync(services, settings: new Dictionary<string, string?> { ["Tdkt:Mail:TemplatesDirectory"] = folder.FullName });
            await scenario.RunAsync("2023-03-24");
            var entry = (await scenario.Outbox.ListAsync(D("2023-03-24"), Ct)).Single(e => e.Key.Agency == "so-noi-vu");

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(entry, Ct));

            Assert.Contains("“Section”", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_weekly_summary_reads_as_a_table_of_the_four_categories()
    {
        await using var scenario = await StartAsync(services);
        await scenario.CompleteAsync("1", "so-noi-vu", "2023-03-30");
        await scenario.RunAsync("2023-04-03");
        var entry = (await scenario.Outbox.ListAsync(D("2023-04-03"), Ct)).Single(e => e.Key.Kind == DigestKind.Weekly && e.Key.Agency == "ubnd-tinh");

        var mail = await scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(entry, Ct);

        Assert.Equal("[TĐKT 2023] Báo cáo tiến độ tuần đến 03/04/2023: 9 nhiệm vụ quá hạn", mail.Subject);
        Assert.Contains("- Sở Nội vụ: hoàn thành đúng hạn 1, hoàn thành quá hạn 0, chưa hoàn thành trong hạn 16, chưa hoàn thành quá hạn 9 (hoàn thành 4%)", mail.Text, StringComparison.Ordinal);
        Assert.Equal(["ubnd-tinh@example.org"], mail.To.Select(a => a.Address));
    }

    private static AgencyDirectory Samples() => Tdkt.Tests.Plans.Samples.Directory();
}
