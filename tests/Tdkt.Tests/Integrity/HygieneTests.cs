using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tdkt.Assignments;
using Tdkt.Input;
using Tdkt.Plans;
using Tdkt.Plans.Import;
using Tdkt.Reports;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Integrity;

/// <summary>Smaller integrity items: spreadsheet formulas in CSV, bidi and control characters in what is stored, what anonymous callers see, one-line CLI errors.</summary>
public sealed class HygieneTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")", "'=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")")]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1", "'+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("- Tổng hợp hồ sơ", "'- Tổng hợp hồ sơ")]
    [InlineData("Báo cáo tổng kết", "Báo cáo tổng kết")]
    [InlineData("'quoted", "'quoted")]
    public void A_cell_that_starts_like_a_formula_is_written_as_text_and_read_back_as_it_was(string text, string cell)
    {
        Assert.Equal(cell, SpreadsheetText.ForCell(text));
        Assert.Equal(text, SpreadsheetText.FromCell(cell));
    }

    [Fact]
    public void A_plan_exported_to_csv_carries_no_live_formula_and_imports_back_the_same()
    {
        var plan = Samples.Plan();
        var hostile = plan with { Tasks = plan.Tasks.Select((t, i) => i == 0 ? t with { Content = "=HYPERLINK(\"http://example.invalid\",\"Xem\")" } : t).ToValueList() };

        var csv = PlanCsv.Write(hostile);
        var back = PlanImporter.Import(Encoding.UTF8.GetBytes(csv), "plan.csv", Samples.Directory());

        Assert.DoesNotContain("\n1,1,QUÝ I,2023-03-31,=", csv, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK(", csv, StringComparison.Ordinal);
        // Task 4 starts "- Tổng hợp": escaped too, and read back unchanged.
        Assert.Empty(back.Errors);
        Assert.Equal(hostile, back.Plan);
    }

    [Fact]
    public void The_report_csv_escapes_an_agency_name_that_starts_like_a_formula()
    {
        var report = new PlanReport(new PlanId("2023-252-kh-ubnd"), "252/KH-UBND", "Kế hoạch", 2023, new NodaTime.LocalDate(2023, 3, 24),
            [new ReportLine("so-x", "=cmd|' /C calc'!A0", null, ProgressCounts.Zero)]);

        var csv = Encoding.UTF8.GetString(ReportFormats.Csv(report));

        Assert.Contains("so-x,'=cmd|' /C calc'!A0,Cả năm", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_names_and_user_agents_are_stored_without_bidi_overrides_or_control_characters()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{page}/tasks/{web.Task("1")}/complete")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["proof"] = WebScenario.ProofIn(await web.PageAsync(page)),
                ["name"] = "Nguyễn\u202EnA\u202C Văn\tAn",
                ["note"] = "Đã gửi\u2066 báo cáo\u2069\u0007 số 12",
            }),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", "Trình duyệt\u202E thử");
        // Sent as UTF-8, as a hostile client may; HttpClient's default allows only ASCII in headers.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = web.Host.Address,
        };

        var response = await http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var completion = (await web.AssignmentAsync(web.Task("1"), "so-noi-vu"))!.Completion!;
        Assert.Equal(("NguyễnnA Văn An", "Đã gửi báo cáo số 12"), (completion.By, completion.Note));
        Assert.DoesNotContain(completion.UserAgent ?? "", c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' || char.IsControl(c));
        var audit = Assert.Single(await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
        Assert.DoesNotContain(audit.UserAgent ?? "", c => c is >= '\u202A' and <= '\u202E');
    }

    [Fact]
    public async Task The_anonymous_health_answer_does_not_reveal_the_commit()
    {
        await using var web = await WebScenario.StartAsync(services, withPlan: false);

        var health = await web.Http.GetFromJsonAsync<JsonElement>("api/health", Ct);

        Assert.DoesNotContain("+", health.GetProperty("version").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(health.GetProperty("version").GetString()!, Hosting.AppInfo.Current.Version, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("Sở Nội vụ")]
    [InlineData("so#noi?vu")]
    public async Task Tdkt_link_of_an_id_not_shaped_like_one_prints_one_line(string agency)
    {
        await using var scenario = await Reminders.ReminderScenario.StartAsync(services);

        var result = await CliInProcess.RunAsync(new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        }, "link", agency);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"tdkt: không có cơ quan {agency} trong danh bạ", result.StdErr, StringComparison.Ordinal);
        Assert.Single(result.StdErr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Task_complete_for_an_agency_not_shaped_like_one_prints_one_line()
    {
        await using var scenario = await Reminders.ReminderScenario.StartAsync(services);

        var result = await CliInProcess.RunAsync(new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = scenario.Prefix,
        }, "task", "complete", "2023-252-kh-ubnd", "1", "--agency", "Bad\tid#");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StdErr.Trim().Split('\n'));
        Assert.StartsWith("tdkt: Nhiệm vụ số 1 của kế hoạch 2023-252-kh-ubnd không giao cho", result.StdErr, StringComparison.Ordinal);
    }
}
