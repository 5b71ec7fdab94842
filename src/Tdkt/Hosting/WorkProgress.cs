namespace Tdkt.Hosting;

/// <summary>How far one stage of a long piece of work has got, for whoever shows it (the CLI's progress line).</summary>
/// <param name="Stage">What is being done, in Vietnamese, e.g. "Lưu kế hoạch".</param>
/// <param name="Done">Units done so far.</param>
/// <param name="Total">Units in all, when known.</param>
/// <param name="Unit">The unit, e.g. "dòng" or "thư".</param>
public sealed record WorkProgress(string Stage, long Done, long? Total, string Unit);
