using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Cli;

/// <summary><c>tdkt up</c> as a separate process, against the test's Azurite and smtp4dev (which it then leaves alone).</summary>
public sealed partial class UpCommandTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Dictionary<string, string> Environment(string sender) => UpEnvironment(services, sender);

    /// <summary>What a person sets to run <c>tdkt up</c> against the test's Azurite and smtp4dev, its mail from <paramref name="sender"/>.</summary>
    public static Dictionary<string, string> UpEnvironment(LocalServices services, string sender) => new()
    {
        ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
        ["Tdkt__Mail__Smtp__Port"] = services.Smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Tdkt__Mail__From"] = sender,
        ["Tdkt__Mail__DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
        ["Tdkt__Links__SigningKeys"] = WebScenario.SigningKeys,
        ["Tdkt__LocalHost__AdminKey"] = "up-test-admin-key",
    };

    private static string Sender() => $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org";

    [Fact]
    public async Task Up_once_as_of_24_03_2023_loads_the_sample_sweeps_sends_and_prints_one_summary_line()
    {
        var sender = Sender();
        var environment = Environment(sender);

        var first = await CliProcess.RunAsync(environment, "up", "--once", "--as-of", "2023-03-24");
        var again = await CliProcess.RunAsync(environment, "up", "--once", "--as-of", "2023-03-24");

        Assert.True(first.ExitCode == 0, first.StdErr + first.StdOut);
        Assert.Contains("Kế hoạch số 252/KH-UBND: đã nạp (27 nhiệm vụ, 101 phần việc), đang thực hiện; danh bạ 13 cơ quan.", first.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("Thứ Sáu, 24/03/2023: tạo 7 thư, đã gửi 7, lỗi 0, chờ gửi lại 0.", first.StdOut.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains("Dùng kho dữ liệu đã cấu hình (Tdkt__Storage__…).", first.StdOut, StringComparison.Ordinal);
        Assert.Contains("Máy chủ thư đã chạy sẵn", first.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Đã khởi động", first.StdOut, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("đã có sẵn", again.StdOut, StringComparison.Ordinal);
        Assert.EndsWith("tạo 0 thư, đã gửi 0, lỗi 0, chờ gửi lại 0.", again.StdOut.TrimEnd(), StringComparison.Ordinal);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var mails = await inbox.MessagesFromAsync(sender, atLeast: 7);
        Assert.Equal(7, mails.Count);
        var noiVu = mails.Single(m => m.Message.To.Mailboxes.Any(a => a.Address == "so-noi-vu@example.org")).Message;
        Assert.Equal("[TĐKT 2023] 10 nhiệm vụ sắp đến hạn", noiVu.Subject);
        Assert.Contains("http://localhost:7071/api/a/", noiVu.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_serves_the_pages_and_admin_routes_and_stops_on_an_interrupt_leaving_services_it_did_not_start()
    {
        var port = FreePort.Next();
        using var process = CliProcess.Start(Environment(Sender()), "up", "--as-of", "2023-03-24", "--port", port.ToString(CultureInfo.InvariantCulture));
        var lines = new List<string>();
        var ready = new TaskCompletionSource<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (lines)
            {
                lines.Add(e.Data);
            }
            if (LinkPattern().Match(e.Data) is { Success: true } m)
            {
                ready.TrySetResult(m.Groups[1].Value);
            }
        };
        process.BeginOutputReadLine();
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            var link = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
            using var http = new HttpClient();
            var page = await http.GetAsync(link, Ct);
            var report = await http.GetAsync($"http://127.0.0.1:{port}/api/plans/2023-252-kh-ubnd/report?format=json&code=up-test-admin-key", Ct);
            var noKey = await http.GetAsync($"http://127.0.0.1:{port}/api/plans", Ct);

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<h1>Sở Nội vụ</h1>", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, report.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
            Assert.StartsWith($"http://localhost:{port}/api/a/", link, StringComparison.Ordinal);

            // The printed console link signs the local administrator in, once; the console then shows the sample plan.
            string console;
            lock (lines)
            {
                console = lines.Select(l => ConsoleLinkPattern().Match(l)).Single(m => m.Success).Value;
            }
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
            using var signIn = await browser.PostAsync(console, null, Ct);
            Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
            using var dashboard = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/console");
            dashboard.Headers.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
            using var shown = await browser.SendAsync(dashboard, Ct);
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
            Assert.Contains("Kế hoạch số 252/KH-UBND", WebUtility.HtmlDecode(await shown.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }
        finally
        {
            // Ctrl+C, unless the test itself runs as a background job of a script: such jobs (and their children) start
            // with SIGINT ignored, which .NET respects, so there the same stop is asked for with SIGTERM.
            using var interrupt = Process.Start("kill", [InterruptIgnored(process.Id) ? "-TERM" : "-INT", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await interrupt!.WaitForExitAsync(Ct);
            await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }

        Assert.True(process.ExitCode == 0, await stderr);
        lock (lines)
        {
            Assert.Contains("Đang dừng…", lines);
            Assert.Contains(lines, l => l.StartsWith("Máy chủ web cục bộ trả lời sau", StringComparison.Ordinal));
        }
        Assert.True(await FreePort.AcceptsAsync(services.Smtp4dev.SmtpPort, Ct));
        Assert.True(await FreePort.AcceptsAsync(services.Azurite.TablePort, Ct));
    }

    [Fact]
    public async Task A_bad_as_of_date_exits_2_with_one_line()
    {
        var result = await CliProcess.RunAsync("up", "--once", "--as-of", "24/03/2023");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("tdkt: --as-of “24/03/2023” không phải ngày dạng YYYY-MM-DD (ví dụ 2023-03-24).", result.StdErr.Trim());
    }

    /// <summary>Whether SIGINT is ignored in process <paramref name="pid"/> (bit 2 of SigIgn in /proc/PID/status).</summary>
    private static bool InterruptIgnored(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x2) != 0;
    }

    [GeneratedRegex("http://localhost:[0-9]+/console/signin/[A-Za-z0-9_-]{43}")]
    private static partial Regex ConsoleLinkPattern();

    [GeneratedRegex("Trang nhiệm vụ của Sở Nội vụ: +(\\S+)")]
    private static partial Regex LinkPattern();
}
