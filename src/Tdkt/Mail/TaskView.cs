namespace Tdkt.Mail;

/// <summary>One task in a digest. <see cref="Others"/> lists the co-responsible agencies ("" when none).</summary>
public sealed record TaskView(
    string Number,
    string Plan,
    string Content,
    string Deadline,
    string Phrase,
    string Status,
    string Role,
    string Others,
    bool Late);
