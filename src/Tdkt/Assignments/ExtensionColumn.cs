using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Assignments;

/// <summary>The <c>Extension</c> column of an assignment row and its agency copy, as JSON ("" or missing: none).</summary>
public static class ExtensionColumn
{
    public const string Name = "Extension";

    private sealed record Stored(
        [property: JsonPropertyName("granted")] string? Granted,
        [property: JsonPropertyName("request")] StoredRequest? Request);

    private sealed record StoredRequest(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("asked")] string Asked,
        [property: JsonPropertyName("reason")] string? Reason,
        [property: JsonPropertyName("at")] long AtUnixMs,
        [property: JsonPropertyName("by")] string? By,
        [property: JsonPropertyName("via")] string Via,
        [property: JsonPropertyName("status")] string Status,
        [property: JsonPropertyName("to")] string? To,
        [property: JsonPropertyName("decidedAt")] long? DecidedAtUnixMs,
        [property: JsonPropertyName("decidedBy")] string? DecidedBy,
        [property: JsonPropertyName("answer")] string? Answer,
        [property: JsonPropertyName("decidedVia")] string? DecidedVia,
        [property: JsonPropertyName("supervisor")] string? Supervisor);

    public static ExtensionState Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return ExtensionState.None;
        }
        var stored = JsonSerializer.Deserialize<Stored>(json);
        if (stored is null)
        {
            return ExtensionState.None;
        }
        var r = stored.Request;
        return new ExtensionState(Date(stored.Granted), r is null ? null
            : new ExtensionRequest(Date(r.From) ?? default, Date(r.Asked) ?? default, r.Reason, Instant.FromUnixTimeMilliseconds(r.AtUnixMs), r.By, r.Via)
            {
                Status = Enum.TryParse<ExtensionStatus>(r.Status, ignoreCase: true, out var status) ? status : ExtensionStatus.Pending,
                To = Date(r.To),
                DecidedAt = r.DecidedAtUnixMs is { } ms ? Instant.FromUnixTimeMilliseconds(ms) : null,
                DecidedBy = r.DecidedBy,
                Answer = r.Answer,
                DecidedVia = r.DecidedVia,
                Supervisor = r.Supervisor,
            });
    }

    public static string Write(ExtensionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var r = state.Request;
        return JsonSerializer.Serialize(new Stored(Format(state.GrantedTo), r is null ? null
            : new StoredRequest(Format(r.From)!, Format(r.Asked)!, r.Reason, r.At.ToUnixTimeMilliseconds(), r.By, r.Via, r.Status.ToString().ToLowerInvariant(),
                Format(r.To), r.DecidedAt?.ToUnixTimeMilliseconds(), r.DecidedBy, r.Answer, r.DecidedVia, r.Supervisor)));
    }

    private static string? Format(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    private static LocalDate? Date(string? text) => text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } parsed ? parsed.Value : null;
}
