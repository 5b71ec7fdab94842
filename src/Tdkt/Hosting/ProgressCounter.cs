namespace Tdkt.Hosting;

/// <summary>
/// Counts one stage's units from any number of threads and reports every change to a sink. Work that may run
/// without anyone watching takes a nullable counter (<see cref="For"/> gives null without a sink) and calls it
/// with <c>?.</c>, so unwatched work pays nothing.
/// </summary>
public sealed class ProgressCounter
{
    private readonly IProgress<WorkProgress> sink;
    private readonly string stage;
    private readonly string unit;
    private readonly bool totalKnown;
    private long done;
    private long total;

    private ProgressCounter(IProgress<WorkProgress> sink, string stage, string unit, long? total)
    {
        this.sink = sink;
        this.stage = stage;
        this.unit = unit;
        totalKnown = total is not null;
        this.total = total ?? 0;
    }

    /// <summary>A counter reporting to <paramref name="sink"/>, or null when there is none. Without <paramref name="total"/> it is grown by <see cref="AddTotal"/>, or unknown.</summary>
    public static ProgressCounter? For(IProgress<WorkProgress>? sink, string stage, string unit, long? total = null) =>
        sink is null ? null : new ProgressCounter(sink, stage, unit, total);

    /// <summary>A counter whose total is learned as the work finds out how much there is (each part adds its own).</summary>
    public static ProgressCounter? Growing(IProgress<WorkProgress>? sink, string stage, string unit) => For(sink, stage, unit, 0);

    /// <summary>Reports the stage as started (nothing done yet).</summary>
    public void Start() => Report(Interlocked.Read(ref done));

    public void AddTotal(long units)
    {
        Interlocked.Add(ref total, units);
        Report(Interlocked.Read(ref done));
    }

    public void Add(long units) => Report(Interlocked.Add(ref done, units));

    /// <summary>For work that keeps its own count: the units done so far (never less than already reported).</summary>
    public void Set(long doneSoFar)
    {
        long seen;
        while ((seen = Interlocked.Read(ref done)) < doneSoFar && Interlocked.CompareExchange(ref done, doneSoFar, seen) != seen)
        {
        }
        Report(Math.Max(seen, doneSoFar));
    }

    private void Report(long doneNow) =>
        sink.Report(new WorkProgress(stage, doneNow, totalKnown ? Math.Max(doneNow, Interlocked.Read(ref total)) : null, unit));
}
