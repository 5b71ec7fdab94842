using System.Net;
using System.Text.Json;
using NodaTime;
using Tdkt.Plans;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>The published forms through the hosts: a PDF over <c>POST /api/plans</c>, a .docx through <c>tdkt plan import</c>, with the header fields given.</summary>
public sealed class PublishedUploadTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_PDF_posted_to_the_API_is_stored_with_its_header_and_the_JSON_gives_number_issuer_date_and_leads()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        using var response = await web.PostPlanAsync(await File.ReadAllBytesAsync(PublishedFormsTests.Plan2025Pdf, Ct), "application/pdf", "ke-hoach-2025.pdf");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var plan = body.RootElement.GetProperty("plan");
        Assert.Equal(("230/KH-UBND", "Ủy ban nhân dân tỉnh Lạng Sơn", "2024-12-20"),
            (plan.GetProperty("number").GetString(), plan.GetProperty("issuer").GetString(), plan.GetProperty("issuedOn").GetString()));
        var third = plan.GetProperty("tasks")[2];
        Assert.Equal(("3", "so-noi-vu"), (third.GetProperty("number").GetString(), third.GetProperty("lead")[0].GetString()));
        var stored = await web.Get<PlanStore>().GetAsync(new PlanId("2025-230-kh-ubnd"), Ct);
        Assert.Equal(8, stored!.Tasks.Count);
        Assert.Equal(new LocalDate(2025, 3, 14), stored.Tasks[1].Deadline.Due);
    }

    [Fact]
    public async Task The_API_takes_number_issuer_and_issuedOn_for_a_table_without_a_header()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);
        var table = "STT\tNội dung\tCơ quan thực hiện\tThời hạn\n1\tViệc một\tSở Nội vụ\tQuý II\n"u8.ToArray();

        using var refused = await web.PostPlanAsync(table, "text/plain", "bang.txt");
        using var saved = await web.PostPlanAsync(table, "text/plain", "bang.txt",
            "number=" + Uri.EscapeDataString("12/KH-SNV") + "&issuer=" + Uri.EscapeDataString("Sở Nội vụ") + "&issuedOn=2025-12-05");
        using var body = JsonDocument.Parse(await saved.Content.ReadAsStringAsync(Ct));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(("2026-12-kh-snv", "2025-12-05"), (body.RootElement.GetProperty("id").GetString(), body.RootElement.GetProperty("issuedOn").GetString()));
    }

    [Fact]
    public async Task Tdkt_plan_import_reads_the_LibreOffice_docx_and_number_overrides_what_it_says()
    {
        var prefix = TestHost.UniquePrefix();
        await using var web = await WebScenario.StartAsync(services, new Dictionary<string, string?> { ["Tdkt:Storage:Prefix"] = prefix }, withPlan: false);
        var environment = new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = prefix,
        };

        var result = await CliInProcess.RunAsync(environment, "plan", "import", PublishedFormsTests.Plan2025Docx, "--number", "231/KH-UBND", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.StdOut);
        Assert.Equal("231/KH-UBND", json.RootElement.GetProperty("plan").GetProperty("number").GetString());
        var stored = await web.Get<PlanStore>().GetAsync(new PlanId("2025-231-kh-ubnd"), Ct);
        Assert.Equal(("Ủy ban nhân dân tỉnh Lạng Sơn", 8), (stored!.Issuer, stored.Tasks.Count));
    }
}
