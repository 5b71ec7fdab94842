
namespace Tdkt.Assignments;

/// <summary>What a completion records besides the date: the typed name, a note and where it came from.</summary>
public sealed record CompletionInput(string? By, string? Note, string Via, string? ClientIp = null, string? UserAgent = null);
