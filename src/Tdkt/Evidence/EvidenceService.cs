using NodaTime;
using Tdkt.Assignments;
using Tdkt.Clock;
using Tdkt.Completion;

namespace Tdkt.Evidence;

/// <summary>
/// The rules of attached files through an agency's link: only to a task it holds in an active plan, at most
/// <see cref="EvidenceStore.MaxPerAssignment"/> per assignment (a batch that would pass it is refused whole), and removed
/// by the agency only within <see cref="RemoveWindow"/> of being added through its link.
/// </summary>
public sealed class EvidenceService(EvidenceStore store, CompletionStore completions, CompletionService completion, VietnamClock clock)
{
    public static readonly Duration RemoveWindow = CompletionService.UndoWindow;

    public async Task<AttachOutcome> AttachAsync(string agency, TaskRef task, IReadOnlyList<EvidenceUpload> uploads, string? by, string via,
        string? clientIp, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        if (await completion.HeldAsync(agency, task, cancellationToken) is null
            || await completions.GetAsync(task.Plan.Value, task.AssignmentKey(agency), cancellationToken) is not { Removed: false } record)
        {
            return AttachOutcome.NotHeld;
        }
        if (record.Files.Count + uploads.Count > EvidenceStore.MaxPerAssignment)
        {
            return AttachOutcome.TooMany;
        }
        var name = CompletionService.Clean(by, CompletionService.MaxNameLength, singleLine: true);
        var ua = CompletionService.Clean(userAgent, CompletionService.MaxUserAgentLength, singleLine: true);
        foreach (var upload in uploads)
        {
            var (outcome, _) = await store.AttachAsync(task.Plan.Value, AssignmentKey.Parse(task.AssignmentKey(agency)), upload, name, via, clientIp, ua, cancellationToken);
            if (outcome != AttachOutcome.Attached)
            {
                return outcome;
            }
        }
        return AttachOutcome.Attached;
    }

    /// <summary>Whether the agency may still remove this file itself: added through its link, less than <see cref="RemoveWindow"/> ago.</summary>
    public bool CanRemove(EvidenceFile file) => file is { Via: CompletionVia.Link } && clock.Now - file.At <= RemoveWindow;

    public async Task<DetachOutcome> RemoveAsync(string agency, TaskRef task, string fileId, string? clientIp, string? userAgent, CancellationToken cancellationToken)
    {
        if (await completion.HeldAsync(agency, task, cancellationToken) is null)
        {
            return DetachOutcome.NotFound;
        }
        return await store.DetachAsync(task.Plan.Value, AssignmentKey.Parse(task.AssignmentKey(agency)), fileId, CanRemove, null, clientIp,
            CompletionService.Clean(userAgent, CompletionService.MaxUserAgentLength, singleLine: true), cancellationToken);
    }
}
