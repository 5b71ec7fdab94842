using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace Tdkt.Assignments;

public enum ExtensionStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// An agency's request for more time on one assignment (or an administrator's extension, which is its own answer):
/// the due date it had then, the date asked, why, when and by whom; and, once decided, the answer.
/// </summary>
public sealed record ExtensionRequest(LocalDate From, LocalDate Asked, string? Reason, Instant At, string? By, string Via)
{
    public ExtensionStatus Status { get; init; } = ExtensionStatus.Pending;

    /// <summary>The date granted (the one asked, or another the supervisor chose).</summary>
    public LocalDate? To { get; init; }

    public Instant? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }

    /// <summary>The supervisor's words: why it declined, or a note with an approval.</summary>
    public string? Answer { get; init; }

    public string? DecidedVia { get; init; }

    /// <summary>The supervising agency the request went to (whose page lists it until it is decided).</summary>
    public string? Supervisor { get; init; }
}

/// <summary>
/// What an assignment holds about extensions: the date last granted, and the last request (pending or decided).
/// The plan's own date stays in the row's <c>Due</c> column; the date in force is the later of the two
/// (<see cref="DueAfter"/>), so a re-import that moves the plan's date later wins, and an extension never brings a date forward.
/// </summary>
public sealed record ExtensionState(LocalDate? GrantedTo, ExtensionRequest? Request)
{
    public static readonly ExtensionState None = new(null, null);

    public bool IsPending => Request is { Status: ExtensionStatus.Pending };

    /// <summary>The due date in force for an assignment whose plan says <paramref name="planDue"/>.</summary>
    public LocalDate DueAfter(LocalDate planDue) => GrantedTo is { } to && to > planDue ? to : planDue;

    /// <summary>Whether the date in force is an extension of the plan's.</summary>
    public bool Extends(LocalDate planDue) => GrantedTo is { } to && to > planDue;
}

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
