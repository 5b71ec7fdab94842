using System.Net;
using Tdkt.Administration;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.AdminConsole;

/// <summary>The last administrator stays whatever two administrators do at the same moment; a removed user's session stays ended.</summary>
public sealed class ConsoleUsersRaceTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_administrators_removing_or_demoting_each_other_at_once_leave_one()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false, withDirectory: false);
        var users = web.Get<AdminUsers>();
        for (var round = 0; round < 6; round++)
        {
            var (a, b) = ($"a{round}@example.org", $"b{round}@example.org");
            if (round == 0)
            {
                // Only a and b are administrators.
                await users.SetAsync(a, AdminRole.Admin, "quantri@example.org", Ct);
                await users.SetAsync(b, AdminRole.Admin, "quantri@example.org", Ct);
                Assert.Equal(AdminChange.Changed, await users.SetAsync("quantri@example.org", AdminRole.Viewer, a, Ct));
            }
            var changes = round % 2 == 0
                ? await Task.WhenAll(users.RemoveAsync(a, b, Ct), users.RemoveAsync(b, a, Ct))
                : await Task.WhenAll(users.SetAsync(a, AdminRole.Viewer, b, Ct), users.SetAsync(b, AdminRole.Viewer, a, Ct));

            var admins = (await users.ListAsync(Ct)).Where(u => u.Role == AdminRole.Admin).Select(u => u.Email).ToList();
            Assert.Single(admins);
            Assert.Contains(AdminChange.LastAdmin, changes);
            // The one left hands over to the next round's pair: a keeper, then itself removed.
            await users.RemoveAsync(admins[0] == a ? b : a, admins[0], Ct);
            await users.SetAsync($"keeper{round}@example.org", AdminRole.Admin, admins[0], Ct);
            Assert.Equal(AdminChange.Removed, await users.RemoveAsync(admins[0], $"keeper{round}@example.org", Ct));
            await users.SetAsync($"a{round + 1}@example.org", AdminRole.Admin, $"keeper{round}@example.org", Ct);
            await users.SetAsync($"b{round + 1}@example.org", AdminRole.Admin, $"keeper{round}@example.org", Ct);
            Assert.Equal(AdminChange.Removed, await users.RemoveAsync($"keeper{round}@example.org", $"a{round + 1}@example.org", Ct));
        }
    }

    [Fact]
    public async Task A_session_of_a_removed_user_does_not_open_again_when_the_address_is_added_back()
    {
        await using var web = await WebScenario.StartAsync(services, ConsoleSignInTests.FirstAdmin, withPlan: false, withDirectory: false);
        var users = web.Get<AdminUsers>();
        await users.SetAsync("lanhdao@example.org", AdminRole.Viewer, "quantri@example.org", Ct);
        using var browser = new ConsoleBrowser(web);
        await browser.SignInAsAsync("lanhdao@example.org");
        using (var open = await browser.GetAsync("console"))
        {
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        }

        await users.RemoveAsync("lanhdao@example.org", "quantri@example.org", Ct);
        await users.SetAsync("lanhdao@example.org", AdminRole.Viewer, "quantri@example.org", Ct);

        using var again = await browser.GetAsync("console");
        Assert.Equal((HttpStatusCode.SeeOther, "/console/signin"), (again.StatusCode, again.Headers.Location!.ToString()));
        // A new sign-in works as before.
        await browser.SignInAsAsync("lanhdao@example.org");
        using var fresh = await browser.GetAsync("console");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
