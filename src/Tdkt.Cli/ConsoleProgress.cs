using System.Diagnostics;
using System.Globalization;
using Tdkt.Hosting;

namespace Tdkt.Cli;

/// <summary>
/// The progress line of long commands: one line on stderr, redrawn at most ten times a second and erased when
/// the work ends (as git does), so the result printed after it stands alone. Only on a terminal: with stderr
/// redirected (logs, pipes, scripts) or <c>--json</c> there is no progress, and stderr keeps to its one error line.
/// </summary>
public sealed class ConsoleProgress : IProgress<WorkProgress>, IDisposable
{
    private static readonly CultureInfo Vietnamese = Tdkt.Input.VietnameseText.Culture;
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter error;
    private readonly Lock gate = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private WorkProgress? latest;
    private WorkProgress? drawn;
    private string? drawnStage;
    private TimeSpan drawnAt;
    private bool ended;

    public ConsoleProgress(TextWriter error) => this.error = error;

    /// <summary>A progress line on <paramref name="error"/> if it is the terminal, else null (nothing to show).</summary>
    public static ConsoleProgress? ForTerminal(TextWriter error, bool json) =>
        json || Console.IsErrorRedirected || !ReferenceEquals(error, Console.Error) ? null : new ConsoleProgress(error);

    public void Report(WorkProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (gate)
        {
            if (ended)
            {
                return;
            }
            if (latest is { } last && last.Stage == value.Stage)
            {
                // Counters only go up, but reports from parallel work can arrive out of order: keep the furthest.
                value = value with
                {
                    Done = Math.Max(last.Done, value.Done),
                    Total = last.Total is { } before && value.Total is { } now ? Math.Max(before, now) : value.Total ?? last.Total,
                };
            }
            else if (latest is { } finished && !ReferenceEquals(finished, drawn))
            {
                // A new stage: show where the previous one ended first (its last figures may have come between
                // two redraws), so a short stage is not left on screen at "0 dòng".
                Draw(finished);
            }
            latest = value;
            // A new stage shows at once; within a stage, ten redraws a second are enough to see it move.
            if (value.Stage != drawnStage || clock.Elapsed - drawnAt >= Every)
            {
                Draw(value);
            }
        }
    }

    /// <summary>Where the work got to, in Vietnamese: "Lưu kế hoạch: 3.400/10.200 dòng (33 %)", "Đọc chỉ mục hạn: 12.000 dòng".</summary>
    public static string Describe(WorkProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var done = value.Done.ToString("N0", Vietnamese);
        if (value is { Done: 0, Total: 0 })
        {
            // Started, and not yet known how much there is.
            return $"{value.Stage}…";
        }
        return value.Total is { } total
            ? $"{value.Stage}: {done}/{total.ToString("N0", Vietnamese)} {value.Unit} ({(total == 0 ? 100 : 100 * value.Done / total)} %)"
            : $"{value.Stage}: {done} {value.Unit}";
    }

    private void Draw(WorkProgress value)
    {
        // \r back to the start of the line, ESC[K erases what a longer line left behind.
        error.Write($"\r{Describe(value)}\u001b[K");
        error.Flush();
        drawn = value;
        drawnStage = value.Stage;
        drawnAt = clock.Elapsed;
    }

    /// <summary>Draws the last figures (so a short stage is seen to finish), then erases the line.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (latest is not null)
            {
                if (!ReferenceEquals(latest, drawn))
                {
                    Draw(latest);
                }
                error.Write("\r\u001b[K");
                error.Flush();
            }
            ended = true;
        }
    }
}
