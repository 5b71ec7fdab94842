using System.Text.RegularExpressions;

namespace Tdkt.Web.Telemetry;

/// <summary>
/// What no exported log or span may carry, removed in one place before any exporter sees it, on both hosts: an agency's
/// link token in a path (<c>/api/a/{token}</c>, its calendar feed, a file download, a console sign-in link), a key or
/// a sealed value in a query (<c>?code=</c>, <c>m=</c>, <c>s=</c>, …), the console's cookie, and email addresses. The
/// framework's own records ("Request starting … /api/a/…?code=…") pass through it like the product's.
/// </summary>
public static partial class TelemetryScrubber
{
    public const string Token = "{token}";
    public const string Hidden = "***";

    /// <summary>The text with every secret replaced; the same text when there is none.</summary>
    public static string Scrub(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !MayHold().IsMatch(text))
        {
            return text;
        }
        text = PathToken().Replace(text, Token);
        text = QueryValue().Replace(text, Hidden);
        text = ConsoleCookie().Replace(text, Hidden);
        return Email().Replace(text, "***@***");
    }

    /// <summary>A value as exported: strings and values that print as text (a path, a query string) scrubbed; numbers and flags as they are.</summary>
    public static object? Scrub(object? value) => value switch
    {
        null or bool or int or long or double or float or decimal or short or byte or uint or ulong or ushort or sbyte => value,
        string s => Scrub(s),
        _ => value.ToString() is { } printed ? Scrub(printed) : null,
    };

    /// <summary>A cheap first look: no slash, equals sign or at sign, nothing to scrub.</summary>
    [GeneratedRegex(@"[/=@]")]
    private static partial Regex MayHold();

    [GeneratedRegex(@"(?<=/(?:api/(?:a|cal|f)|console/signin)/)[^\s/?#""'&<>]+")]
    private static partial Regex PathToken();

    [GeneratedRegex(@"(?<=[?&](?:code|m|s|t|k|csrf|proof|key|token|sig|email|link)=)[^&\s""'#<>]*", RegexOptions.IgnoreCase)]
    private static partial Regex QueryValue();

    [GeneratedRegex(@"(?<=tdkt_console=)[^;\s""']+")]
    private static partial Regex ConsoleCookie();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")]
    private static partial Regex Email();
}
