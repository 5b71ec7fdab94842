using Azure.Data.Tables;
using Tdkt.Assignments;

namespace Tdkt.DeadlineExtensions;

/// <summary>
/// Writes an extension step: the assignment row (with the ETag it was read at), the agency's copy and stamp, the audit
/// row and the supervising agency's inbox item and stamp, in one transaction of the plan's partition; read again when
/// the row changed meanwhile. The due-date index follows after (<see cref="ExtensionService"/>).
/// </summary>
public sealed class ExtensionStore(AssignmentTable assignments)
{
    public static class Actions
    {
        public const string Request = "extension-request";
        public const string Approve = "extension-approve";
        public const string Decline = "extension-decline";

        /// <summary>Every extension action starts so; <see cref="End"/> follows them all ('.' after '-').</summary>
        public const string Prefix = "extension-";
        public const string End = "extension.";
    }

    /// <summary>
    /// Reads the assignment, lets <paramref name="decide"/> say what happens (an outcome, and a change or none), and writes
    /// the change. Returns the outcome and the assignment as read before the change (null when it is not there).
    /// </summary>
    public Task<(T Outcome, AssignmentRecord? Record)> ChangeAsync<T>(string plan, AssignmentKey key,
        Func<AssignmentRecord, (T Outcome, ExtensionChange? Change)> decide, T notHeld, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return assignments.ChangeAsync(plan, key, AssignmentColumns.Extension, record =>
        {
            var (outcome, change) = decide(record);
            return change is null
                ? (outcome, null, [])
                : (outcome, ExtensionColumn.Write(change.Next), [new(TableTransactionActionType.Add, AuditLog.Row(change.Audit)), .. change.Inbox]);
        }, notHeld, cancellationToken);
    }
}
