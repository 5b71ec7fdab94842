using Microsoft.Extensions.DependencyInjection;
using Tdkt.Clock;
using Tdkt.Mail;
using Tdkt.Mail.Channels;
using Tdkt.Outbox;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Mail;

/// <summary>Dispatch through the ACS Email REST channel to a local stub that checks the documented wire format.</summary>
public sealed class AcsDispatchTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(AcsEmailStub stub) => new()
    {
        ["Tdkt:Mail:Channel"] = "Acs",
        ["Tdkt:Mail:From"] = "DoNotReply@example.org",
        ["Tdkt:Mail:Acs:ConnectionString"] = stub.ConnectionString,
        ["Tdkt:Mail:RatePerMinute"] = "6000",
        ["Tdkt:Mail:DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task Each_digest_is_one_signed_send_with_its_own_operation_id_polled_to_succeeded()
    {
        await using var stub = new AcsEmailStub();
        await using var scenario = await StartAsync(services, settings: Settings(stub));
        var sweep = await scenario.RunAsync("2023-03-24");

        var pass = await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct);

        Assert.Empty(stub.Problems);
        Assert.Equal(7, pass.Sent);
        Assert.Equal(sweep.Digests.Select(d => AcsChannel.OperationId(d.Key.Value).ToString()).Order(), stub.Sends.Select(s => s.OperationId).Order());
        var (operationId, body) = stub.Sends.Single(s => s.Body["recipients"]!["to"]![0]!["address"]!.GetValue<string>() == "so-noi-vu@example.org");
        Assert.Equal("DoNotReply@example.org", body["senderAddress"]!.GetValue<string>());
        Assert.Equal("[TĐKT 2023] 10 nhiệm vụ sắp đến hạn", body["content"]!["subject"]!.GetValue<string>());
        Assert.StartsWith("Kính gửi: Sở Nội vụ", body["content"]!["plainText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["phong-tdkt.so-noi-vu@example.org"], body["recipients"]!["cc"]!.AsArray().Select(r => r!["address"]!.GetValue<string>()));
        Assert.Equal("text/calendar", body["attachments"]![0]!["contentType"]!.GetValue<string>());
        // Sở Nội vụ's supervisor is UBND tỉnh: replies go there; and no auto-responder answers a program's mail.
        Assert.Equal(("ubnd-tinh@example.org", "Ủy ban nhân dân tỉnh Lạng Sơn"),
            (body["replyTo"]![0]!["address"]!.GetValue<string>(), body["replyTo"]![0]!["displayName"]!.GetValue<string>()));
        Assert.Equal("auto-generated", body["headers"]!["Auto-Submitted"]!.GetValue<string>());
        var entry = (await scenario.Outbox.ListAsync(D("2023-03-24"), Ct)).Single(e => e.Key.Agency == "so-noi-vu");
        Assert.Equal((OutboxStatus.Sent, operationId, "Acs"), (entry.Status, entry.ProviderId, entry.Channel));
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_persistent_throttling_leaves_the_digest_pending()
    {
        await using var stub = new AcsEmailStub { TooManyRequests = 2 };
        await using var scenario = await StartAsync(services, settings: Settings(stub));
        await scenario.RunAsync("2023-01-06");
        var dispatcher = scenario.Provider.GetRequiredService<MailDispatcher>();

        var first = await dispatcher.DispatchAsync(new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-tai-chinh"), Ct);

        Assert.Equal(DispatchOutcome.Sent, first);
        Assert.Equal(2, stub.Throttled);
        Assert.Single(stub.Sends);

        stub.TooManyRequests = 100;
        var throttled = await dispatcher.DispatchAsync(new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-ke-hoach-va-dau-tu"), Ct);
        Assert.Equal(DispatchOutcome.Retrying, throttled);
        var entry = (await scenario.Outbox.ListAsync(D("2023-01-06"), Ct)).Single(e => e.Key.Agency == "so-ke-hoach-va-dau-tu");
        Assert.Equal(OutboxStatus.Pending, entry.Status);
        Assert.Contains("429", entry.LastError, StringComparison.Ordinal);
        Assert.True(entry.NextAttemptAt > RealTime.GetCurrentInstant(scenario.Time));
        Assert.Empty(stub.Problems);
    }

    [Fact]
    public async Task Server_errors_after_ACS_accepted_are_retried_with_the_same_operation_id_so_the_email_exists_once()
    {
        await using var stub = new AcsEmailStub { ServerErrorsAfterAccepting = 2 };
        await using var scenario = await StartAsync(services, settings: Settings(stub));
        await scenario.RunAsync("2023-01-06");
        var dispatcher = scenario.Provider.GetRequiredService<MailDispatcher>();
        var key = new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-tai-chinh");

        var first = await dispatcher.DispatchAsync(key, Ct);

        Assert.Equal(DispatchOutcome.Sent, first);
        Assert.Equal(3, stub.Sends.Count);
        Assert.Single(stub.Sends.Select(s => s.OperationId).Distinct());
        Assert.Equal(OutboxStatus.Sent, (await scenario.Outbox.GetAsync(key, Ct))!.Status);

        // Persistent 500s: the digest waits with its error and a later attempt, which reuses the same operation id.
        stub.ServerErrorsAfterAccepting = 100;
        var other = new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-ke-hoach-va-dau-tu");
        Assert.Equal(DispatchOutcome.Retrying, await dispatcher.DispatchAsync(other, Ct));
        var waiting = (await scenario.Outbox.GetAsync(other, Ct))!;
        Assert.Equal(OutboxStatus.Pending, waiting.Status);
        Assert.Contains("500", waiting.LastError, StringComparison.Ordinal);
        stub.ServerErrorsAfterAccepting = 0;
        scenario.Time.Advance(TimeSpan.FromHours(2));
        stub.Time = scenario.Time;
        Assert.Equal(DispatchOutcome.Sent, await dispatcher.DispatchAsync(other, Ct));
        Assert.Equal(2, stub.Sends.Select(s => s.OperationId).Distinct().Count());
        Assert.Empty(stub.Problems);
    }

    [Fact]
    public async Task A_send_that_times_out_after_ACS_accepted_is_retried_with_the_same_operation_id()
    {
        await using var stub = new AcsEmailStub { SlowAnswers = 1 };
        var settings = Settings(stub);
        settings["Tdkt:Mail:Acs:TimeoutSeconds"] = "1";
        await using var scenario = await StartAsync(services, settings: settings);
        await scenario.RunAsync("2023-01-06");
        var key = new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-tai-chinh");

        var outcome = await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchAsync(key, Ct);

        // The stub serves one request at a time, so a retry may also wait out the slow answer: two or three attempts.
        Assert.Equal(DispatchOutcome.Sent, outcome);
        Assert.InRange(stub.Sends.Count, 2, 3);
        Assert.Single(stub.Sends.Select(s => s.OperationId).Distinct());
        // The slow answer fails to reach the client that gave up on it; nothing else may be wrong.
        Assert.DoesNotContain(stub.Problems, p => !p.StartsWith("stub error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_email_dropped_by_ACS_is_a_permanent_failure_with_the_reason_kept()
    {
        await using var stub = new AcsEmailStub { FailWith = "EmailDropped" };
        await using var scenario = await StartAsync(services, settings: Settings(stub));
        await scenario.RunAsync("2023-01-06");

        var pass = await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(2, Ct);

        Assert.Equal((0, 4), (pass.Sent, pass.Failed));
        Assert.All(await scenario.Outbox.ListAsync(D("2023-01-06"), Ct), e =>
        {
            Assert.Equal((OutboxStatus.Failed, 1), (e.Status, e.Attempts));
            Assert.Contains("EmailDropped", e.LastError, StringComparison.Ordinal);
        });
        Assert.Empty(stub.Problems);
    }

    [Fact]
    public async Task After_a_crash_between_sending_and_marking_sent_the_retry_reuses_the_same_operation_id()
    {
        await using var stub = new AcsEmailStub();
        await using var scenario = await StartAsync(services, settings: Settings(stub));
        await scenario.RunAsync("2023-01-06");
        var key = new DigestKey(D("2023-01-06"), DigestKind.Daily, "so-tai-chinh");

        // The dispatcher that "crashes": it leases the digest and sends it, but never records the send.
        var leased = (await scenario.Outbox.TryLeaseAsync(key, Ct))!;
        var mail = await scenario.Provider.GetRequiredService<MailComposer>().ComposeAsync(leased, Ct);
        await scenario.Provider.GetRequiredService<IMailChannel>().SendAsync(mail, Ct);

        var dispatcher = scenario.Provider.GetRequiredService<MailDispatcher>();
        Assert.Equal(DispatchOutcome.Skipped, await dispatcher.DispatchAsync(key, Ct));
        scenario.Time.Advance((Tdkt.Outbox.OutboxPolicy.LeaseFor + NodaTime.Duration.FromSeconds(1)).ToTimeSpan());
        stub.Time = scenario.Time;
        Assert.Equal(DispatchOutcome.Sent, await dispatcher.DispatchAsync(key, Ct));

        Assert.Equal(2, stub.Sends.Count);
        Assert.Single(stub.Sends.Select(s => s.OperationId).Distinct());
        Assert.Equal(2, (await scenario.Outbox.GetAsync(key, Ct))!.Attempts);
    }
}
