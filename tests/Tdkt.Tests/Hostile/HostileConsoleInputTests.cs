using System.Net;
using System.Text;
using Tdkt.Input;
using Tdkt.Plans.Import;
using Tdkt.Tests.AdminConsole;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;
using Tdkt.Tests.Plans;

namespace Tdkt.Tests.Hostile;

/// <summary>What an administrator's address bar or a crafted form can hold, and text that reads as something else, over HTTP.</summary>
public sealed class HostileConsoleInputTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_link_request_for_no_agency_and_a_line_break_in_a_form_field_are_answered_not_a_500_or_a_split_header()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin);
        using var admin = new ConsoleBrowser(web);
        await admin.SignInAsAsync("quantri@example.org");

        using var odd = await admin.GetAsync("console/agencies?link=a%3Cb");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.DoesNotContain("/api/a/", await odd.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var csrf = ConsoleBrowser.CsrfIn(await admin.PageAsync("console/agencies"));
        foreach (var agency in new[] { "so-noi-vu\r\nSet-Cookie: x=1", "so-noi-vu\u2028x", "so-noi-vu\"><script>" })
        {
            using var sent = await admin.PostAsync("console/agencies/test-mail", ("csrf", csrf), ("agency", agency));
            Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
            var location = sent.Headers.Location!.OriginalString;
            Assert.DoesNotContain(location, c => char.IsControl(c) || c is '\u2028' or '"' or '<' or '>' || c > '\u007e');
            Assert.False(sent.Headers.Contains("Set-Cookie") && sent.Headers.GetValues("Set-Cookie").Any(v => v.StartsWith("x=", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Overrides_and_invisible_marks_in_a_plan_or_a_directory_do_not_reach_what_is_stored()
    {
        Assert.Equal("Sở Nội vụ", VietnameseText.Clean("Sở\u202E Nội\u200B vụ\uFEFF"));
        Assert.Equal("a b", VietnameseText.Clean("a\u2066\u2069 \u0007b"));
        var plan = "KẾ HOẠCH\nCông tác thi đua, khen thưởng năm 2023\n(Kèm theo Kế hoạch số 7/KH-SNV ngày 02/01/2023 của Sở Nội vụ)\n"
            + "TT\tNội dung\tCơ quan thực hiện\tThời gian\n1\tPhát động thi đua \u202Efdp.exe\tSở \u200BNội vụ\tQuý II\n";

        var read = PlanImporter.Import(Encoding.UTF8.GetBytes(plan), "ke-hoach.txt", Samples.Directory());

        Assert.True(read.IsValid, string.Join("\n", read.Errors.Select(e => e.Describe())));
        Assert.Equal("Phát động thi đua fdp.exe", read.Plan!.Tasks[0].Content);
        Assert.Equal("so-noi-vu", read.Plan.Tasks[0].Agencies.Single().Value);
    }
}
