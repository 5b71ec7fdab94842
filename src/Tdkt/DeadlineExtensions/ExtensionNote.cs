using NodaTime;

namespace Tdkt.DeadlineExtensions;

/// <summary>
/// One line of a daily digest about a request for more time: to <see cref="Recipient"/>, about <see cref="Agency"/>'s part in
/// a task; <see cref="From"/> the date before, <see cref="Date"/> the date asked or granted; <see cref="Words"/> the reason
/// given with the request (waiting, asked) or the answer (approved, declined).
/// </summary>
public sealed record ExtensionNote(string Recipient, string Plan, string TaskKey, string Task, ExtensionNoteKind Kind, string Agency, LocalDate From, LocalDate Date,
    string? Words, string? By);
