using NodaTime;
using Tdkt.Plans;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class DeadlineRulesTests
{
    [Theory]
    [InlineData("QUÝ I", "2023-03-31", DeadlineRule.EndOfQuarter)]
    [InlineData("QUÝ II", "2023-06-30", DeadlineRule.EndOfQuarter)]
    [InlineData("QUÝ IV", "2023-12-31", DeadlineRule.EndOfQuarter)]
    [InlineData("trước ngày 15/01/2023", "2023-01-14", DeadlineRule.BeforeDate)]
    [InlineData("trước ngày 01/03/2023", "2023-02-28", DeadlineRule.BeforeDate)]
    [InlineData("ngày 15/01/2023", "2023-01-15", DeadlineRule.OnDate)]
    [InlineData("chậm nhất ngày 15/01/2023", "2023-01-15", DeadlineRule.OnDate)]
    [InlineData("chậm nhất là ngày 5/1/2023", "2023-01-05", DeadlineRule.OnDate)]
    [InlineData("trong ngày 15/01/2023", "2023-01-15", DeadlineRule.OnDate)]
    [InlineData("tháng 2", "2023-02-28", DeadlineRule.EndOfMonth)]
    [InlineData("tháng 4/2023", "2023-04-30", DeadlineRule.EndOfMonth)]
    [InlineData("6 tháng đầu năm", "2023-06-30", DeadlineRule.FirstHalf)]
    [InlineData("trước ngày **15/01/2023**", "2023-01-14", DeadlineRule.BeforeDate)]
    [InlineData("Tháng 01/2023", "2023-01-31", DeadlineRule.EndOfMonth)]
    [InlineData("Tháng 01/202 3", "2023-01-31", DeadlineRule.EndOfMonth)]
    [InlineData("Chậm nhất ngày 20/11/2 023", "2023-11-20", DeadlineRule.OnDate)]
    [InlineData("Tháng 7, tháng 8/2023", "2023-08-31", DeadlineRule.EndOfMonth)]
    [InlineData("Tháng 9 - 10", "2023-10-31", DeadlineRule.EndOfMonth)]
    [InlineData("Từ tháng 3 đến tháng 5 năm 2023", "2023-05-31", DeadlineRule.EndOfMonth)]
    [InlineData("Trong tháng 12", "2023-12-31", DeadlineRule.EndOfMonth)]
    [InlineData("Quý II/2023", "2023-06-30", DeadlineRule.EndOfQuarter)]
    [InlineData("Quý III", "2023-09-30", DeadlineRule.EndOfQuarter)]
    [InlineData("Quý I, II", "2023-06-30", DeadlineRule.EndOfQuarter)]
    [InlineData("Trong quý IV năm 2023", "2023-12-31", DeadlineRule.EndOfQuarter)]
    [InlineData("6 tháng cuối năm", "2023-12-31", DeadlineRule.SecondHalf)]
    [InlineData("6 tháng đầu năm 2023", "2023-06-30", DeadlineRule.FirstHalf)]
    [InlineData("Trước ngày 15/3/2023", "2023-03-14", DeadlineRule.BeforeDate)]
    [InlineData("Trước ngày 15/3", "2023-03-14", DeadlineRule.BeforeDate)]
    [InlineData("Chậm nhất ngày 20/11/2023.", "2023-11-20", DeadlineRule.OnDate)]
    [InlineData("Hoàn thành trước ngày 20 tháng 11 năm 2023", "2023-11-19", DeadlineRule.BeforeDate)]
    [InlineData("Năm 2023", "2023-12-31", DeadlineRule.EndOfYear)]
    [InlineData("Cả năm", "2023-12-31", DeadlineRule.EndOfYear)]
    [InlineData("Trong năm", "2023-12-31", DeadlineRule.EndOfYear)]
    [InlineData("Quý I (trước ngày 15/3/2023)", "2023-03-14", DeadlineRule.BeforeDate)]
    [InlineData("Thường xuyên", "2023-12-31", DeadlineRule.Ongoing)]
    [InlineData("Thường xuyên, liên tục", "2023-12-31", DeadlineRule.Ongoing)]
    public void A_deadline_phrase_means_its_last_allowed_day(string phrase, string due, DeadlineRule rule)
    {
        var deadline = DeadlineRules.Parse(phrase, 2023, out var error);

        Assert.Null(error);
        Assert.NotNull(deadline);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(due).Value, deadline.Due);
        Assert.Equal(rule, deadline.Rule);
    }

    [Fact]
    public void The_original_phrase_is_kept_for_users()
    {
        var deadline = DeadlineRules.Parse("chậm nhất ngày 15/01/2023", 2023, out _);

        Assert.Equal("chậm nhất ngày 15/01/2023", deadline!.Phrase);
    }

    [Theory]
    [InlineData("trước ngày 31/02/2023")]
    [InlineData("ngày 00/01/2023")]
    [InlineData("ngày 12/13/2023")]
    public void An_impossible_date_is_rejected_naming_the_phrase(string phrase)
    {
        var deadline = DeadlineRules.Parse(phrase, 2023, out var error);

        Assert.Null(deadline);
        Assert.Contains("không tồn tại", error, StringComparison.Ordinal);
        Assert.Contains(phrase, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_phrase_is_rejected_with_the_accepted_forms()
    {
        var deadline = DeadlineRules.Parse("sớm nhất có thể", 2023, out var error);

        Assert.Null(deadline);
        Assert.Contains("Không hiểu thời hạn “sớm nhất có thể”", error, StringComparison.Ordinal);
        Assert.Contains("trước ngày 15/01/2023", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_inside_the_content_is_found()
    {
        var deadline = DeadlineRules.FindInContent("Xây dựng kế hoạch, gửi về Sở Nội vụ trước ngày 15/01/2023 để tổng hợp", 2023, out _);

        Assert.Equal(new LocalDate(2023, 1, 14), deadline!.Due);
    }

    [Fact]
    public void A_bare_date_in_the_content_dates_a_cited_document_and_is_not_a_deadline()
    {
        var deadline = DeadlineRules.FindInContent("Trình HĐND tỉnh đề nghị sửa đổi Nghị quyết số 27/2021/NQ-HĐND ngày 09/12/2021 của HĐND tỉnh", 2023, out var error);

        Assert.Null(deadline);
        Assert.Null(error);
    }
}
