using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using Tdkt.DeadlineExtensions;

namespace Tdkt.Outbox;

/// <summary>How a digest is kept in the outbox: compact JSON with dates as yyyy-MM-dd and kinds by name.</summary>
public static class DigestJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new LocalDateConverter(), new NoticeKindConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Write(Digest digest) =>
        JsonSerializer.Serialize(new DailyPayload(digest.AgencyName, [.. digest.Notices], digest.Extensions.Count == 0 ? null : [.. digest.Extensions]), Options);

    public static string Write(WeeklySummary summary) =>
        JsonSerializer.Serialize(new WeeklyPayload(summary.AgencyName, [.. summary.Agencies]), Options);

    public static string Write(PeriodicReportMail mail) =>
        JsonSerializer.Serialize(new ReportPayload(mail.AgencyName, [.. mail.Reports]), Options);

    public static PeriodicReportMail ReadReport(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = JsonSerializer.Deserialize<ReportPayload>(entry.Payload, Options)!;
        return new PeriodicReportMail(entry.Key, payload.AgencyName, entry.To, entry.Cc, payload.Reports.ToValueList());
    }

    public static Digest ReadDaily(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = JsonSerializer.Deserialize<DailyPayload>(entry.Payload, Options)!;
        return new Digest(entry.Key, payload.AgencyName, entry.To, entry.Cc, payload.Notices.ToValueList())
        {
            Extensions = (payload.Extensions ?? []).ToValueList(),
        };
    }

    public static WeeklySummary ReadWeekly(OutboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var payload = JsonSerializer.Deserialize<WeeklyPayload>(entry.Payload, Options)!;
        return new WeeklySummary(entry.Key, payload.AgencyName, entry.To, entry.Cc, payload.Agencies.ToValueList());
    }

    /// <summary>A digest written before extensions existed has no <c>extensions</c>; one without any leaves it out, so its JSON is as before.</summary>
    private sealed record DailyPayload(string AgencyName, Notice[] Notices,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExtensionNote[]? Extensions = null);

    private sealed record WeeklyPayload(string AgencyName, AgencyProgress[] Agencies);

    private sealed record ReportPayload(string AgencyName, PeriodicReportItem[] Reports);

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            LocalDatePattern.Iso.Parse(reader.GetString()!).Value;

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }

    private sealed class NoticeKindConverter : JsonConverter<NoticeKind>
    {
        public override NoticeKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            NoticeKinds.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, NoticeKind value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Name());
    }
}
