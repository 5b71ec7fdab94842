using NodaTime;

namespace Tdkt.Assignments;

/// <summary>Who said an assignment is done, when and how (the completion columns of its row).</summary>
public sealed record CompletionInfo(LocalDate On, Instant At, string? By, string? Note, string Via, string? ClientIp = null, string? UserAgent = null);
