using System.Collections.Concurrent;
using System.Net;
using Tdkt.Completion;
using Tdkt.Links;
using Tdkt.Reminders;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Faults;

/// <summary>
/// Storage becomes unreachable (the network to it cut by a relay, storage itself untouched) while agencies are
/// confirming tasks: they get a Vietnamese "try again" page, a confirmation that was answered as recorded is never
/// lost, and once people press again every completion is recorded once, audit and due-date index included.
/// </summary>
public sealed class CompletionFaultTests(LocalServices services)
{
    private const int Clients = 6;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Storage_cut_while_agencies_confirm_nothing_confirmed_is_lost_and_each_is_recorded_once()
    {
        await using var proxy = new TcpProxy(services.Azurite.TablePort);
        var throughProxy = services.Azurite.ConnectionString.Replace($":{services.Azurite.TablePort}/", $":{proxy.Port}/", StringComparison.Ordinal);
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:ConnectionString"] = throughProxy });
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
            await Task.Delay(TimeSpan.FromSeconds(8), Ct);
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

        var assignments = await web.AllAssignmentsAsync();
        Assert.Equal(work.Count, assignments.Count(r => r.Done));
        var audit = await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct);
        Assert.Equal(work.Select(w => w.Task.AssignmentKey(w.Agency)).Order(StringComparer.Ordinal),
            audit.Where(e => e.Action == AuditLog.Actions.Complete).Select(e => e.Assignment).Order(StringComparer.Ordinal));
        var index = web.Get<DueIndex>();
        var open = new List<string>();
        foreach (var due in web.Plan.Tasks.Select(t => t.Deadline.Due).Distinct())
        {
            await foreach (var entry in index.ReadAsync(due, Ct))
            {
                if (entry.Plan == web.Plan.Id.Value && !entry.Done)
                {
                    open.Add(entry.RowKey);
                }
            }
        }
        Assert.Empty(open);
    }
}
