using Microsoft.Extensions.DependencyInjection;
using Tdkt.Mail;
using Tdkt.Mail.Channels;
using Tdkt.Outbox;
using Tdkt.Tests.Infrastructure;
using static Tdkt.Tests.Reminders.ReminderScenario;

namespace Tdkt.Tests.Mail;

/// <summary>Dispatch through Microsoft Graph sendMail to a local stub of Entra ID and Graph.</summary>
public sealed class GraphDispatchTests(LocalServices services)
{
    [Fact]
    public async Task Each_digest_is_one_sendMail_from_the_configured_mailbox_with_a_bearer_token()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stub = new GraphStub();
        await using var scenario = await StartAsync(services, settings: new Dictionary<string, string?>
        {
            ["Tdkt:Mail:Channel"] = "Graph",
            ["Tdkt:Mail:From"] = "nhac-viec@example.org",
            ["Tdkt:Mail:Graph:BaseUrl"] = stub.BaseUrl,
            ["Tdkt:Mail:Graph:Sender"] = "nhac-viec@example.org",
            ["Tdkt:Mail:RatePerMinute"] = "6000",
            ["Tdkt:Mail:DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
        }, replace: s => s.AddSingleton(new GraphCredential(stub.Credential)));
        await scenario.RunAsync("2023-03-24");

        var pass = await scenario.Provider.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, ct);

        Assert.Empty(stub.Problems);
        Assert.Equal(7, pass.Sent);
        Assert.All(stub.Sends, s => Assert.Equal("nhac-viec@example.org", s.Sender));
        var message = stub.Sends.Single(s => s.Message["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>() == "so-noi-vu@example.org").Message;
        Assert.Equal("[TĐKT 2023] 10 nhiệm vụ sắp đến hạn", message["subject"]!.GetValue<string>());
        Assert.Contains("Kính gửi: Sở Nội vụ", message["body"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("2023-03-24/daily/so-noi-vu", message["internetMessageHeaders"]![0]!["value"]!.GetValue<string>());
        // Graph takes only X- headers: Exchange's own way of saying "no auto-replies"; replies go to the supervising agency.
        Assert.Equal(("X-Auto-Response-Suppress", "All"),
            (message["internetMessageHeaders"]![1]!["name"]!.GetValue<string>(), message["internetMessageHeaders"]![1]!["value"]!.GetValue<string>()));
        Assert.Equal("ubnd-tinh@example.org", message["replyTo"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        var entry = (await scenario.Outbox.ListAsync(D("2023-03-24"), ct)).Single(e => e.Key.Agency == "so-noi-vu");
        Assert.Equal((OutboxStatus.Sent, "Graph"), (entry.Status, entry.Channel));
    }
}
