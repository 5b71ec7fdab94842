using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tdkt.Calendar;
using Tdkt.Clock;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Http;

namespace Tdkt.Web.Console.Calendar;

/// <summary>Lịch: a year's working calendar, and the announced days off and worked days an administrator records.</summary>
public sealed class ConsoleCalendarHandlers(ConsoleGate gate, ConsolePages pages, ConsoleCalendarPage calendar, VietnamClock clock)
{
    public async Task<IResult> PageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = ConsoleCaller.Of(request).User;
        var year = Year(request.Query["year"]) ?? clock.Today.Year;
        return HtmlPages.Html(StatusCodes.Status200OK, pages.Calendar(user, await calendar.BuildAsync(year, cancellationToken), gate.NoticeFrom(request, user)));
    }

    public async Task<IResult> SetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        if (Year(form["year"]) is not { } year)
        {
            return BadYear(user, "Chưa ghi");
        }
        var (saved, message, view) = await calendar.SetAsync(year, form["off"].FirstOrDefault() ?? "", form["worked"].FirstOrDefault() ?? "", form["partial"] == "true",
            form["note"].FirstOrDefault()?.Trim() is { Length: > 0 } note ? note : null, user.Email, cancellationToken);
        return saved
            ? gate.Back(user, $"/console/calendar?year={year.ToString(CultureInfo.InvariantCulture)}", message)
            : HtmlPages.Html(StatusCodes.Status422UnprocessableEntity, pages.Calendar(user, view, new MessageView("warn", message)));
    }

    public async Task<IResult> ResetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (user, form) = ConsoleCaller.Of(request).Change;
        if (Year(form["year"]) is not { } year)
        {
            return BadYear(user, "Chưa thay đổi");
        }
        var (reset, message) = await calendar.ResetAsync(year, user.Email, cancellationToken);
        return gate.Back(user, $"/console/calendar?year={year.ToString(CultureInfo.InvariantCulture)}", message, warn: !reset);
    }

    private IResult BadYear(ConsoleUser user, string what) => HtmlPages.Html(StatusCodes.Status422UnprocessableEntity,
        pages.Refused(user, $"{what}: năm phải từ {CalendarAnnouncement.FirstYear} đến {CalendarAnnouncement.LastYear}."));

    private static int? Year(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= CalendarAnnouncement.FirstYear and <= CalendarAnnouncement.LastYear ? y : null;
}
