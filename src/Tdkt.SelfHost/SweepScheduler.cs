using Microsoft.Extensions.DependencyInjection;
using NCrontab;
using NodaTime;
using Tdkt.Clock;
using Tdkt.Scheduling;
using Tdkt.Storage;

namespace Tdkt.SelfHost;

/// <summary>
/// The Sweep function's timer on this machine: once at start (as a past-due timer would, covering missed working
/// days), then at each occurrence of <c>Tdkt:Sweep:Schedule</c>, the same six-field NCRONTAB expression in UTC
/// that the Functions host reads, parsed by the same library.
/// </summary>
public sealed class SweepScheduler(IServiceProvider services, TextWriter output, TextWriter error)
{
    public const string DefaultSchedule = "0 0 1 * * *";

    /// <summary>The schedule, or an error that names the setting and says what it must look like.</summary>
    public static CrontabSchedule Parse(string? schedule)
    {
        var text = string.IsNullOrWhiteSpace(schedule) ? DefaultSchedule : schedule.Trim();
        return CrontabSchedule.TryParse(text, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException(
                $"Tdkt:Sweep:Schedule “{text}” không phải lịch NCRONTAB sáu trường (giây phút giờ ngày tháng thứ, giờ UTC), ví dụ “0 0 1 * * *”.");
    }

    /// <summary>The first occurrence strictly after <paramref name="now"/>.</summary>
    public static Instant Next(CrontabSchedule schedule, Instant now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var next = schedule.GetNextOccurrence(now.ToDateTimeUtc());
        return Instant.FromDateTimeUtc(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    public async Task RunAsync(string? scheduleSetting, CancellationToken cancellationToken)
    {
        var schedule = Parse(scheduleSetting);
        var sweep = services.GetRequiredService<DailySweep>();
        var clock = services.GetRequiredService<VietnamClock>();
        var trigger = SweepTriggers.SelfHostStart;
        while (!cancellationToken.IsCancellationRequested)
        {
            var today = clock.Today;
            try
            {
                var result = await sweep.RunTodayAsync(trigger, cancellationToken);
                await output.WriteLineAsync(result.WorkingDay
                    ? $"Quét nhắc việc {VietnamTime.Format(today)}: {result.Created} thư mới ({result.Notices} nhiệm vụ)."
                    : $"{VietnamTime.Format(today)}: ngày nghỉ, không gửi nhắc việc.");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && StorageFailure.IsStorage(ex))
            {
                await error.WriteLineAsync($"tdkt: lượt quét {VietnamTime.ShortDate(today)} chưa chạy được: {StorageFailure.Describe(ex)}");
            }
            var now = clock.Now;
            trigger = SweepTriggers.Timer;
            await Task.Delay((Next(schedule, now) - now).ToTimeSpan(), cancellationToken);
        }
    }
}
