using NodaTime;
using Tdkt.Calendar;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Calendar;

/// <summary>Tết and Giỗ Tổ computed from the Vietnamese lunar calendar (UTC+7), checked against the dates published for 2023-2030.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class LunarCalendarTests
{
    [Theory]
    [InlineData(2023, "2023-01-22", "2023-04-29")]
    [InlineData(2024, "2024-02-10", "2024-04-18")]
    [InlineData(2025, "2025-01-29", "2025-04-07")]
    [InlineData(2026, "2026-02-17", "2026-04-26")]
    [InlineData(2027, "2027-02-06", "2027-04-16")]
    [InlineData(2028, "2028-01-26", "2028-04-04")]
    [InlineData(2029, "2029-02-13", "2029-04-23")]
    [InlineData(2030, "2030-02-02", "2030-04-12")]
    public void Tet_and_the_Hung_Kings_day_are_the_published_dates(int year, string tet, string hungKings)
    {
        Assert.Equal((tet, hungKings), (LunarCalendar.Tet(year).ToString("yyyy-MM-dd", null), LunarCalendar.HungKings(year).ToString("yyyy-MM-dd", null)));
    }

    [Fact]
    public void The_eve_of_Tet_2027_is_the_29th_of_the_last_month_so_the_statutory_break_starts_on_Friday_5_February()
    {
        var tet = StatutoryHolidays.Named(2027).Where(h => h.Name == "Tết Âm lịch").Select(h => h.Day).ToList();

        Assert.Equal([new LocalDate(2027, 2, 5), new LocalDate(2027, 2, 6), new LocalDate(2027, 2, 7), new LocalDate(2027, 2, 8), new LocalDate(2027, 2, 9)], tet);
    }

    [Fact]
    public void Years_past_the_old_table_have_their_lunar_holidays_and_every_Tet_falls_between_21_January_and_20_February()
    {
        for (var year = 1950; year <= 2150; year++)
        {
            var tet = LunarCalendar.Tet(year);
            Assert.InRange(tet, new LocalDate(year, 1, 21), new LocalDate(year, 2, 20));
            // Giỗ Tổ is 10/3: two lunar months and nine days after Tết, or three with a leap month between.
            Assert.InRange(Period.Between(tet, LunarCalendar.HungKings(year), PeriodUnits.Days).Days, 66, 98);
        }
        Assert.Contains(StatutoryHolidays.Named(2031), h => h.Name == "Giỗ Tổ Hùng Vương");
        Assert.True(StatutoryHolidays.KnowsLunar(2100));
    }
}
