namespace Tdkt.Benchmarks;

/// <summary>
/// How big a run is: full sizes for the figures in docs/performance.md, or <c>bench/run smoke</c>, every benchmark at
/// small sizes so CI runs each one (a benchmark that no longer runs is a defect) within its budget.
/// </summary>
public static class Bench
{
    public static bool Smoke { get; set; }

    public static int Size(int full, int smoke) => Smoke ? smoke : full;
}
