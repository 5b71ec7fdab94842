
namespace Tdkt.Plans;

/// <summary>One thing roll-forward changed, for the administrator to review before activating.</summary>
public sealed record RollForwardChange(string Task, string Field, string Before, string After);
