using Azure.Data.Tables;
using Tdkt.Assignments;

namespace Tdkt.DeadlineExtensions;

/// <summary>What one step of an extension writes besides the assignment's <c>Extension</c> column: its audit row and the supervisor's inbox.</summary>
public sealed record ExtensionChange(ExtensionState Next, AuditEntry Audit, IReadOnlyList<TableTransactionAction> Inbox);
