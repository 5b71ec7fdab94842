using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using Tdkt.Links;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Completion;

/// <summary>
/// The calendar feed offered on an agency's page, fetched over HTTP and read back with ical.js (Mozilla's parser, as
/// Thunderbird reads it): the agency's open dated deadlines with the digests' UIDs, all-day; cheap polling with
/// ETag and 304; a completion drops its event, a moved date raises its SEQUENCE; a page link is no feed address;
/// revoked with the agency's links.
/// </summary>
public sealed partial class CalendarFeedTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_feed_serves_open_deadlines_polls_cheaply_and_follows_completions_and_new_dates()
    {
        await using var web = await WebScenario.StartAsync(services);
        var page = web.PagePath("so-noi-vu");
        var html = WebUtility.HtmlDecode(await web.PageAsync(page));
        var feed = FeedUrl().Match(html).Groups[1].Value;
        Assert.StartsWith($"{web.Host.Address.ToString().TrimEnd('/')}/api/cal/", feed, StringComparison.Ordinal);
        Assert.EndsWith(".ics", feed, StringComparison.Ordinal);

        using var first = await web.Http.GetAsync(feed, Ct);
        var text = await first.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/calendar", first.Content.Headers.ContentType?.MediaType);
        var etag = first.Headers.ETag!;
        Assert.NotNull(first.Content.Headers.LastModified);
        var parsed = await ParseAsync(text);
        Assert.Equal("-//Tdkt//Nhac viec thi dua khen thuong//VI", parsed.GetProperty("prodid").GetString());
        var events = parsed.GetProperty("events").EnumerateArray().ToList();
        // Sở Nội vụ's dated tasks (none is done yet); ongoing ones have no date and are left out.
        var dated = web.Plan.Tasks.Where(t => !t.Deadline.IsOngoing && t.Agencies.Any(a => a.Value == "so-noi-vu")).ToList();
        Assert.Equal(dated.Count, events.Count);
        var task2 = dated.Single(t => t.Number == "2");
        var event2 = events.Single(e => e.GetProperty("uid").GetString() == $"{web.Plan.Id}-{task2.Key}-so-noi-vu@tdkt");
        Assert.True(event2.GetProperty("allDay").GetBoolean());
        Assert.Equal(task2.Deadline.Due.ToString("yyyy-MM-dd", null), event2.GetProperty("start").GetString());
        Assert.Contains($"Thời hạn: {task2.Deadline.Phrase}", event2.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/a/", event2.GetProperty("url").GetString(), StringComparison.Ordinal);

        // Polling: the same ETag answers 304, also to HEAD; HEAD alone has the headers and no body.
        using var again = await Send(web.Http, HttpMethod.Get, feed, etag);
        using var head = await Send(web.Http, HttpMethod.Head, feed, null);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal((HttpStatusCode.OK, etag), (head.StatusCode, head.Headers.ETag));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));

        // Task 2 reported done: its event goes. Task 3's date moves (a corrected plan): its SEQUENCE rises.
        Assert.Equal(HttpStatusCode.SeeOther, (await web.PostAsync(page, web.Task("2"))).StatusCode);
        var task3 = dated.First(t => t.Number == "3");
        var before3 = events.Single(e => e.GetProperty("uid").GetString()!.Contains($"-{task3.Key}-", StringComparison.Ordinal)).GetProperty("sequence").GetInt32();
        await Task.Delay(1100, Ct);
        var moved = new Deadline(task3.Deadline.Rule, "Trước ngày 20/04/2023", new LocalDate(2023, 4, 20));
        await web.Get<PlanStore>().SaveAsync(web.Plan with { Tasks = web.Plan.Tasks.Select(t => t.Number == "3" ? t with { Deadline = moved } : t).ToValueList() }, Ct);
        using var changed = await Send(web.Http, HttpMethod.Get, feed, etag);
        var after = (await ParseAsync(await changed.Content.ReadAsStringAsync(Ct))).GetProperty("events").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.DoesNotContain(after, e => e.GetProperty("uid").GetString() == $"{web.Plan.Id}-{task2.Key}-so-noi-vu@tdkt");
        var after3 = after.Single(e => e.GetProperty("uid").GetString()!.Contains($"-{task3.Key}-", StringComparison.Ordinal));
        Assert.Equal("2023-04-20", after3.GetProperty("start").GetString());
        Assert.True(after3.GetProperty("sequence").GetInt32() > before3, $"SEQUENCE {before3} -> {after3.GetProperty("sequence").GetInt32()}");
    }

    [Fact]
    public async Task A_page_link_is_no_feed_address_a_feed_address_opens_no_page_and_revoking_the_links_ends_the_feed()
    {
        await using var web = await WebScenario.StartAsync(services);
        // An address made before the agency's links were revoked (generation 0), then the revocation.
        var old = web.Get<LinkTokens>().CreateFeed("so-noi-vu", new LocalDate(2024, 12, 31));
        await web.Get<LinkRevocations>().RevokeAsync("so-noi-vu", "thử", Ct);
        var page = web.PagePath("so-noi-vu");
        var current = web.Get<LinkTokens>().CreateFeed("so-noi-vu", new LocalDate(2024, 12, 31), generation: 1);

        using var pageAsFeed = await web.Http.GetAsync($"api/cal/{WebScenario.TokenOf(page)}.ics", Ct);
        using var feedAsPage = await web.Http.GetAsync($"api/a/{current}", Ct);
        using var revoked = await web.Http.GetAsync($"api/cal/{old}.ics", Ct);
        using var valid = await web.Http.GetAsync($"api/cal/{current}.ics", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, pageAsFeed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, feedAsPage.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient http, HttpMethod method, string url, System.Net.Http.Headers.EntityTagHeaderValue? etag)
    {
        using var request = new HttpRequestMessage(method, url);
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(etag);
        }
        return await http.SendAsync(request, Ct);
    }

    private static async Task<JsonElement> ParseAsync(string ics)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("tdkt-ics-").FullName, "feed.ics");
        await File.WriteAllTextAsync(file, ics, Ct);
        var start = new ProcessStartInfo("node", [RepositoryRoot.File("tests", "Tdkt.Tests", "Completion", "parse-ics.mjs"), file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot.Path,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, error);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [GeneratedRegex("class=\"feed-url\" href=\"([^\"]+)\"")]
    private static partial Regex FeedUrl();
}
