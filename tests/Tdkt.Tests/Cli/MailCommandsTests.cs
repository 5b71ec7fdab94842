using System.Globalization;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Cli;

/// <summary>`tdkt mail send-test` and `tdkt dispatch`, run in process, against Azurite and smtp4dev.</summary>
public sealed class MailCommandsTests(LocalServices services)
{
    private readonly string sender = $"cli-{Guid.NewGuid():N}"[..16] + "@example.org";

    private Dictionary<string, string> Environment(int? smtpPort = null) => new()
    {
        ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
        ["Tdkt__Mail__From"] = sender,
        ["Tdkt__Mail__Smtp__Port"] = (smtpPort ?? services.Smtp4dev.SmtpPort).ToString(CultureInfo.InvariantCulture),
        ["Tdkt__Mail__DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task Send_test_delivers_a_Vietnamese_sample_and_prints_the_servers_answer()
    {
        var result = await CliInProcess.RunAsync(Environment(), "mail", "send-test", "--to", "quan-tri@example.org");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Đã gửi thư thử tới quan-tri@example.org qua Smtp. Máy chủ trả lời: ", result.StdOut, StringComparison.Ordinal);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var mail = Assert.Single(await inbox.MessagesFromAsync(sender));
        Assert.Equal("[TĐKT] Thư thử cấu hình gửi thư", mail.Message.Subject);
        Assert.StartsWith("Kính gửi: Quản trị hệ thống", mail.Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_test_with_no_server_exits_1_naming_the_server_and_a_bad_address_exits_2()
    {
        var port = FreePort.Next();
        var down = await CliInProcess.RunAsync(Environment(port), "mail", "send-test", "--to", "quan-tri@example.org");
        Assert.Equal(1, down.ExitCode);
        Assert.StartsWith($"tdkt: chưa gửi được thư thử qua Smtp: Chưa gửi được qua SMTP 127.0.0.1:{port}", down.StdErr, StringComparison.Ordinal);

        var bad = await CliInProcess.RunAsync(Environment(), "mail", "send-test", "--to", "không phải địa chỉ");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("tdkt: --to “không phải địa chỉ” không phải một địa chỉ thư", bad.StdErr.Trim());
    }

    [Fact]
    public async Task Sweep_then_dispatch_from_the_command_line_sends_each_digest_once()
    {
        var environment = Environment();
        Assert.Equal(0, (await CliInProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath)).ExitCode);
        Assert.Equal(0, (await CliInProcess.RunAsync(environment, "plan", "activate", "2023-252-kh-ubnd")).ExitCode);
        Assert.Equal(0, (await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-03-24")).ExitCode);

        var first = await CliInProcess.RunAsync(environment, "dispatch");
        var second = await CliInProcess.RunAsync(environment, "dispatch");

        Assert.Equal("Đã gửi 7 thư; 0 thư sẽ gửi lại sau; 0 thư không gửi được.", first.StdOut.Trim());
        Assert.Equal("Đã gửi 0 thư; 0 thư sẽ gửi lại sau; 0 thư không gửi được.", second.StdOut.Trim());
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        Assert.Equal(7, (await inbox.MessagesFromAsync(sender, atLeast: 7)).Count);
    }
}
