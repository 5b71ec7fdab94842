using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Cli.LocalHost;
using Tdkt.Hosting;
using Tdkt.Links;
using Tdkt.Mail;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Reminders;
using Tdkt.Storage;

namespace Tdkt.Cli.Up;

/// <summary>
/// What <c>tdkt up</c> does: settings (defaults for this machine, then functions/local.settings.json, then the
/// environment), the local services it needs, the sample directory and plan, then either one sweep and one
/// dispatch (--once) or the web host with the daily sweep and the dispatcher loop until Ctrl+C.
/// </summary>
public sealed class UpRunner(TextWriter output, TextWriter error)
{
    public const int SmtpPort = 2525;
    public const int InboxPort = 5080;
    private const string SampleAgency = "so-noi-vu";

    public async Task<int> RunAsync(LocalDate? asOf, int port, bool once, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var root = RepositoryRoot() ?? throw new InvalidOperationException(
            "không tìm thấy thư mục gốc của kho mã (có Tdkt.Functions.sln): hãy chạy `tdkt up` trong kho mã.");
        var settings = new LocalSettings(Path.Combine(root, "functions", "local.settings.json"));
        if (Environment.GetEnvironmentVariable(LocalSettings.AdminKey) is null || Environment.GetEnvironmentVariable(LocalSettings.SigningKeys) is null)
        {
            foreach (var generated in settings.EnsureKeys())
            {
                await output.WriteLineAsync($"Đã tạo {generated} trong functions/local.settings.json (dùng lại ở các lần sau).");
            }
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tdkt:Mail:Channel"] = "Smtp",
                ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
                ["Tdkt:Mail:Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Tdkt:Mail:Smtp:Security"] = "None",
                ["Tdkt:Mail:From"] = "nhac-viec@example.org",
                ["Tdkt:Links:BaseUrl"] = $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}",
            })
            .AddInMemoryCollection(settings.Read())
            .AddEnvironmentVariables()
            .Build();
        var adminKey = configuration["Tdkt:LocalHost:AdminKey"] ?? throw new InvalidOperationException("thiếu Tdkt__LocalHost__AdminKey.");

        await using var processes = new LocalServiceProcesses(root, output);
        var storage = configuration["Tdkt:Storage:ConnectionString"];
        if (string.IsNullOrEmpty(configuration["Tdkt:Storage:TableEndpoint"]) && storage is null or StorageOptions.AzuriteDevelopmentConnection or "UseDevelopmentStorage=true")
        {
            await processes.EnsureAzuriteAsync(cancellationToken);
        }
        else
        {
            await output.WriteLineAsync("Dùng kho dữ liệu đã cấu hình (Tdkt__Storage__…).");
        }
        var smtpHost = configuration["Tdkt:Mail:Smtp:Host"];
        var inbox = false;
        if (configuration["Tdkt:Mail:Channel"] == "Smtp" && smtpHost is "127.0.0.1" or "localhost")
        {
            await processes.EnsureSmtp4devAsync(int.Parse(configuration["Tdkt:Mail:Smtp:Port"]!, CultureInfo.InvariantCulture), InboxPort, cancellationToken);
            inbox = await LocalPorts.AcceptsAsync(InboxPort, cancellationToken);
        }

        IClock clock = asOf is { } date
            ? new ShiftedClock(SystemClock.Instance, date.At(new LocalTime(8, 0)).InZoneStrictly(VietnamTime.Zone).ToInstant())
            : SystemClock.Instance;
        void Replace(IServiceCollection services) => services.AddSingleton(clock);

        if (once)
        {
            var collection = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
            Replace(collection);
            await using var services = collection.AddTdkt(configuration).BuildServiceProvider();
            await SeedAsync(services, root, cancellationToken);
            var today = VietnamTime.Today(clock);
            var sweep = await services.GetRequiredService<ReminderSweep>().RunAsync(today, false, "tdkt-up", cancellationToken);
            var pass = await services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(4, cancellationToken);
            await output.WriteLineAsync(
                $"{VietnamTime.Format(today)}: tạo {sweep.Created} thư, đã gửi {pass.Sent}, lỗi {pass.Failed}, chờ gửi lại {pass.Retrying}.");
            return sweep.Errors.Count == 0 && pass.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }

        await using var host = await LocalWebHost.StartAsync(configuration, port, adminKey, Replace,
            logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning), cancellationToken);
        using (var probe = new HttpClient { BaseAddress = host.Address })
        {
            (await probe.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken)).EnsureSuccessStatusCode();
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Máy chủ web cục bộ trả lời sau {started.Elapsed.TotalSeconds:0.0} giây kể từ khi khởi động: {host.Address}"));
        var plan = await SeedAsync(host.Services, root, cancellationToken);
        var link = host.Services.GetRequiredService<AgencyLinks>().LinkFor(SampleAgency, VietnamTime.Today(clock));
        var baseUrl = host.Services.GetRequiredService<IOptions<LinkOptions>>().Value.BaseUrl!.TrimEnd('/');
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Hôm nay (theo đồng hồ của hệ thống): {VietnamTime.Format(VietnamTime.Today(clock))}.");
        if (inbox)
        {
            await output.WriteLineAsync($"Hộp thư (smtp4dev):               http://127.0.0.1:{InboxPort}/");
        }
        await output.WriteLineAsync($"Báo cáo tiến độ (quản trị):       {baseUrl}/api/plans/{plan.Id}/report?format=html&code={adminKey}");
        await output.WriteLineAsync($"Trang nhiệm vụ của Sở Nội vụ:     {link}");
        await output.WriteLineAsync("Nhấn Ctrl+C để dừng (chỉ dừng những gì lệnh này đã khởi động).");
        await output.WriteLineAsync();

        var sweeps = SweepLoopAsync(host.Services, clock, configuration["Tdkt:Sweep:Schedule"], cancellationToken);
        var dispatch = host.Services.GetRequiredService<MailDispatcher>().RunAsync(TimeSpan.FromSeconds(10), 4, pass =>
        {
            if (pass.Sent + pass.Retrying + pass.Failed > 0)
            {
                output.WriteLine($"Đã gửi {pass.Sent} thư; {pass.Retrying} thư sẽ gửi lại sau; {pass.Failed} thư không gửi được.");
            }
        }, cancellationToken);
        try
        {
            await Task.WhenAll(sweeps, dispatch);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        await output.WriteLineAsync("Đang dừng…");
        return ExitCodes.Ok;
    }

    /// <summary>The sample directory and the 2023 Lạng Sơn plan, stored (unchanged ones are left as they are) and active.</summary>
    private async Task<Plan> SeedAsync(IServiceProvider services, string root, CancellationToken cancellationToken)
    {
        var agenciesFile = Path.Combine(root, "samples", "agencies", "lang-son.yaml");
        var directory = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(agenciesFile, cancellationToken), "samples/agencies/lang-son.yaml");
        if (directory.Directory is null)
        {
            throw new InvalidOperationException($"samples/agencies/lang-son.yaml: {directory.Errors[0].Message}");
        }
        await services.GetRequiredService<AgencyStore>().SaveAsync(directory.Directory, cancellationToken);
        var planFile = Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt");
        var built = PlanImporter.Import(await File.ReadAllBytesAsync(planFile, cancellationToken), Path.GetFileName(planFile), directory.Directory);
        if (!built.IsValid)
        {
            throw new InvalidOperationException($"{planFile}: {built.Errors[0].Message}");
        }
        var plans = services.GetRequiredService<PlanStore>();
        var outcome = await plans.SaveAsync(built.Plan!, cancellationToken);
        if (await plans.GetSummaryAsync(built.Plan!.Id, cancellationToken) is not { Status: PlanStatus.Active })
        {
            await plans.SetStatusAsync(built.Plan.Id, PlanStatus.Active, cancellationToken);
        }
        await output.WriteLineAsync(
            $"Kế hoạch số {built.Plan.Number}: {(outcome == PlanSaveOutcome.Unchanged ? "đã có sẵn" : "đã nạp")} ({built.Plan.Tasks.Count} nhiệm vụ, {built.Plan.Assignments.Count()} phần việc), đang thực hiện; danh bạ {directory.Directory.Agencies.Count} cơ quan.");
        return built.Plan;
    }

    /// <summary>
    /// The Sweep function's timer on this machine: once now (as a past-due timer would, covering missed working
    /// days), then at each occurrence of the daily schedule (seconds minutes hours in UTC, e.g. "0 0 1 * * *").
    /// </summary>
    private async Task SweepLoopAsync(IServiceProvider services, IClock clock, string? schedule, CancellationToken cancellationToken)
    {
        var at = DailyTime(schedule ?? "0 0 1 * * *");
        var sweep = services.GetRequiredService<ReminderSweep>();
        var trigger = "tdkt-up";
        while (!cancellationToken.IsCancellationRequested)
        {
            var today = VietnamTime.Today(clock);
            try
            {
                var result = await sweep.RunAsync(today, false, trigger, cancellationToken);
                await output.WriteLineAsync(result.WorkingDay
                    ? $"Quét nhắc việc {VietnamTime.Format(today)}: {result.Created} thư mới ({result.Notices} nhiệm vụ)."
                    : $"{VietnamTime.Format(today)}: ngày nghỉ, không gửi nhắc việc.");
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or HttpRequestException)
            {
                await error.WriteLineAsync($"tdkt: lượt quét {VietnamTime.ShortDate(today)} chưa chạy được: {ex.Message.Split('\n')[0]}");
            }
            var now = clock.GetCurrentInstant();
            var next = now.InUtc().Date.At(at).InUtc().ToInstant();
            if (next <= now)
            {
                next += Duration.FromDays(1);
            }
            trigger = "timer";
            await Task.Delay((next - now).ToTimeSpan(), cancellationToken);
        }
    }

    /// <summary>The UTC time of day of a daily NCRONTAB schedule "s m h * * *".</summary>
    private static LocalTime DailyTime(string schedule)
    {
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields is [var s, var m, var h, "*", "*", "*"] && int.TryParse(s, out var second) && int.TryParse(m, out var minute) && int.TryParse(h, out var hour)
            && second is >= 0 and < 60 && minute is >= 0 and < 60 && hour is >= 0 and < 24)
        {
            return new LocalTime(hour, minute, second);
        }
        throw new InvalidOperationException($"Tdkt:Sweep:Schedule “{schedule}”: tdkt up chỉ chạy lịch hằng ngày dạng “giây phút giờ * * *” (giờ UTC).");
    }

    private static string? RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Tdkt.Functions.sln")) && Directory.Exists(Path.Combine(dir.FullName, "samples")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}
