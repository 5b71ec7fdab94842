using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Tdkt.Outbox;

namespace Tdkt.Mail;

/// <summary>The digest's .ics attachment: one all-day entry per deadline, with a stable UID per assignment so calendars update instead of duplicating.</summary>
public static class DigestCalendar
{
    /// <summary>RFC 5545's PRODID: who made the calendar.</summary>
    public const string ProductId = "-//Tdkt//Nhac viec thi dua khen thuong//VI";

    /// <summary>"2023-252-kh-ubnd-0002-so-noi-vu@tdkt": one assignment's event, the same in every digest and in the agency's feed.</summary>
    public static string Uid(string plan, string taskKey, string agency) => $"{plan}-{taskKey}-{agency}@tdkt";

    public static MailAttachment For(string agency, IEnumerable<(Notice Notice, string PlanNumber, string Content)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var calendar = new Ical.Net.Calendar { Method = "PUBLISH", ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", "Thời hạn nhiệm vụ thi đua, khen thưởng");
        foreach (var (notice, planNumber, content) in items)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(notice.Plan, notice.TaskKey, agency),
                Summary = $"Hạn nhiệm vụ {notice.Task} ({planNumber})",
                Description = content,
                DtStart = new CalDateTime(notice.Due.Year, notice.Due.Month, notice.Due.Day),
                DtEnd = new CalDateTime(notice.Due.PlusDays(1).Year, notice.Due.PlusDays(1).Month, notice.Due.PlusDays(1).Day),
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return new MailAttachment("thoi-han-nhiem-vu.ics", "text/calendar; method=PUBLISH; charset=utf-8", Encoding.UTF8.GetBytes(text));
    }
}
