using System.Net;
using System.Text.RegularExpressions;
using Tdkt.Assignments;
using Tdkt.Mail;
using Tdkt.Reminders;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Completion;

/// <summary>The link in a real digest (sent over SMTP to smtp4dev) opens the agency page; following links never completes anything.</summary>
public sealed partial class DigestLinkTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string sender = $"nhac-viec-{Guid.NewGuid():N}"[..22] + "@example.org";

    private Dictionary<string, string?> Settings() => services.Smtp4dev.MailSettings(sender);

    [Fact]
    public async Task A_crawler_following_every_link_of_every_real_digest_leaves_every_task_open()
    {
        await using var web = await WebScenario.StartAsync(services, Settings());
        await web.Get<ReminderSweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", Ct);
        var pass = await web.Get<MailDispatcher>().DispatchPendingAsync(4, Ct);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var mails = await inbox.MessagesFromAsync(sender, atLeast: pass.Sent);
        // An open task with a file attached: its page offers a download, which the crawler follows too.
        var withFile = web.Plan.Tasks.First(t => !t.Deadline.IsOngoing && t.Agencies.Any(a => a.Value == "hoi-dong-tdkt-tinh"));
        await web.Get<Tdkt.Evidence.EvidenceStore>().AttachAsync(web.Plan.Id.Value, new AssignmentKey(withFile.Key, "hoi-dong-tdkt-tinh"),
            new Tdkt.Evidence.EvidenceUpload(Tdkt.Tests.Evidence.EvidenceFixtures.Pdf(), EvidenceKind.Pdf, "bao-cao.pdf"), "Nguyễn Văn An",
            CompletionVia.Link, null, null, Ct);
        var before = await web.AllAssignmentsAsync();
        var audit = await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(mails.SelectMany(m => Links(m.Message.HtmlBody + "\n" + m.Message.TextBody)));
        var fetched = new List<HttpStatusCode>();
        while (queue.TryDequeue(out var link))
        {
            if (!seen.Add(link) || !link.StartsWith(web.Host.Address.ToString().TrimEnd('/'), StringComparison.Ordinal))
            {
                continue;
            }
            // What scanners do: HEAD, then GET, and whatever the page links to.
            using var head = await web.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, link), Ct);
            var get = await web.Http.GetAsync(link, Ct);
            fetched.Add(get.StatusCode);
            // A calendar (the page's feed) folds long lines (RFC 5545 3.1): unfolded, its links are whole.
            var body = await get.Content.ReadAsStringAsync(Ct);
            if (get.Content.Headers.ContentType?.MediaType == "text/calendar")
            {
                body = body.Replace("\r\n ", "", StringComparison.Ordinal).Replace("\r\n\t", "", StringComparison.Ordinal);
            }
            foreach (var next in Links(body))
            {
                queue.Enqueue(new Uri(new Uri(link), WebUtility.HtmlDecode(next)).ToString());
            }
        }

        Assert.Equal(7, mails.Count);
        Assert.Equal(7, seen.Count(l => l.Contains("/api/a/", StringComparison.Ordinal)));
        // Each page's calendar feed was followed too (and read whole), and changed nothing either.
        Assert.Equal(7, seen.Count(l => l.Contains("/api/cal/", StringComparison.Ordinal)));
        // The file's download (its agency's page and the supervising agency's offer the same address: same file, same moment).
        Assert.Single(seen, l => l.Contains("/api/f/", StringComparison.Ordinal));
        Assert.All(fetched, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(before, await web.AllAssignmentsAsync());
        Assert.All(before, a => Assert.False(a.Done));
        Assert.Equal(audit, await web.Get<AuditLog>().ListAsync(web.Plan.Id.Value, Ct));
        Assert.Single((await web.AssignmentAsync(web.Task(withFile.Number), "hoi-dong-tdkt-tinh"))!.Files);
    }

    [Fact]
    public async Task The_link_in_a_real_digest_opens_that_agencys_page_where_its_task_is_marked_done()
    {
        await using var web = await WebScenario.StartAsync(services, Settings());
        await web.Get<ReminderSweep>().RunAsync(new NodaTime.LocalDate(2023, 3, 24), false, "test", Ct);
        await web.Get<MailDispatcher>().DispatchPendingAsync(4, Ct);
        using var inbox = new Inbox(services.Smtp4dev.ApiBase);
        var mail = (await inbox.MessagesFromAsync(sender, atLeast: 7)).Single(m => m.Message.To.Mailboxes.Any(a => a.Address == "so-tai-chinh@example.org")).Message;

        var link = Assert.Single(Links(mail.HtmlBody!).Where(l => l.Contains("/api/a/", StringComparison.Ordinal)).Distinct());
        Assert.Contains($"Xem nhiệm vụ và xác nhận hoàn thành: {link}", mail.TextBody, StringComparison.Ordinal);
        Assert.True(link.Length < 200, $"The link is {link.Length} characters long.");
        var page = new Uri(link).AbsolutePath.TrimStart('/');
        var posted = await web.PostAsync(page, web.Task("4"));

        var html = await web.PageAsync(page);
        Assert.Contains("<h1>Sở Tài chính</h1>", html, StringComparison.Ordinal);
        // The page and the digest name whom to ask: the supervising agency (Sở Nội vụ) and its contact.
        Assert.Contains("Cơ quan theo dõi, đôn đốc: Sở Nội vụ, so-noi-vu@example.org", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:so-noi-vu@example.org\"", html, StringComparison.Ordinal);
        var replyTo = Assert.Single(mail.ReplyTo.Mailboxes);
        Assert.Equal(("so-noi-vu@example.org", "Sở Nội vụ"), (replyTo.Address, replyTo.Name));
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        using var icsBytes = new MemoryStream();
        await ((MimeKit.MimePart)mail.Attachments.Single()).Content!.DecodeToAsync(icsBytes, Ct);
        var ics = System.Text.Encoding.UTF8.GetString(icsBytes.ToArray());
        Assert.Contains("PRODID:-//Tdkt//Nhac viec thi dua khen thuong//VI", ics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.True((await web.AssignmentAsync(web.Task("4"), "so-tai-chinh"))!.Done);
    }

    private static IEnumerable<string> Links(string text) => LinkPattern().Matches(text).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    [GeneratedRegex("href=\"([^\"]+)\"|(https?://[^\\s<>\"]+)")]
    private static partial Regex LinkPattern();
}
