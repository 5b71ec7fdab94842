namespace Tdkt.Mail;

public sealed record SectionView(string Title, string Hint, IReadOnlyList<TaskView> Tasks);
