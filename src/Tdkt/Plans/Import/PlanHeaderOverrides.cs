using Tdkt.Input;

namespace Tdkt.Plans.Import;

/// <summary>The header fields an administrator gives (<c>--number</c>, <c>--issuer</c>, <c>--issued-on</c>; the same on the API), blanks ignored.</summary>
public static class PlanHeaderOverrides
{
    public static PlanReference? Of(string? number, string? issuer, string? issuedOn)
    {
        static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : VietnameseText.Clean(value);
        var reference = new PlanReference(Given(number), Given(issuer), Given(issuedOn));
        return reference == PlanReference.None ? null : reference;
    }

    /// <summary>The header fields an administrator may give, as errors name them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["number", "issuer", "issuedOn"];

    /// <summary>How to give a missing header field on the command line and the API, ending a sentence; a host with its own form replaces it (<see cref="Rehint"/>).</summary>
    public static string Hint(string field) => field switch
    {
        "number" => "ghi bằng --number (API: number=…).",
        "issuer" => "ghi bằng --issuer (API: issuer=…).",
        "issuedOn" => "ghi bằng --issued-on dd/MM/yyyy (API: issuedOn=…).",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>An error's message with the command line's hint for a header field replaced by <paramref name="hint"/>; any other message unchanged.</summary>
    public static string Rehint(InputError error, Func<string, string> hint)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(hint);
        return Fields.Contains(error.Field) && error.Message.EndsWith(Hint(error.Field), StringComparison.Ordinal)
            ? error.Message[..^Hint(error.Field).Length] + hint(error.Field)
            : error.Message;
    }
}
