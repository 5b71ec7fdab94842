using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tdkt.Tests.EndToEnd;

/// <summary>
/// How long the browser tests wait for a page. The whole suite on two cores runs Azurite, smtp4dev, several hosts and
/// Chromium at once, and a page can then take longer than Playwright's 30 s; these tests judge what a page says, not how
/// fast it comes, so they wait up to 90 s. A wait that still runs out says where the browser is and what it shows,
/// so a refused form is never read as a slow one.
/// </summary>
public static class Patience
{
    private const float Milliseconds = 90_000;

    public static IPage Patient(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.SetDefaultTimeout(Milliseconds);
        page.SetDefaultNavigationTimeout(Milliseconds);
        return page;
    }

    /// <summary>Waits for the browser to arrive at <paramref name="url"/> (after a form's redirect).</summary>
    public static async Task ReachAsync(this IPage page, Regex url)
    {
        ArgumentNullException.ThrowIfNull(page);
        try
        {
            await page.WaitForURLAsync(url);
        }
        catch (TimeoutException)
        {
            var shown = await page.Locator("body").InnerTextAsync(new LocatorInnerTextOptions { Timeout = 5_000 });
            Assert.Fail($"The browser did not reach {url} in {Milliseconds / 1000} s: it is at {page.Url}, showing: {shown[..Math.Min(shown.Length, 600)]}");
        }
    }
}
