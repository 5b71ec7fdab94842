namespace Tdkt.Mail;

public sealed record ExtensionSectionView(string Title, string Hint, IReadOnlyList<ExtensionView> Items);
