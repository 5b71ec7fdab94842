namespace Tdkt.Mail;

/// <summary>One request in a digest: "Nhiệm vụ 1 (252/KH-UBND): …" and what happened to it.</summary>
public sealed record ExtensionView(string Number, string Plan, string Content, string Text);
