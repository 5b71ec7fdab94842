using NodaTime;
using Tdkt.Clock;

namespace Tdkt.Assignments;

/// <summary>
/// One file an agency attached to its assignment: the blob's id, the safe name it is offered under, its kind by
/// content, its size, when and by whom (the name typed on the page, if any) and how it came (link or admin).
/// </summary>
public sealed record EvidenceFile(string Id, string Name, EvidenceKind Kind, long Bytes, Instant At, string? By, string Via)
{
    /// <summary>"PDF, 1,2 MB, gửi lúc 09:15 ngày 24/03/2023, người gửi: Nguyễn Văn A": how the pages and the reports describe it.</summary>
    public string Details =>
        $"{EvidenceKinds.Label(Kind)}, {EvidenceColumn.Size(Bytes)}, gửi lúc {VietnamTime.Moment(At)}" + (By is { } by ? $", người gửi: {by}" : "")
        + (Via == CompletionVia.Admin ? " (quản trị viên đính kèm)" : "");
}
