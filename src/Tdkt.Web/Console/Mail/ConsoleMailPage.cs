using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using Tdkt.Administration;
using Tdkt.Agencies;
using Tdkt.Clock;
using Tdkt.Mail;
using Tdkt.Outbox;
using Tdkt.Web.Console.Plans;

namespace Tdkt.Web.Console.Mail;

/// <summary>
/// Thư: the outbox over the last 31 days, day by day in each state, and one state's digests (failed first by
/// default; one day or all of them), each viewable as the agency received it and, when it failed, why in plain
/// words and a retry (<see cref="DigestRetry"/>).
/// </summary>
public sealed partial class ConsoleMailPage(OutboxStore outbox, AgencyStore agencies, MailComposer composer, DigestRetry retry, AdminUsers users, VietnamClock clock)
{
    public static class Actions
    {
        public const string Retry = "mail-retry";
        public const string RetryDay = "mail-retry-day";
    }

    public const int Days = OutboxListing.DefaultDays;

    public async Task<MailPageView> BuildAsync(string? status, string? day, CancellationToken cancellationToken)
    {
        var wanted = OutboxStatuses.Parse(status ?? "failed") ?? OutboxStatus.Failed;
        var today = clock.Today;
        var one = DayShown(day, today);
        var directory = await agencies.LoadAsync(cancellationToken);
        var counts = (await outbox.CountByDayAsync(today, Days, cancellationToken)).ToList();
        if (one is { } asked && counts.All(c => c.Date != asked))
        {
            // The day asked for holds no digest: shown as such, so the list and the day picker agree.
            counts = [.. counts.Append(new OutboxDayCount(asked, 0, 0, 0, 0)).OrderByDescending(c => c.Date)];
        }
        var entries = await outbox.ListByStatusAsync(wanted, one ?? today, one is null ? Days : 0, cancellationToken);
        var rows = entries.OrderByDescending(e => e.Key.Date).ThenBy(e => directory.Find(new AgencyId(e.Key.Agency))?.Name ?? e.Key.Agency, StringComparer.Ordinal)
            .Take(500)
            .Select(e => new MailRowView(e.Key.Value, VietnamTime.ShortDate(e.Key.Date), KindLabel(e.Key.Kind), directory.Find(new AgencyId(e.Key.Agency))?.Name ?? e.Key.Agency,
                string.Join(", ", e.To), e.Items, StatusLabel(e.Status), e.Attempts, e.Status == OutboxStatus.Failed ? Why(e.LastError) : null, OutboxPolicy.CanRetry(e)))
            .ToList();
        var span = one is { } d ? $"ngày {VietnamTime.ShortDate(d)}" : $"trong {Days} ngày qua";
        return new MailPageView(
            [.. Enum.GetValues<OutboxStatus>().Select(s => new FilterOption(s.Name(), StatusLabel(s), s == wanted))],
            wanted.Name(), one is { } o ? LocalDatePattern.Iso.Format(o) : null,
            [.. counts.Select(c => new MailDayView(LocalDatePattern.Iso.Format(c.Date), VietnamTime.Format(c.Date), c.Sent, c.Pending, c.Sending, c.Failed, c.Date == one))],
            rows, $"{entries.Count} thư {StatusLabel(wanted).ToLowerInvariant()} {span}" + (entries.Count > rows.Count ? $"; hiện {rows.Count} thư mới nhất." : "."));
    }

    /// <summary>Sends one failed digest again at the next dispatch, audited with who asked.</summary>
    public async Task<DigestRetryOutcome> RetryAsync(string key, string by, CancellationToken cancellationToken)
    {
        var outcome = await retry.RetryAsync(key, cancellationToken);
        if (outcome.Result == DigestRetryResult.Retried)
        {
            await users.AuditAsync(by, Actions.Retry, outcome.Key, "", cancellationToken);
        }
        return outcome;
    }

    /// <summary>Sends again every failed digest of one day of the page's 31 (<see cref="DigestRetry.RetryDayAsync"/>), audited once with how many.</summary>
    public async Task<(int Retried, string Message)> RetryDayAsync(string? day, string by, CancellationToken cancellationToken)
    {
        if (DayShown(day, clock.Today) is not { } date)
        {
            return (0, $"Chưa gửi lại gì: chọn một ngày trong {Days} ngày qua.");
        }
        var outcome = await retry.RetryDayAsync(date, cancellationToken);
        if (outcome.Retried > 0)
        {
            await users.AuditAsync(by, Actions.RetryDay, LocalDatePattern.Iso.Format(date), $"{outcome.Retried} thư", cancellationToken);
        }
        return (outcome.Retried, outcome.Message);
    }

