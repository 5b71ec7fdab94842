namespace Tdkt.Outbox;

/// <summary>What the provider answered: its id for the message and a short human-readable answer.</summary>
public sealed record MailSendResult(string ProviderId, string Answer);
