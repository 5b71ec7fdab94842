
namespace Tdkt.Operations;

/// <summary>
/// A condition that needs a person: its code (as alerts and JSON name it), what to say in Vietnamese, and the detail
/// (the last error, which can name an address) that only the administrator's tools show.
/// </summary>
public sealed record OperationalAlarm(string Code, string Summary, string? Detail = null)
{
    public string Message => Detail is null ? Summary : $"{Summary}; {Detail}";
}