    /// <summary>The day a link or form names (yyyy-MM-dd), when it is one of the page's last 31; else null.</summary>
    private static LocalDate? DayShown(string? day, LocalDate today) =>
        LocalDatePattern.Iso.Parse(day ?? "") is { Success: true } parsed && parsed.Value <= today && parsed.Value >= today.PlusDays(-Days) ? parsed.Value : null;

    /// <summary>
    /// The digest as the agency received it (composed again from the outbox entry), or null when there is no such digest.
    /// Without <paramref name="withLinks"/> (a viewer), the agency's page and calendar links are masked: a working link acts
    /// as the agency (confirms, uploads, asks for or approves more time), which only administrators may hand out.
    /// </summary>
    public async Task<OutgoingMail?> ViewAsync(string key, bool withLinks, CancellationToken cancellationToken)
    {
        if (DigestKey.TryParse(key) is not { } digest || await outbox.GetAsync(digest, cancellationToken) is not { } entry)
        {
            return null;
        }
        var mail = await composer.ComposeAsync(entry, cancellationToken);
        return withLinks ? mail : mail with { Html = MaskLinks(mail.Html), Text = MaskLinks(mail.Text) };
    }

    /// <summary>Every agency link in a text with its token replaced by a mark that says why.</summary>
    public static string MaskLinks(string text) => AgencyLink().Replace(text ?? "", m => m.Groups["path"].Value + MaskedToken);

    /// <summary>What a viewer reads where an agency's token was.</summary>
    public const string MaskedToken = "(ẩn: chỉ quản trị viên xem đường dẫn của cơ quan)";

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<path>/(?:" + Links.AgencyLinks.PagePath + "|" + Links.AgencyLinks.FeedPath + @"))[A-Za-z0-9._~%-]+")]
    private static partial System.Text.RegularExpressions.Regex AgencyLink();

    private static string KindLabel(DigestKind kind) => kind switch
    {
        DigestKind.Daily => "Nhắc việc hằng ngày",
        DigestKind.Weekly => "Tổng hợp tuần",
        _ => "Báo cáo định kỳ",
    };

    private static string StatusLabel(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Chờ gửi",
        OutboxStatus.Sending => "Đang gửi",
        OutboxStatus.Sent => "Đã gửi",
        _ => "Không gửi được",
    };

    /// <summary>Why a digest failed, in words an administrator acts on, with the provider's own answer after it.</summary>
    public static string Why(string? error)
    {
        var text = error ?? "";
        var plain = text switch
        {
            _ when Has(text, "mailbox unavailable", "user unknown", "no such user", "recipient") || HasCode(text, "550", "5.1.1") => "Địa chỉ người nhận không tồn tại hoặc bị từ chối: kiểm tra địa chỉ thư của cơ quan trong danh bạ.",
            _ when Has(text, "authentication", "auth") || HasCode(text, "535", "401", "403") => "Máy chủ gửi thư từ chối đăng nhập hoặc quyền gửi: kiểm tra tài khoản và quyền gửi thư của hệ thống.",
            _ when Has(text, "quota", "too many", "throttl") || HasCode(text, "429") => "Nhà cung cấp thư giới hạn số thư: thư sẽ gửi được khi giới hạn được nới; gửi lại sau.",
            _ when Has(text, "timeout", "timed out", "connection", "refused", "unreachable") => "Không kết nối được máy chủ gửi thư: kiểm tra cấu hình và mạng, rồi gửi lại.",
            _ when Has(text, "size", "too large") || HasCode(text, "552") => "Thư quá lớn so với giới hạn của máy chủ nhận.",
            _ => "Máy chủ gửi thư trả lời lỗi.",
        };
        return text.Length == 0 ? plain : $"{plain} (Trả lời của máy chủ: {text[..Math.Min(300, text.Length)]})";
    }

    private static bool Has(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A status code standing on its own: not a piece of a longer number, a port ("127.0.0.1:45501") or an address,
    /// so the server named in the message does not decide what went wrong.
    /// </summary>
    private static bool HasCode(string text, params string[] codes) =>
        codes.Any(c => Regex.IsMatch(text, $@"(?<![\d.:]){Regex.Escape(c)}(?![\d]|\.\d)", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
}
