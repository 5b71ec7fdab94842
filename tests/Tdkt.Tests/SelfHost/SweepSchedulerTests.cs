using NodaTime;
using Tdkt.SelfHost;

namespace Tdkt.Tests.SelfHost;

/// <summary>The self-hosted sweep timer reads Tdkt:Sweep:Schedule as the Functions host does: six-field NCRONTAB in UTC.</summary>
public sealed class SweepSchedulerTests
{
    [Theory]
    // The default: 01:00 UTC is 08:00 in Vietnam. At 08:00 Vietnam time on 24/03 the next run is the next day's.
    [InlineData("0 0 1 * * *", "2023-03-24T01:00:00Z", "2023-03-25T01:00:00Z")]
    [InlineData("0 0 1 * * *", "2023-03-23T20:00:00Z", "2023-03-24T01:00:00Z")]
    [InlineData(null, "2023-03-23T20:00:00Z", "2023-03-24T01:00:00Z")]
    // Weekdays only, at 07:30 Vietnam time: Friday 24/03 is followed by Monday 27/03.
    [InlineData("0 30 0 * * 1-5", "2023-03-24T01:00:00Z", "2023-03-27T00:30:00Z")]
    // Every five minutes, as DispatchPending runs.
    [InlineData("0 */5 * * * *", "2023-03-24T01:02:10Z", "2023-03-24T01:05:00Z")]
    public void The_next_run_is_the_schedules_next_occurrence_after_now(string? schedule, string now, string next)
    {
        var at = NodaTime.Text.InstantPattern.ExtendedIso.Parse(now).Value;

        Assert.Equal(next, NodaTime.Text.InstantPattern.ExtendedIso.Format(SweepScheduler.Next(SweepScheduler.Parse(schedule), at)));
    }

    [Theory]
    [InlineData("0 1 * * *")]
    [InlineData("mỗi ngày 8 giờ")]
    [InlineData("0 0 25 * * *")]
    public void A_schedule_that_is_not_six_field_ncrontab_is_refused_naming_the_setting(string schedule)
    {
        var error = Assert.Throws<InvalidOperationException>(() => SweepScheduler.Parse(schedule));

        Assert.Equal($"Tdkt:Sweep:Schedule “{schedule}” không phải lịch NCRONTAB sáu trường (giây phút giờ ngày tháng thứ, giờ UTC), ví dụ “0 0 1 * * *”.", error.Message);
    }

    [Fact]
    public void Next_is_strictly_after_now_even_on_an_occurrence()
    {
        var occurrence = Instant.FromUtc(2023, 3, 24, 1, 0);

        Assert.Equal(occurrence + Duration.FromDays(1), SweepScheduler.Next(SweepScheduler.Parse("0 0 1 * * *"), occurrence));
    }
}
