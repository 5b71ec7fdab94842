using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Faults;

/// <summary>
/// Storage becomes unreachable (the network to it cut by a relay, storage itself untouched) while agencies are
/// confirming tasks: they get a Vietnamese "try again" page, a confirmation that was answered as recorded is never
/// lost, and once people press again every completion is recorded once, audit and due-date index included.
/// </summary>
public sealed partial class CompletionFaultTests(LocalServices services)
{
    private const int Clients = 6;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Storage_cut_while_agencies_confirm_nothing_confirmed_is_lost_and_each_is_recorded_once()
    {
        await using var proxy = new TcpProxy(services.Azurite.TablePort);
        await using var web = await StartBehindAsync(proxy);
        var tokens = web.Get<LinkTokens>();
        var paths = web.Plan.Assignments.Select(a => a.Agency.Value).Distinct().ToDictionary(a => a, web.PagePath, StringComparer.Ordinal);
        var work = web.Plan.Assignments.Select(a => (Agency: a.Agency.Value, Task: new TaskRef(web.Plan.Id, a.Task.Key))).ToList();

        var answers = new ConcurrentBag<(string Assignment, HttpStatusCode Status, string Outcome)>();
        var unavailablePages = new ConcurrentBag<string>();
        var next = -1;
        var cutter = Task.Run(async () =>
        {
            while (answers.Count < 20)
            {
                await Task.Delay(20, Ct);
            }
            proxy.Cut();
            // Storage stays cut until every client has met the outage (an answer 503), for at most 8 s.
            var until = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(8);
            while (answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable) < Clients && DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(50, Ct);
            }
            proxy.Restore();
        }, Ct);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count)
            {
                var (agency, task) = work[i];
                var proof = tokens.CreateFormProof(WebScenario.TokenOf(paths[agency]));
                // A person presses again until the page says it is recorded.
                while (true)
                {
                    using var response = await web.PostAsync(paths[agency], task, proof: proof);
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var outcome = location.Contains("m=done", StringComparison.Ordinal) ? "done" : location.Contains("m=again", StringComparison.Ordinal) ? "again" : "";
                    answers.Add((task.AssignmentKey(agency), response.StatusCode, outcome));
                    if (response.StatusCode == HttpStatusCode.SeeOther)
                    {
                        break;
                    }
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                    Assert.Equal("60", response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    unavailablePages.Add(await response.Content.ReadAsStringAsync(Ct));
                    await Task.Delay(300, Ct);
                }
            }
        }));
        await cutter;

        var unavailable = answers.Count(a => a.Status == HttpStatusCode.ServiceUnavailable);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{work.Count} assignments, {answers.Count} posts: {unavailable} answered 503 while storage was cut ({proxy.Refused} connections refused), " +
            $"{answers.Count(a => a.Outcome == "done")} recorded, {answers.Count(a => a.Outcome == "again")} already recorded");
        Assert.True(unavailable > 0, "the cut should have reached some confirmations");
        Assert.All(unavailablePages, html => Assert.Contains("Hệ thống tạm thời gián đoạn", html, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { HttpStatusCode.SeeOther, HttpStatusCode.ServiceUnavailable }));
        Assert.All(answers.GroupBy(a => a.Assignment), g => Assert.InRange(g.Count(a => a.Outcome == "done"), 0, 1));

        await AssertEachRecordedOnceAsync(web.Host.Services, work);
    }

    [Fact]
    public async Task With_storage_cut_the_page_and_the_admin_routes_say_to_try_again_and_work_once_it_is_back()
    {
        await using var proxy = new TcpProxy(services.Azurite.TablePort);
        await using var web = await StartBehindAsync(proxy);
        var page = web.PagePath("so-noi-vu");
        var report = $"api/plans/{web.Plan.Id}/report?format=json&code={WebScenario.AdminKey}";
        var outbox = $"api/outbox?code={WebScenario.AdminKey}";

        proxy.Cut();
        var pageDown = await web.Http.GetAsync(page, Ct);
        var reportDown = await web.Http.GetAsync(report, Ct);
        var outboxDown = await web.Http.GetAsync(outbox, Ct);
        proxy.Restore();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageDown.StatusCode);
        Assert.Contains("Hệ thống tạm thời gián đoạn", await pageDown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        foreach (var down in new[] { reportDown, outboxDown })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), down.Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Chưa truy cập được kho dữ liệu", await down.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(page, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(report, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(outbox, Ct)).StatusCode);
    }

    [Fact]
    public async Task Host_killed_while_agencies_confirm_nothing_confirmed_is_lost_and_each_is_recorded_once()
    {
        var prefix = TestHost.UniquePrefix();
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = prefix,
            ["Tdkt__Mail__Smtp__Port"] = services.Smtp4dev.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Tdkt__Mail__From"] = $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org",
            ["Tdkt__Mail__DispatchQueue"] = "t" + Guid.NewGuid().ToString("N")[..12],
            ["Tdkt__Links__SigningKeys"] = WebScenario.SigningKeys,
            ["Tdkt__LocalHost__AdminKey"] = "fault-test-admin-key",
        };
        var started = new ConcurrentBag<Process>();
        var host = await StartUpAsync(environment, port, started);
        var link = host.Link;
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(1) });
        var proof = WebScenario.ProofIn(await http.GetStringAsync(link, Ct));
        var plan = Samples.Plan();
        var work = plan.Assignments.Where(a => a.Agency.Value == "so-noi-vu").Select(a => (Agency: "so-noi-vu", Task: new TaskRef(plan.Id, a.Task.Key))).ToList();

        var answers = new ConcurrentBag<(string Assignment, string Outcome)>();
        var next = -1;
        var killed = 0;
        Task? restarted = null;
        // The client whose answer is the 8th kills the host there and then, so the other posts meet a dead host.
        void KillAfterEighthAnswer()
        {
            if (answers.Count >= 8 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                host.Process.Kill(entireProcessTree: true);
                host.Process.WaitForExit();
                restarted = StartUpAsync(environment, port, started);
            }
        }
        Task PostAllAsync() => Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < work.Count)
            {
                var (agency, task) = work[i];
                while (true)
                {
                    try
                    {
                        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["proof"] = proof, ["name"] = "Nguyễn Văn An" });
                        using var response = await http.PostAsync($"{link}/tasks/{task}/complete", content, Ct);
                        var location = response.Headers.Location?.OriginalString ?? "";
                        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{task}: {(int)response.StatusCode}");
                        var outcome = location.Contains("m=done", StringComparison.Ordinal) ? "done"
                            : location.Contains("m=again", StringComparison.Ordinal) ? "again" : "unexpected " + location;
                        answers.Add((task.AssignmentKey(agency), outcome));
                        KillAfterEighthAnswer();
                        break;
                    }
                    catch (HttpRequestException)
                    {
                        // The host died under the request, or is not back yet: the person presses again a moment later.
                        // A host that did not come back fails the test with why, instead of pressing for ever.
                        if (restarted is { IsCompleted: true, IsCompletedSuccessfully: false })
                        {
                            await restarted;
                        }
                        answers.Add((task.AssignmentKey(agency), "no answer"));
                        await Task.Delay(300, Ct);
                    }
                }
            }
        }));
        try
        {
            await PostAllAsync();
            await restarted!;
        }
        finally
        {
            // Also when the test fails: no tdkt up left behind.
            foreach (var process in started)
            {
                await StopAsync(process);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{work.Count} assignments, {answers.Count} posts: {answers.Count(a => a.Outcome == "no answer")} without answer around the kill, " +
            $"{answers.Count(a => a.Outcome == "done")} recorded, {answers.Count(a => a.Outcome == "again")} already recorded");
        Assert.Contains(answers, a => a.Outcome == "no answer");
        Assert.DoesNotContain(answers, a => a.Outcome.StartsWith("unexpected", StringComparison.Ordinal));
        Assert.All(answers.GroupBy(a => a.Assignment), g => Assert.InRange(g.Count(a => a.Outcome == "done"), 0, 1));
        await using var provider = TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 3, 24, 1, 0),
            new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix });
        await AssertEachRecordedOnceAsync(provider, work);
    }

    /// <summary>The web scenario with its table traffic going through <paramref name="proxy"/>, so a test can cut it.</summary>
    private Task<WebScenario> StartBehindAsync(TcpProxy proxy) => WebScenario.StartAsync(services, new Dictionary<string, string?>
    {
        ["Tdkt:Storage:ConnectionString"] =
            services.Azurite.ConnectionString.Replace($":{services.Azurite.TablePort}/", $":{proxy.Port}/", StringComparison.Ordinal),
    });

    /// <summary>Every assignment done, with exactly one completion in the audit, and open in the due-date index nowhere.</summary>
    private static async Task AssertEachRecordedOnceAsync(IServiceProvider provider, List<(string Agency, TaskRef Task)> work)
    {
        var plan = work[0].Task.Plan.Value;
        var store = provider.GetRequiredService<CompletionStore>();
        foreach (var (agency, task) in work)
        {
            var record = await store.GetAsync(plan, task.AssignmentKey(agency), Ct);
            Assert.True(record is { Done: true }, $"{task.AssignmentKey(agency)} is not recorded as done");
        }
        var audit = await provider.GetRequiredService<AuditLog>().ListAsync(plan, Ct);
        Assert.Equal(work.Select(w => w.Task.AssignmentKey(w.Agency)).Order(StringComparer.Ordinal),
            audit.Where(e => e.Action == AuditLog.Actions.Complete).Select(e => e.Assignment).Order(StringComparer.Ordinal));
        var index = provider.GetRequiredService<DueIndex>();
        var keys = work.Select(w => DueEntry.RowKeyFor(plan, w.Task.AssignmentKey(w.Agency))).ToHashSet(StringComparer.Ordinal);
        var open = new List<string>();
        foreach (var due in Samples.Plan().Tasks.Select(t => t.Deadline.Due).Distinct())
        {
            await foreach (var entry in index.ReadAsync(due, Ct))
            {
                if (keys.Contains(entry.RowKey) && !entry.Done)
                {
                    open.Add(entry.RowKey);
                }
            }
        }
        Assert.Empty(open);
    }

    private sealed record UpProcess(Process Process, string Link);

    /// <summary>Starts <c>tdkt up</c> on <paramref name="port"/> against the test's services and waits for the link it prints.</summary>
    private static async Task<UpProcess> StartUpAsync(Dictionary<string, string> environment, int port, ConcurrentBag<Process> started)
    {
        var process = CliProcess.Start(environment, "up", "--as-of", "2023-03-24", "--port", port.ToString(CultureInfo.InvariantCulture));
        started.Add(process);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = TestContext.Current.TestOutputHelper;
        void Note(string line)
        {
            try
            {
                output?.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // A line that comes after the test has ended.
            }
        }
        var run = started.Count;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            Note($"up #{run}: {e.Data}");
            if (LinkPattern().Match(e.Data) is { Success: true } m)
            {
                ready.TrySetResult(m.Groups[1].Value);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Note($"up #{run} stderr: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var link = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        return new UpProcess(process, link.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    private static async Task StopAsync(Process process)
    {
        using (process)
        {
            if (process.HasExited)
            {
                return;
            }
            using var stop = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            await stop!.WaitForExitAsync(Ct);
            await process.WaitForExitAsync(Ct).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    [GeneratedRegex("Trang nhiệm vụ của Sở Nội vụ: +(\\S+)")]
    private static partial Regex LinkPattern();
}
