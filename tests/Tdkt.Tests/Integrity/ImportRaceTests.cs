using System.Text;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tdkt.Assignments;
using Tdkt.Cli;
using Tdkt.Completion;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Storage;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// An import holds a lease on its plan: a second import of the plan meanwhile is refused ("đang có một lần nhập khác")
/// instead of mixing both versions; an activation or a completion made while an import writes is kept. Each case
/// holds the import's first storage transaction on the wire, does the other thing, then lets the import go on.
/// </summary>
public sealed class ImportRaceTests(LocalServices services)
{
    private static readonly PlanId Id = new("2023-252-kh-ubnd");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HeldBatches held = new();
    private readonly string prefix = TestHost.UniquePrefix();

    private ServiceProvider Start()
    {
        var options = new TableClientOptions();
        options.AddPolicy(held, HttpPipelinePosition.PerRetry);
        return TestHost.Services(services.Azurite.ConnectionString, Instant.FromUtc(2023, 3, 24, 1, 0),
            new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix },
            replace: s => s.AddSingleton(new TableServiceClient(services.Azurite.ConnectionString, options)));
    }

    /// <summary>The sample plan as YAML with task <paramref name="number"/>'s text changed.</summary>
    private static byte[] Version(string number, string content)
    {
        var plan = Samples.Plan();
        return Encoding.UTF8.GetBytes(CanonicalPlan.ToYaml(plan with
        {
            Tasks = plan.Tasks.Select(t => t.Number == number ? t with { Content = content } : t).ToValueList(),
        }));
    }

    private static async Task<ServiceProvider> StoredAsync(ServiceProvider provider)
    {
        await provider.GetRequiredService<Tdkt.Agencies.AgencyStore>().SaveAsync(Samples.Directory(), Ct);
        var first = await provider.GetRequiredService<PlanImport>().RunAsync(
            new PlanImportRequest(await File.ReadAllBytesAsync(Samples.PlanTextPath, Ct), "plan.txt"), null, Ct);
        Assert.Equal(PlanImportResult.Saved, first.Result);
        return provider;
    }

    /// <summary>Starts importing <paramref name="file"/>, waits until its first write to <paramref name="table"/> is on the wire, runs <paramref name="meanwhile"/>, then lets it finish.</summary>
    private async Task<PlanImportOutcome> ImportWhileAsync(ServiceProvider provider, byte[] file, string table, Func<Task> meanwhile, string containing = "")
    {
        var (entered, release) = held.HoldNext(table, containing);
        var import = provider.GetRequiredService<PlanImport>().RunAsync(new PlanImportRequest(file, "v2.yaml"), null, Ct);
        await entered.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        try
        {
            await meanwhile();
        }
        finally
        {
            release.SetResult();
        }
        return await import;
    }

    [Fact]
    public async Task A_second_import_while_one_is_writing_is_refused_and_the_first_is_stored_whole()
    {
        await using var provider = await StoredAsync(Start());
        var v2 = Version("5", "Tổ chức Hội nghị tổng kết (bản sửa lần 2)");
        var v3 = Version("6", "Thông báo Trưởng cụm (bản sửa lần 3)");
        PlanImportOutcome? second = null;

        var first = await ImportWhileAsync(provider, v2, StorageTables.Tasks,
            async () => second = await provider.GetRequiredService<PlanImport>().RunAsync(new PlanImportRequest(v3, "v3.yaml"), null, Ct));

        Assert.Equal(PlanImportResult.Busy, second!.Result);
        Assert.StartsWith("Kế hoạch 2023-252-kh-ubnd đang có một lần nhập khác (giữ chỗ đến ", second.Message, StringComparison.Ordinal);
        Assert.Equal((PlanImportResult.Saved, PlanSaveOutcome.Updated), (first.Result, first.Saved));
        var stored = (await provider.GetRequiredService<PlanStore>().GetAsync(Id, Ct))!;
        Assert.Equal("Tổ chức Hội nghị tổng kết (bản sửa lần 2)", stored.Tasks.Single(t => t.Number == "5").Content);
        Assert.NotEqual("Thông báo Trưởng cụm (bản sửa lần 3)", stored.Tasks.Single(t => t.Number == "6").Content);
        Assert.False((await provider.GetRequiredService<PlanStore>().GetSummaryAsync(Id, Ct))!.ImportIncomplete);

        // The lease ends with the import: the refused one goes through now.
        var again = await provider.GetRequiredService<PlanImport>().RunAsync(new PlanImportRequest(v3, "v3.yaml"), null, Ct);
        Assert.Equal((PlanImportResult.Saved, PlanSaveOutcome.Updated), (again.Result, again.Saved));
    }

    [Fact]
    public async Task An_activation_made_while_an_import_writes_is_not_reverted()
    {
        await using var provider = await StoredAsync(Start());

        var import = await ImportWhileAsync(provider, Version("5", "Tổ chức Hội nghị tổng kết (bản sửa)"), StorageTables.Tasks,
            () => provider.GetRequiredService<PlanLifecycle>().SetStatusAsync(Id.Value, PlanStatus.Active, Ct));

        Assert.Equal(PlanImportResult.Saved, import.Result);
        var summary = (await provider.GetRequiredService<PlanStore>().GetSummaryAsync(Id, Ct))!;
        Assert.Equal((PlanStatus.Active, false), (summary.Status, summary.ImportIncomplete));
    }

    [Fact]
    public async Task A_completion_made_while_an_import_writes_the_index_stays_done_there()
    {
        await using var provider = await StoredAsync(Start());
        await provider.GetRequiredService<PlanLifecycle>().SetStatusAsync(Id.Value, PlanStatus.Active, Ct);
        // A completion just before the import: the completion service then knows the plan as active, as it does for 30 s.
        var before = await provider.GetRequiredService<AdminCompletion>().CompleteAsync(new AdminCompleteRequest(Id.Value, "2", "so-noi-vu", null, null, null), Ct);
        Assert.Equal(AdminCompleteResult.Recorded, before.Result);

        var import = await ImportWhileAsync(provider, Version("5", "Tổ chức Hội nghị tổng kết (bản sửa)"), StorageTables.DueIndex, async () =>
        {
            var done = await provider.GetRequiredService<AdminCompletion>().CompleteAsync(new AdminCompleteRequest(Id.Value, "1", "so-noi-vu", null, null, null), Ct);
            Assert.Equal(AdminCompleteResult.Recorded, done.Result);
        }, "2023-03-31");

        Assert.Equal(PlanImportResult.Saved, import.Result);
        var index = await provider.GetRequiredService<DueIndex>().ReadAsync(new LocalDate(2023, 3, 31), Ct).ToListAsync(Ct);
        Assert.True(index.Single(e => e.Plan == Id.Value && e.TaskNumber == "1" && e.Agency == "so-noi-vu").Done);
    }

    [Fact]
    public async Task A_fresh_lease_left_by_another_import_refuses_tdkt_plan_import_with_exit_1_and_an_expired_one_does_not()
    {
        await using var provider = await StoredAsync(Start());
        var plans = await provider.GetRequiredService<StorageTables>().GetAsync(StorageTables.Plans, Ct);
        var file = Path.Combine(Path.GetTempPath(), $"v2-{Guid.NewGuid():N}.yaml");
        await File.WriteAllBytesAsync(file, Version("5", "Tổ chức Hội nghị tổng kết (bản sửa)"), Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tdkt:Storage:ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt:Storage:Prefix"] = prefix,
        }).Build();
        async Task<(int Exit, string Err)> ImportAsync()
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var exit = await TdktCommand.RunAsync(["plan", "import", file], output, error, new CliHost(configuration));
            return (exit, error.ToString());
        }
        async Task LeaseAsync(TimeSpan fromNow) => await plans.UpsertEntityAsync(new TableEntity("plan", Id.Value)
        {
            ["Pending"] = true,
            ["ImportId"] = "another",
            ["ImportLeaseUntil"] = DateTimeOffset.UtcNow + fromNow,
        }, TableUpdateMode.Merge, Ct);
        try
        {
            await LeaseAsync(TimeSpan.FromMinutes(1));
            var refused = await ImportAsync();
            await LeaseAsync(TimeSpan.FromSeconds(-1));
            var taken = await ImportAsync();

            Assert.Equal(1, refused.Exit);
            Assert.StartsWith("tdkt: Kế hoạch 2023-252-kh-ubnd đang có một lần nhập khác", refused.Err, StringComparison.Ordinal);
            Assert.Equal((0, ""), taken);
            Assert.False((await provider.GetRequiredService<PlanStore>().GetSummaryAsync(Id, Ct))!.ImportIncomplete);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
