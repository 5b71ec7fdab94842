using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Mail;

/// <summary>
/// Mail failures the channels did not name (an SMTP login refused with 535, a user name for a server without AUTH,
/// an ACS endpoint that refuses connections) are caught per digest: each digest records why, retries or fails by
/// the outbox's rules, the pass goes on with the others, and none is left "sending".
/// </summary>
public sealed class DispatchFailureTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Smtp(int port, string? userName) => new()
    {
        ["Tdkt:Mail:Channel"] = "Smtp",
        ["Tdkt:Mail:From"] = "nhac-viec@example.org",
        ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
        ["Tdkt:Mail:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Tdkt:Mail:Smtp:Security"] = "None",
        ["Tdkt:Mail:Smtp:UserName"] = userName,
        ["Tdkt:Mail:Smtp:Password"] = userName is null ? null : "het-han",
        ["Tdkt:Mail:DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task An_smtp_login_refused_with_535_fails_every_digest_for_good_saying_so()
    {
        await using var smtp = new RefusingSmtpServer(offerAuth: true);
        await using var scenario = await StartAsync(services, settings: Smtp(smtp.Port, "nhac-viec"));
        var created = (await scenario.RunAsync("2023-03-24")).Created;

        var pass = await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, Ct);

        Assert.Equal((0, 0, created), (pass.Sent, pass.Retrying, pass.Failed));
        // Each digest tried to log in (MailKit tries each mechanism the server offers), and was refused.
        Assert.InRange(smtp.Logins, created, 2 * created);
        var entries = await scenario.Outbox.ListAsync(D("2023-03-24"), Ct);
        Assert.All(entries, e => Assert.Equal(OutboxStatus.Failed, e.Status));
        Assert.All(entries, e => Assert.StartsWith("Máy chủ SMTP từ chối đăng nhập (535)", e.LastError, StringComparison.Ordinal));
        Assert.StartsWith("Máy chủ SMTP từ chối đăng nhập (535)", pass.LastError, StringComparison.Ordinal);
        Assert.Empty(await scenario.Outbox.ListPendingAsync(Ct));
    }

    [Fact]
    public async Task A_user_name_for_a_server_without_auth_fails_every_digest_saying_so_and_the_cli_says_it_in_one_line()
    {
        await using var smtp = new RefusingSmtpServer(offerAuth: false);
        await using var scenario = await StartAsync(services, settings: Smtp(smtp.Port, "nhac-viec"));
        var created = (await scenario.RunAsync("2023-03-24")).Created;
        var environment = Smtp(smtp.Port, "nhac-viec").Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        environment["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString;
        environment["Tdkt__Storage__Prefix"] = scenario.Prefix;

        var cli = await CliInProcess.RunAsync(environment, "dispatch");

        Assert.Equal(1, cli.ExitCode);
        Assert.Contains($"Đã gửi 0 thư; 0 thư sẽ gửi lại sau; {created} thư không gửi được.", cli.StdOut, StringComparison.Ordinal);
        Assert.Equal("tdkt: Máy chủ SMTP không cho đăng nhập (không có AUTH) mà cấu hình có tên đăng nhập (Tdkt:Mail:Smtp:UserName): bỏ tên đăng nhập hoặc dùng máy chủ khác.",
            cli.StdErr.Trim());
        Assert.All(await scenario.Outbox.ListAsync(D("2023-03-24"), Ct), e => Assert.Equal(OutboxStatus.Failed, e.Status));
    }

    [Fact]
    public async Task An_acs_endpoint_that_refuses_connections_retries_each_digest_then_fails_it_after_max_attempts_never_leaving_one_sending()
    {
        var closed = FreePort.Next();
        await using var scenario = await StartAsync(services, settings: new Dictionary<string, string?>
        {
            ["Tdkt:Mail:Channel"] = "Acs",
            ["Tdkt:Mail:From"] = "nhac-viec@example.org",
            ["Tdkt:Mail:Acs:ConnectionString"] = $"endpoint=http://127.0.0.1:{closed}/;accesskey={Convert.ToBase64String(new byte[32])}",
            ["Tdkt:Mail:MaxAttempts"] = "2",
            // ACS's default pace (30 a minute) would spread the seven tries over 14 s; what is tested here is not the pace.
            ["Tdkt:Mail:RatePerMinute"] = "6000",
            ["Tdkt:Mail:DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
        });
        var created = (await scenario.RunAsync("2023-03-24")).Created;
        var dispatcher = scenario.Provider.GetRequiredService<MailDispatcher>();

        // All at once: each waits out the pipeline's own retries against the closed port.
        var first = await dispatcher.DispatchPendingAsync(created, Ct);
        var afterFirst = await scenario.Outbox.ListAsync(D("2023-03-24"), Ct);
        scenario.Time.Advance(TimeSpan.FromMinutes(2));
        var second = await dispatcher.DispatchPendingAsync(created, Ct);

        Assert.Equal((0, created, 0), (first.Sent, first.Retrying, first.Failed));
        Assert.All(afterFirst, e => Assert.Equal((OutboxStatus.Pending, 1), (e.Status, e.Attempts)));
        Assert.All(afterFirst, e => Assert.Contains("127.0.0.1", e.LastError, StringComparison.Ordinal));
        Assert.Equal((0, 0, created), (second.Sent, second.Retrying, second.Failed));
        Assert.All(await scenario.Outbox.ListAsync(D("2023-03-24"), Ct), e => Assert.Equal((OutboxStatus.Failed, 2), (e.Status, e.Attempts)));
    }
}
