using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Mail;

/// <summary>Sweep, then dispatch over SMTP to the real smtp4dev, and read the messages back.</summary>
public sealed class SmtpDispatchTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string sender = $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org";

    private Dictionary<string, string?> Settings(int? smtpPort = null) => new()
    {
        ["Tdkt:Mail:Channel"] = "Smtp",
        ["Tdkt:Mail:From"] = sender,
        ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
        ["Tdkt:Mail:Smtp:Port"] = (smtpPort ?? services.Smtp4dev.SmtpPort).ToString(CultureInfo.InvariantCulture),
        ["Tdkt:Mail:DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task The_24_03_2023_sweep_then_dispatch_delivers_one_correct_digest_per_agency_and_nothing_on_a_second_pass()
    {
        await using var scenario = await StartAsync(services, settings: Settings());
        var sweep = await scenario.RunAsync("2023-03-24");
        var dispatcher = scenario.Provider.GetRequiredService<MailDispatcher>();

        var first = await dispatcher.DispatchPendingAsync(4, Ct);
        var second = await dispatcher.DispatchPendingAsync(4, Ct);

        Assert.Equal((7, 0, 0), (first.Sent, first.Retrying, first.Failed));
        Assert.Equal(0, second.Sent);
        Assert.Empty(await scenario.Outbox.ListPendingAsync(Ct));
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var received = await inbox.MessagesFromAsync(sender, atLeast: 7);
        Assert.Equal(sweep.Digests.Count, received.Count);
        Assert.Equal(sweep.Digests.SelectMany(d => d.To).Order(), received.SelectMany(m => m.Message.To.Mailboxes.Select(a => a.Address)).Order());
        Assert.All(await scenario.Outbox.ListAsync(D("2023-03-24"), Ct), e => Assert.Equal((OutboxStatus.Sent, 1), (e.Status, e.Attempts)));

        var mail = received.Single(m => m.Message.To.Mailboxes.Any(a => a.Address == "so-noi-vu@example.org")).Message;
        Assert.Equal("[TĐKT 2023] 10 nhiệm vụ sắp đến hạn", mail.Subject);
        Assert.Equal(["phong-tdkt.so-noi-vu@example.org"], mail.Cc.Mailboxes.Select(a => a.Address));
        Assert.Equal("Sở Nội vụ", mail.To.Mailboxes.Single().Name);
        Assert.StartsWith("2023-03-24.daily.so-noi-vu.", mail.MessageId, StringComparison.Ordinal);
        var text = mail.TextBody!;
        Assert.StartsWith("Kính gửi: Sở Nội vụ", text, StringComparison.Ordinal);
        Assert.Contains("Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023", text, StringComparison.Ordinal);
        Assert.Contains("Thời hạn: Thứ Sáu, 31/03/2023 (QUÝ I) - còn 5 ngày làm việc", text, StringComparison.Ordinal);
        Assert.Contains("Cùng thực hiện: Ủy ban nhân dân tỉnh Lạng Sơn", text, StringComparison.Ordinal);
        Assert.True(text.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Contains("<strong>Nhiệm vụ 1</strong> (252/KH-UBND): Phát động phong trào thi đua", mail.HtmlBody!, StringComparison.Ordinal);

        var ics = mail.Attachments.OfType<MimePart>().Single(a => a.FileName == "thoi-han-nhiem-vu.ics");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content, Ct);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        Assert.Equal(10, calendar.Events.Count);
        Assert.All(calendar.Events, e => Assert.Equal(new DateOnly(2023, 3, 31), DateOnly.FromDateTime(e.DtStart!.Value)));
        Assert.Contains(calendar.Events, e => e.Summary == "Hạn nhiệm vụ 1 (252/KH-UBND)");
    }

    [Fact]
    public async Task With_the_SMTP_server_down_digests_stay_pending_and_are_delivered_once_when_it_is_back()
    {
        await using var down = await StartAsync(services, settings: Settings(smtpPort: FreePort.Next()));
        await down.RunAsync("2023-03-24");
        var pass = await down.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct);

        Assert.Equal((0, 7), (pass.Sent, pass.Retrying));
        var waiting = await down.Outbox.ListAsync(D("2023-03-24"), Ct);
        Assert.All(waiting, e => Assert.Equal(OutboxStatus.Pending, e.Status));
        Assert.All(waiting, e => Assert.Contains("Chưa gửi được qua SMTP", e.LastError, StringComparison.Ordinal));

        // The same tables, now with the real server: the retry waits for its backoff, then sends each digest once.
        await using var up = TestHost.Services(services.Azurite.ConnectionString, down.Clock.GetCurrentInstant(),
            new Dictionary<string, string?>(Settings()) { ["Tdkt:Storage:Prefix"] = down.Prefix });
        var dispatcher = up.GetRequiredService<MailDispatcher>();
        Assert.Equal(0, (await dispatcher.DispatchPendingAsync(4, Ct)).Sent);
        ((ShiftedTime)up.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(7, (await dispatcher.DispatchPendingAsync(4, Ct)).Sent);
        Assert.Equal(0, (await dispatcher.DispatchPendingAsync(4, Ct)).Sent);

        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        Assert.Equal(7, (await inbox.MessagesFromAsync(sender, atLeast: 7)).Count);
        Assert.All(await down.Outbox.ListAsync(D("2023-03-24"), Ct), e => Assert.Equal((OutboxStatus.Sent, 2), (e.Status, e.Attempts)));
    }

    [Fact]
    public async Task After_a_crash_between_sending_and_marking_sent_the_resend_carries_the_same_Message_ID()
    {
        await using var scenario = await StartAsync(services, settings: Settings());
        await scenario.RunAsync("2023-01-06");
        var key = new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-tai-chinh");
        var leased = (await scenario.Outbox.TryLeaseAsync(key, Ct))!;
        await scenario.Provider.GetRequiredService<IMailChannel>().SendAsync(await scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(leased, Ct), Ct);

        scenario.Time.Advance((Tdkt.Outbox.OutboxPolicy.LeaseFor + NodaTime.Duration.FromSeconds(1)).ToTimeSpan());
        Assert.Equal(DispatchOutcome.Sent, await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchAsync(key, Ct));

        // SMTP has no idempotency key: the one duplicate a crash at the worst moment can cause is recognisable by its Message-ID.
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var received = await inbox.MessagesFromAsync(sender, atLeast: 2);
        Assert.Equal(2, received.Count);
        Assert.Single(received.Select(m => m.Message.MessageId).Distinct());
    }

    [Fact]
    public async Task Two_dispatchers_at_once_together_never_exceed_the_configured_rate()
    {
        // 240 a minute: slots of 60/239 s, one send starting in each, whichever process sends it.
        var settings = Settings();
        settings["Tdkt:Mail:RatePerMinute"] = "240";
        var starts = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        void Timed(IServiceCollection s) => s.AddSingleton<IMailChannel>(sp => new TimedChannel(
            new Tdkt.Mail.Channels.SmtpChannel(Microsoft.Extensions.Options.Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = services.Smtp4dev.SmtpPort })), starts));
        await using var scenario = await StartAsync(services, settings: settings, replace: Timed);
        await scenario.RunAsync("2023-03-31");
        await scenario.RunAsync("2023-04-03");
        await using var other = TestHost.Services(services.Azurite.ConnectionString, scenario.Clock.GetCurrentInstant(),
            new Dictionary<string, string?>(settings) { ["Tdkt:Storage:Prefix"] = scenario.Prefix }, replace: Timed);

        var passes = await Task.WhenAll(
            scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct),
            other.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct));

        var total = passes.Sum(p => p.Sent);
        var expected = (await scenario.Outbox.ListAsync(D("2023-03-31"), Ct)).Count + (await scenario.Outbox.ListAsync(D("2023-04-03"), Ct)).Count;
        Assert.Equal(expected, total);
        Assert.True(passes.All(p => p.Sent > 0), "both dispatchers sent");
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        Assert.Equal(total, (await inbox.MessagesFromAsync(sender, total)).Count);
        // Each start lies inside its own slot, so k consecutive starts span more than k-2 whole slots
        // (and 241 would span more than a minute): checked here for k = 5.
        var slot = TimeSpan.FromMinutes(1) / 239;
        var times = starts.Order().ToList();
        for (var i = 0; i + 4 < times.Count; i++)
        {
            Assert.True(times[i + 4] - times[i] > 3 * slot, $"sends {i}..{i + 4} started within {(times[i + 4] - times[i]).TotalMilliseconds} ms");
        }
    }

    [Fact]
    public async Task The_dispatcher_as_a_loop_sends_what_each_sweep_adds_until_it_is_stopped()
    {
        await using var scenario = await StartAsync(services, settings: Settings());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var passes = new System.Collections.Concurrent.ConcurrentQueue<DispatchPass>();
        var loop = scenario.Provider.GetRequiredService<MailDispatcher>().RunAsync(TimeSpan.FromMilliseconds(200), 4, passes.Enqueue, stop.Token);

        var first = (await scenario.RunAsync("2023-01-06")).Created;
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        Assert.Equal(first, (await inbox.MessagesFromAsync(sender, atLeast: first)).Count);
        // 12/01 also covers Monday 09/01 (no sweep ran then): its weekly summaries come too.
        var total = first + (await scenario.RunAsync("2023-01-12")).Created;
        Assert.Equal(total, (await inbox.MessagesFromAsync(sender, atLeast: total)).Count);
        for (var waited = 0; passes.Sum(p => p.Sent) < total && waited < 100; waited++)
        {
            await Task.Delay(100, Ct);
        }

        await stop.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal((4, 10), (first, total));
        Assert.Equal(total, passes.Sum(p => p.Sent));
        Assert.All(await scenario.Outbox.ListAsync(D("2023-01-12"), Ct), e => Assert.Equal(OutboxStatus.Sent, e.Status));
    }

    /// <summary>The real SMTP channel, noting when each send starts: what the rate limit governs.</summary>
    private sealed class TimedChannel(IMailChannel inner, System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> starts) : IMailChannel
    {
        public string Name => inner.Name;

        public Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
        {
            starts.Enqueue(DateTimeOffset.UtcNow);
            return inner.SendAsync(mail, cancellationToken);
        }
    }
}
