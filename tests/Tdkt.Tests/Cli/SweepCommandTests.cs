using System.Text.Json;
using Tdkt.Clock;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Cli;

/// <summary>`tdkt sweep`, run in process, against the test Azurite.</summary>
public sealed class SweepCommandTests(LocalServices services)
{
    private readonly Dictionary<string, string> environment = new()
    {
        ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
        ["Tdkt__Storage__Prefix"] = TestHost.UniquePrefix(),
    };

    private async Task LoadActivePlanAsync()
    {
        Assert.Equal(0, (await CliInProcess.RunAsync(environment, "plan", "import", Samples.PlanTextPath, "--agencies", Samples.DirectoryPath)).ExitCode);
        Assert.Equal(0, (await CliInProcess.RunAsync(environment, "plan", "activate", "2023-252-kh-ubnd")).ExitCode);
    }

    [Fact]
    public async Task Sweep_json_prints_the_documented_shape_and_a_dry_run_writes_nothing()
    {
        await LoadActivePlanAsync();

        var dry = await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-03-24", "--dry-run", "--json");

        Assert.Equal(0, dry.ExitCode);
        using var json = JsonDocument.Parse(dry.StdOut);
        Assert.Equal("2023-03-24", json.RootElement.GetProperty("date").GetString());
        Assert.True(json.RootElement.GetProperty("workingDay").GetBoolean());
        var digest = json.RootElement.GetProperty("digests").EnumerateArray().Single(d => d.GetProperty("agency").GetString() == "so-noi-vu");
        Assert.Equal(["so-noi-vu@example.org"], digest.GetProperty("to").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["phong-tdkt.so-noi-vu@example.org"], digest.GetProperty("cc").EnumerateArray().Select(e => e.GetString()));
        var notice = digest.GetProperty("notices")[0];
        Assert.Equal(("2023-252-kh-ubnd", "1", "upcoming", "2023-03-31"),
            (notice.GetProperty("plan").GetString(), notice.GetProperty("task").GetString(), notice.GetProperty("kind").GetString(), notice.GetProperty("due").GetString()));
        Assert.Equal(0, json.RootElement.GetProperty("created").GetInt32());

        var real = await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-03-24", "--json");
        using var written = JsonDocument.Parse(real.StdOut);
        Assert.Equal(json.RootElement.GetProperty("digests").GetArrayLength(), written.RootElement.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task Sweep_on_a_day_off_says_so_in_Vietnamese_and_a_bad_date_exits_2()
    {
        await LoadActivePlanAsync();

        var holiday = await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-01-23");
        Assert.Equal(0, holiday.ExitCode);
        Assert.Contains("Thứ Hai, 23/01/2023: ngày nghỉ, không gửi nhắc việc.", holiday.StdOut, StringComparison.Ordinal);

        var human = await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-03-24", "--dry-run");
        Assert.Contains("Thứ Sáu, 24/03/2023: 7 thư nhắc việc", human.StdOut, StringComparison.Ordinal);
        Assert.Contains("sắp đến hạn", human.StdOut, StringComparison.Ordinal);

        var bad = await CliInProcess.RunAsync(environment, "sweep", "--date", "24/03/2023");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("tdkt: --date “24/03/2023” không hợp lệ: dùng dạng yyyy-MM-dd, ví dụ 2023-03-24", bad.StdErr.Trim());
    }

    [Fact]
    public async Task A_task_with_its_own_reminder_policy_is_reminded_by_it_and_a_bad_policy_exits_2()
    {
        await LoadActivePlanAsync();

        var set = await CliInProcess.RunAsync(environment, "plan", "reminders", "2023-252-kh-ubnd", "--task", "1", "--before", "10");
        Assert.Equal(0, set.ExitCode);
        Assert.Contains("Nhiệm vụ 1 của kế hoạch 2023-252-kh-ubnd (đã lưu): gửi danh sách đầu quý; nhắc trước hạn 10 ngày làm việc;", set.StdOut, StringComparison.Ordinal);

        // 17/03/2023 is 10 working days before 31/03: only task 1 speaks; on 24/03 task 1 is silent.
        using var tenBefore = JsonDocument.Parse((await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-03-17", "--dry-run", "--json")).StdOut);
        using var fiveBefore = JsonDocument.Parse((await CliInProcess.RunAsync(environment, "sweep", "--date", "2023-03-24", "--dry-run", "--json")).StdOut);
        static IEnumerable<string?> Tasks(JsonDocument json, string kind) => json.RootElement.GetProperty("digests").EnumerateArray()
            .SelectMany(d => d.GetProperty("notices").EnumerateArray()).Where(n => n.GetProperty("kind").GetString() == kind)
            .Select(n => n.GetProperty("task").GetString()).Distinct();
        Assert.Equal(["1"], Tasks(tenBefore, "upcoming"));
        Assert.DoesNotContain("1", Tasks(fiveBefore, "upcoming"));
        Assert.Contains("2", Tasks(fiveBefore, "upcoming"));

        var bad = await CliInProcess.RunAsync(environment, "plan", "reminders", "2023-252-kh-ubnd", "--overdue-every", "0");
        Assert.Equal(2, bad.ExitCode);
        Assert.Equal("tdkt: Chu kỳ nhắc quá hạn phải từ 1 đến 30 ngày làm việc.", bad.StdErr.Trim());
        var unknown = await CliInProcess.RunAsync(environment, "plan", "reminders", "2023-252-kh-ubnd", "--task", "99");
        Assert.Equal("tdkt: kế hoạch 2023-252-kh-ubnd không có nhiệm vụ số “99”", unknown.StdErr.Trim());
    }

    [Fact]
    public async Task Status_shows_todays_sweep_run_and_the_outbox_by_state()
    {
        var today = new VietnamClock(NodaTime.SystemClock.Instance).Today;
        Assert.Equal(0, (await CliInProcess.RunAsync(environment, "sweep")).ExitCode);

        var status = await CliInProcess.RunAsync(environment, "status");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains($"Hôm nay: {VietnamTime.Format(today)}.", status.StdOut, StringComparison.Ordinal);
        Assert.Matches($"- Quét ngày {System.Text.RegularExpressions.Regex.Escape(VietnamTime.ShortDate(today))} lúc \\d\\d:\\d\\d \\(cli\\): ", status.StdOut);
        Assert.Contains("Thư: 0 chờ gửi, 0 đang gửi, 0 đã gửi, 0 không gửi được.", status.StdOut, StringComparison.Ordinal);
        using var json = JsonDocument.Parse((await CliInProcess.RunAsync(environment, "status", "--json")).StdOut);
        Assert.Equal("cli", json.RootElement.GetProperty("runs")[0].GetProperty("trigger").GetString());
    }
}
