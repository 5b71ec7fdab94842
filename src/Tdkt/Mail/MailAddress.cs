namespace Tdkt.Mail;

/// <summary>A named mailbox: an address and an optional display name.</summary>
public sealed record MailAddress(string Address, string? Name = null);
