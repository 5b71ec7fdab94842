
namespace Tdkt.Operations;

/// <summary>
/// <see cref="Healthy"/> is about reaching storage (probes restart on it); <see cref="Warnings"/> are the conditions a
/// person must look at (<see cref="Operations.OperationalChecks"/>): they never make the probe fail.
/// </summary>
public sealed record HealthReport(bool Healthy, string Version, string CheckedAt, string Storage)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
