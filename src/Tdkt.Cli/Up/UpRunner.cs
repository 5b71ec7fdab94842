using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Links;
using Tdkt.Mail;
using Tdkt.Plans;
using Tdkt.Scheduling;
using Tdkt.SelfHost;
using Tdkt.Storage;
using Tdkt.Web.Telemetry;

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

    /// <summary>The local console's first administrator (Tdkt__Console__FirstAdmin sets another).</summary>
    public const string LocalAdmin = "quantri@example.org";

    public async Task<int> RunAsync(LocalDate? asOf, int port, bool once, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var root = RepositoryRoot() ?? throw new InvalidOperationException(
            "không tìm thấy thư mục gốc của kho mã (có Tdkt.Functions.sln): hãy chạy `tdkt up` trong kho mã.");
        var configuration = await ConfigureAsync(root, port);
        var adminKey = configuration["Tdkt:LocalHost:AdminKey"] ?? throw new InvalidOperationException("thiếu Tdkt__LocalHost__AdminKey.");

        await using var processes = new LocalServiceProcesses(root, output);
        var inbox = await StartLocalServicesAsync(processes, configuration, cancellationToken);

        IClock clock = asOf is { } date
            ? new ShiftedClock(SystemClock.Instance, date.At(new LocalTime(8, 0)).InZoneStrictly(VietnamTime.Zone).ToInstant())
            : SystemClock.Instance;
        void Replace(IServiceCollection services) => services.AddSingleton(clock);

        if (once)
        {
            return await RunOnceAsync(configuration, root, Replace, cancellationToken);
        }

        // A schedule the scheduler cannot read stops here, before anything is served.
        SweepScheduler.Parse(configuration["Tdkt:Sweep:Schedule"]);
        await using var host = await SelfHostedWeb.StartAsync(configuration, port, adminKey, Replace,
            logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning), cancellationToken);
        using (var probe = new HttpClient { BaseAddress = host.Address })
        {
            (await probe.GetAsync(new Uri("api/health", UriKind.Relative), cancellationToken)).EnsureSuccessStatusCode();
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Máy chủ web cục bộ trả lời sau {started.Elapsed.TotalSeconds:0.0} giây kể từ khi khởi động: {host.Address}"));
        var plan = await SeedAsync(host.Services, root, cancellationToken);
        await WelcomeAsync(host, configuration, plan, adminKey, inbox, cancellationToken);
        await ServeAsync(host, configuration, cancellationToken);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// What `tdkt up` runs with: the local defaults (smtp4dev, the sample's links, the first administrator), then
    /// functions/local.settings.json (its keys made on first use), then the environment.
    /// </summary>
    private async Task<IConfiguration> ConfigureAsync(string root, int port)
    {
        var settings = new LocalSettings(Path.Combine(root, "functions", "local.settings.json"));
        if (Environment.GetEnvironmentVariable(LocalSettings.AdminKey) is null || Environment.GetEnvironmentVariable(LocalSettings.SigningKeys) is null)
        {
            foreach (var generated in settings.EnsureKeys())
            {
                await output.WriteLineAsync($"Đã tạo {generated} trong functions/local.settings.json (dùng lại ở các lần sau).");
            }
        }
        return new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Tdkt:Mail:Channel"] = "Smtp",
                ["Tdkt:Mail:Smtp:Host"] = "127.0.0.1",
                ["Tdkt:Mail:Smtp:Port"] = SmtpPort.ToString(CultureInfo.InvariantCulture),
                ["Tdkt:Mail:Smtp:Security"] = "None",
                ["Tdkt:Mail:From"] = "nhac-viec@example.org",
                ["Tdkt:Links:BaseUrl"] = $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}",
                ["Tdkt:Console:FirstAdmin"] = LocalAdmin,
            })
            .AddInMemoryCollection(settings.Read())
            .AddEnvironmentVariables()
            .Build();
    }

    /// <summary>Azurite and smtp4dev when the configuration points at this machine; whether the inbox's page answers.</summary>
    private async Task<bool> StartLocalServicesAsync(LocalServiceProcesses processes, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var storage = configuration["Tdkt:Storage:ConnectionString"];
        if (string.IsNullOrEmpty(configuration["Tdkt:Storage:TableEndpoint"]) && storage is null or StorageOptions.AzuriteDevelopmentConnection or "UseDevelopmentStorage=true")
        {
            await processes.EnsureAzuriteAsync(cancellationToken);
        }
        else
        {
            await output.WriteLineAsync("Dùng kho dữ liệu đã cấu hình (Tdkt__Storage__…).");
        }
        if (configuration["Tdkt:Mail:Channel"] == "Smtp" && configuration["Tdkt:Mail:Smtp:Host"] is "127.0.0.1" or "localhost")
        {
            await processes.EnsureSmtp4devAsync(int.Parse(configuration["Tdkt:Mail:Smtp:Port"]!, CultureInfo.InvariantCulture), InboxPort, cancellationToken);
            return await LocalPorts.AcceptsAsync(InboxPort, cancellationToken);
        }
        return false;
    }

    /// <summary>`tdkt up --once`: the sample plan, today's sweep and one dispatch pass, then the figures; no server.</summary>
    private async Task<int> RunOnceAsync(IConfiguration configuration, string root, Action<IServiceCollection> replace, CancellationToken cancellationToken)
    {
        var collection = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        replace(collection);
        collection.AddOpenTelemetry().AddTdktTelemetry(configuration, "tdkt-up");
        await using var services = collection.AddTdkt(configuration).BuildServiceProvider();
        // No host starts them here: resolved, they listen; disposed with the services, they send what they hold.
        _ = services.GetService<OpenTelemetry.Trace.TracerProvider>();
        _ = services.GetService<OpenTelemetry.Metrics.MeterProvider>();
        await SeedAsync(services, root, cancellationToken);
        var day = services.GetRequiredService<VietnamClock>().Today;
        var sweep = await services.GetRequiredService<DailySweep>().RunTodayAsync(SweepTriggers.SelfHostStart, cancellationToken);
        var pass = await services.GetRequiredService<MailDispatcher>().DispatchPendingAsync(MailDispatcher.DefaultConcurrency, cancellationToken);
        await WarnAsync(services, cancellationToken);
        await output.WriteLineAsync(
            $"{VietnamTime.Format(day)}: tạo {sweep.Created} thư, đã gửi {pass.Sent}, lỗi {pass.Failed}, chờ gửi lại {pass.Retrying}.");
        return sweep.Errors.Count == 0 && pass.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }

    /// <summary>Where to look: today's date, the inbox, the console's sign-in link, the report and the sample agency's page.</summary>
    private async Task WelcomeAsync(SelfHostedWeb host, IConfiguration configuration, Plan plan, string adminKey, bool inbox, CancellationToken cancellationToken)
    {
        var today = host.Services.GetRequiredService<VietnamClock>().Today;
        var link = await host.Services.GetRequiredService<AgencyLinks>().LinkForAsync(SampleAgency, today, cancellationToken);
        var baseUrl = host.Services.GetRequiredService<IOptions<LinkOptions>>().Value.BaseUrl!.TrimEnd('/');
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Hôm nay (theo đồng hồ của hệ thống): {VietnamTime.Format(today)}.");
        if (inbox)
        {
            await output.WriteLineAsync($"Hộp thư (smtp4dev):               http://127.0.0.1:{InboxPort}/");
        }
        var admin = configuration["Tdkt:Console:FirstAdmin"] ?? LocalAdmin;
        if (await host.Services.GetRequiredService<Tdkt.Administration.SignInLinks>().CreateAsync(admin, cancellationToken) is { } signIn)
        {
            await output.WriteLineAsync($"Trang quản trị ({admin}, dùng một lần trong 15 phút; sau đó: tdkt admin link {admin}):");
            await output.WriteLineAsync($"                                  {Tdkt.Administration.SignInLinks.Url(baseUrl, signIn)}");
        }
        await output.WriteLineAsync($"Báo cáo tiến độ (quản trị):       {baseUrl}/api/plans/{plan.Id}/report?format=html&code={adminKey}");
        await output.WriteLineAsync($"Trang nhiệm vụ của Sở Nội vụ:     {link}");
        await WarnAsync(host.Services, cancellationToken);
        await output.WriteLineAsync("Nhấn Ctrl+C để dừng (chỉ dừng những gì lệnh này đã khởi động).");
        await output.WriteLineAsync();
    }

    /// <summary>The daily sweep on its schedule and the dispatcher every 10 seconds, until Ctrl+C or SIGTERM.</summary>
    private async Task ServeAsync(SelfHostedWeb host, IConfiguration configuration, CancellationToken cancellationToken)
    {
        // Ctrl+C or SIGTERM reaches this command's token, or the web host's own console lifetime first (it listens to the
        // same signals and stops the server): either one stops the loops, so the command always ends.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Stopping);
        cancellationToken = stopping.Token;
        var sweeps = new SweepScheduler(host.Services, output, error).RunAsync(configuration["Tdkt:Sweep:Schedule"], cancellationToken);
        var dispatch = host.Services.GetRequiredService<MailDispatcher>().RunAsync(TimeSpan.FromSeconds(10), MailDispatcher.DefaultConcurrency, pass =>
        {
            if (pass.Sent + pass.Retrying + pass.Failed > 0)
            {
                output.WriteLine(pass.Summary + (pass.LastError is { } lastError ? $" Lỗi gần nhất: {lastError}" : ""));
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
    }

    /// <summary>One line per condition that needs a person (no sweep today by 10:00, mail not sent), as <c>tdkt status</c> says them.</summary>
    private async Task WarnAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        foreach (var alarm in await services.GetRequiredService<Tdkt.Operations.OperationalChecks>().RunAsync(cancellationToken))
        {
            await output.WriteLineAsync($"Cảnh báo: {alarm.Message}");
        }
    }

    /// <summary>The sample directory and the 2023 Lạng Sơn plan, stored (unchanged ones are left as they are) and active.</summary>
    private async Task<Plan> SeedAsync(IServiceProvider services, string root, CancellationToken cancellationToken)
    {
        const string AgenciesFile = "samples/agencies/lang-son.yaml";
        var directory = AgencyDirectoryFile.Read(await File.ReadAllTextAsync(Path.Combine(root, AgenciesFile), cancellationToken), AgenciesFile);
        if (directory.Directory is null)
        {
            throw new InvalidOperationException($"{AgenciesFile}: {directory.Errors[0].Message}");
        }
        var planFile = Path.Combine(root, "samples", "plans", "lang-son-2023-252-kh-ubnd.txt");
        var imported = await services.GetRequiredService<PlanImport>().RunAsync(
            new PlanImportRequest(await File.ReadAllBytesAsync(planFile, cancellationToken), Path.GetFileName(planFile)) { Directory = directory.Directory },
            null, cancellationToken);
        if (imported.Plan is not { } plan || imported.Result != PlanImportResult.Saved)
        {
            throw new InvalidOperationException($"{planFile}: {(imported.Errors.Count > 0 ? imported.Errors[0].Message : imported.Message)}");
        }
        await services.GetRequiredService<PlanLifecycle>().EnsureActiveAsync(plan.Id.Value, cancellationToken);
        await output.WriteLineAsync(
            $"Kế hoạch số {plan.Number}: {(imported.Saved == PlanSaveOutcome.Unchanged ? "đã có sẵn" : "đã nạp")} ({plan.Tasks.Count} nhiệm vụ, {plan.Assignments.Count()} phần việc), đang thực hiện; danh bạ {directory.Directory.Agencies.Count} cơ quan.");
        return plan;
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
