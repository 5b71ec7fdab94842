
namespace Tdkt.Retention;

/// <summary>What one retention run did, and whether work was left for the next.</summary>
public sealed record RetentionResult(int SlotsDeleted, int PayloadsRemoved, int NetworkDataRemoved, int NamesRemoved, bool MoreLeft)
{
    /// <summary>Attached files deleted with their plan's records period (content and listing).</summary>
    public int FilesDeleted { get; init; }

    public int Total => SlotsDeleted + PayloadsRemoved + NetworkDataRemoved + NamesRemoved + FilesDeleted;
}
