using System.Net;
using Microsoft.Extensions.Options;
using Tdkt.Clock;
using Tdkt.Links;
using Tdkt.Storage;
using Tdkt.Tests.Cli;
using Tdkt.Tests.Completion;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Integrity;

/// <summary>
/// One agency's links can be revoked (its digest was forwarded outside) without rotating the signing key: its old
/// links answer "Đường dẫn đã bị thu hồi", the new link works, every other agency's link keeps working.
/// </summary>
public sealed class LinkRevocationTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tdkt_link_revoke_ends_one_agencys_old_links_and_prints_a_new_one_while_others_keep_working()
    {
        await using var web = await WebScenario.StartAsync(services);
        var old = web.PagePath("so-noi-vu");
        var other = web.PagePath("ubnd-tinh");
        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(old, Ct)).StatusCode);

        var result = await CliInProcess.RunAsync(new Dictionary<string, string>
        {
            ["Tdkt__Storage__ConnectionString"] = services.Azurite.ConnectionString,
            ["Tdkt__Storage__Prefix"] = web.Get<IOptions<StorageOptions>>().Value.Prefix,
            ["Tdkt__Links__BaseUrl"] = web.Host.Address.ToString().TrimEnd('/'),
            ["Tdkt__Links__SigningKeys"] = WebScenario.SigningKeys,
        }, "link", "so-noi-vu", "--revoke");
        // The page server sees the revocation within LinkRevocations.CacheFor; here, at once.
        await web.Get<LinkRevocations>().GenerationAsync("so-noi-vu", Ct);
        var revoked = await web.Http.GetAsync(old, Ct);
        var renewed = await web.Http.GetAsync(new Uri(result.StdOut.Trim()).AbsolutePath.TrimStart('/'), Ct);
        var untouched = await web.Http.GetAsync(other, Ct);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Đã thu hồi mọi đường dẫn đã gửi cho Sở Nội vụ (lần thu hồi thứ 1)", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Contains("Đường dẫn đã bị thu hồi", WebUtility.HtmlDecode(await revoked.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, untouched.StatusCode);
        Assert.NotEqual(old, new Uri(result.StdOut.Trim()).AbsolutePath.TrimStart('/'));
    }

    [Fact]
    public async Task A_digest_composed_after_the_revocation_carries_a_link_that_works()
    {
        await using var web = await WebScenario.StartAsync(services);
        await web.Get<LinkRevocations>().RevokeAsync("so-noi-vu", "quản trị", Ct);

        var link = await web.Get<AgencyLinks>().LinkForAsync("so-noi-vu", new VietnamClock(web.Clock).Today, Ct);

        Assert.Equal(HttpStatusCode.OK, (await web.Http.GetAsync(new Uri(link!).AbsolutePath.TrimStart('/'), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await web.Http.GetAsync(web.PagePath("so-noi-vu"), Ct)).StatusCode);
    }
}
