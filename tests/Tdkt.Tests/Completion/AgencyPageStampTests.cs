using System.Net;
using Tdkt.Assignments;
using Tdkt.Plans;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Completion;

/// <summary>
/// The agency page keeps the copies it read under the agency's stamp and answers from them while the stamp is
/// unchanged. Two hosts share one storage account, as instances of the function app do: whatever one host writes,
/// the other's next page shows.
/// </summary>
public sealed class AgencyPageStampTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_kept_by_one_host_shows_the_completion_undo_and_reimport_made_through_another()
    {
        var prefix = TestHost.UniquePrefix();
        await using var reader = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix });
        await using var writer = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix }, withPlan: false, withDirectory: false);
        var page = reader.PagePath("so-noi-vu");

        var first = await reader.PageAsync(page);
        var kept = await reader.PageAsync(page);
        Assert.Equal(first, kept);
        Assert.NotNull(await KeptAsync(reader));

        Assert.Equal(HttpStatusCode.SeeOther, (await writer.PostAsync(page, writer.Task("2"), note: "Công văn số 45/SNV")).StatusCode);
        var afterCompletion = WebUtility.HtmlDecode(await reader.PageAsync(page));
        writer.Clock.Advance(NodaTime.Duration.FromSeconds(1));
        Assert.Equal(HttpStatusCode.SeeOther, (await writer.PostAsync(page, writer.Task("2"), action: "undo")).StatusCode);
        var afterUndo = WebUtility.HtmlDecode(await reader.PageAsync(page));
        // A corrected plan gives task 2 to UBND tỉnh alone: Sở Nội vụ's copy is marked removed, and its page drops the task.
        var revised = reader.Plan with
        {
            Tasks = reader.Plan.Tasks.Select(t => t.Number == "2"
                ? t with { Content = t.Content + " (đã sửa theo văn bản điều chỉnh)", Agencies = t.Agencies.Where(a => a.Value != "so-noi-vu").ToValueList() }
                : t).ToValueList(),
        };
        await writer.Get<PlanStore>().SaveAsync(revised, Ct);
        var afterImport = WebUtility.HtmlDecode(await reader.PageAsync(page));

        Assert.DoesNotContain("Công văn số 45/SNV", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("Công văn số 45/SNV", afterCompletion, StringComparison.Ordinal);
        Assert.DoesNotContain("Công văn số 45/SNV", afterUndo, StringComparison.Ordinal);
        Assert.Contains("<span class=\"num\">Nhiệm vụ 2</span>", afterUndo, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"num\">Nhiệm vụ 2</span>", afterImport, StringComparison.Ordinal);
        Assert.Contains("<span class=\"num\">Nhiệm vụ 3</span>", afterImport, StringComparison.Ordinal);
        Assert.False((await reader.AssignmentAsync(reader.Task("2"), "so-noi-vu"))!.Done);

        async Task<IReadOnlyList<AssignmentRecord>?> KeptAsync(WebScenario web)
        {
            var table = await web.Get<StorageTables>().GetAsync(StorageTables.Assignments, Ct);
            var stamp = (await table.GetEntityAsync<Azure.Data.Tables.TableEntity>(web.Plan.Id.Value, AssignmentRows.AgencyVersionKey("so-noi-vu"), cancellationToken: Ct)).Value.GetString("V");
            return web.Get<AgencyRowCache>().Get(web.Plan.Id.Value, "so-noi-vu", stamp)?.Records;
        }
    }
}
