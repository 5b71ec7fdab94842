using System.Globalization;
using Tdkt.Cli;
using Tdkt.Hosting;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Cli;

/// <summary>
/// Long commands show a progress line on a terminal (a real pseudo-terminal, through util-linux <c>script</c>), erase it
/// before their result, and show nothing when stderr is redirected or the output is JSON.
/// </summary>
public sealed class ProgressTests(LocalServices services)
{
    private const string Erase = "\r\u001b[K";

    private readonly Dictionary<string, string> environment = new()
    {
        ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
        ["Tdkt__Mail__From"] = $"tien-do-{Guid.NewGuid():N}"[..20] + "@example.org",
        ["Tdkt__Mail__Smtp__Port"] = services.Smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
        ["Tdkt__Mail__DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
    };

    [Fact]
    public async Task On_a_terminal_import_sweep_and_dispatch_show_how_far_they_got_then_erase_the_line()
    {
        var import = await CliProcess.RunInTerminalAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath);
        Assert.Equal(0, import.ExitCode);
        // 27 tasks, 101 assignments and their 101 index rows.
        AssertShownThenErased(import.StdOut, "Lưu kế hoạch: 229/229 dòng (100 %)", "Kế hoạch số 252/KH-UBND");

        Assert.Equal(0, (await CliProcess.RunAsync(environment, "plan", "activate", "2023-252-kh-ubnd")).ExitCode);
        var sweep = await CliProcess.RunInTerminalAsync(environment, "sweep", "--date", "2023-03-24");
        Assert.Equal(0, sweep.ExitCode);
        Assert.Contains("Đọc chỉ mục hạn: 31 dòng", sweep.StdOut, StringComparison.Ordinal);
        AssertShownThenErased(sweep.StdOut, "Ghi thư vào hàng đợi gửi: 7/7 thư (100 %)", "Thứ Sáu, 24/03/2023: 7 thư nhắc việc");

        var dispatch = await CliProcess.RunInTerminalAsync(environment, "dispatch");
        Assert.Equal(0, dispatch.ExitCode);
        AssertShownThenErased(dispatch.StdOut, "Gửi thư: 7/7 thư (100 %)", "Đã gửi 7 thư; 0 thư sẽ gửi lại sau; 0 thư không gửi được.");
    }

    [Fact]
    public async Task Redirected_stderr_and_json_output_carry_no_progress()
    {
        var import = await CliProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath);
        Assert.Equal((0, ""), (import.ExitCode, import.StdErr));
        Assert.Equal(0, (await CliProcess.RunAsync(environment, "plan", "activate", "2023-252-kh-ubnd")).ExitCode);

        var sweep = await CliProcess.RunAsync(environment, "sweep", "--date", "2023-03-24", "--dry-run");
        Assert.Equal((0, ""), (sweep.ExitCode, sweep.StdErr));
        var json = await CliProcess.RunInTerminalAsync(environment, "sweep", "--date", "2023-03-24", "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"created\": 7", json.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Đọc chỉ mục hạn", json.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi thư", json.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void The_line_is_redrawn_at_most_ten_times_a_second_and_a_new_stage_shows_at_once()
    {
        using var error = new StringWriter();
        using (var progress = new ConsoleProgress(error))
        {
            var counter = ProgressCounter.For(progress, "Gửi thư", "thư", 100_000)!;
            for (var i = 0; i < 100_000; i++)
            {
                counter.Add(1);
            }
            ProgressCounter.For(progress, "Đọc chỉ mục hạn", "dòng")!.Set(12_345);
        }

        var draws = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(draws.Length, 3, 30);
        Assert.StartsWith("Gửi thư: 1/100.000 thư (0 %)", draws[0], StringComparison.Ordinal);
        // The first stage is seen to finish before the next one replaces it, though its last report fell between redraws.
        Assert.Equal("Gửi thư: 100.000/100.000 thư (100 %)\u001b[K", draws[^3]);
        Assert.Equal("Đọc chỉ mục hạn: 12.345 dòng\u001b[K", draws[^2]);
        Assert.Equal("\u001b[K", draws[^1]);
    }

    [Fact]
    public void Reports_arriving_out_of_order_never_take_the_line_backwards()
    {
        using var error = new StringWriter();
        using (var progress = new ConsoleProgress(error))
        {
            ((IProgress<WorkProgress>)progress).Report(new WorkProgress("Lưu kế hoạch", 229, 229, "dòng"));
            ((IProgress<WorkProgress>)progress).Report(new WorkProgress("Lưu kế hoạch", 200, 229, "dòng"));
        }

        var draws = error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Lưu kế hoạch: 229/229 dòng (100 %)\u001b[K", draws[^2]);
    }

    [Fact]
    public void Figures_read_the_Vietnamese_way()
    {
        Assert.Equal("Lưu kế hoạch: 3.400/10.200 dòng (33 %)", ConsoleProgress.Describe(new WorkProgress("Lưu kế hoạch", 3_400, 10_200, "dòng")));
        Assert.Equal("Lưu kế hoạch…", ConsoleProgress.Describe(new WorkProgress("Lưu kế hoạch", 0, 0, "dòng")));
        Assert.Equal("Đọc chỉ mục hạn: 1.000.000 dòng", ConsoleProgress.Describe(new WorkProgress("Đọc chỉ mục hạn", 1_000_000, null, "dòng")));
    }

    /// <summary>The final figures were on screen, and the line was erased before the result was printed.</summary>
    private static void AssertShownThenErased(string terminal, string progress, string result)
    {
        var shown = terminal.LastIndexOf("\r" + progress + "\u001b[K", StringComparison.Ordinal);
        var erased = terminal.IndexOf(Erase, shown + 1, StringComparison.Ordinal);
        var printed = terminal.IndexOf(result, StringComparison.Ordinal);
        Assert.True(shown >= 0 && erased > shown && printed > erased,
            $"expected “{progress}”, then the erase, then “{result}”; the terminal showed:\n{terminal.Replace("\u001b", "^[", StringComparison.Ordinal)}");
    }
}
