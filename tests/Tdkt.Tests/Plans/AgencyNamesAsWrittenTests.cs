using Tdkt.Agencies;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>
/// Agencies cells as plans write them: names that contain " - " or commas are one agency, lists are cut only where the
/// directory's names end, and a person's title stands for the office that person heads.
/// </summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class AgencyNamesAsWrittenTests
{
    private const string Header = "Ngày 22/12/2022, đơn vị nhận được Kế hoạch số 252/KH-UBND ngày 21/12/2022 của Ủy ban nhân dân tỉnh Lạng Sơn về công tác thi đua, khen thưởng năm 2023.\n\nKẾ HOẠCH\n\nCông tác thi đua, khen thưởng năm 2023\n\nTT\tNội dung\tCơ quan thực hiện\nQUÝ I\t\t\n";

    private static AgencyDirectory Directory() => new(Samples.Directory().Agencies.Append(
        new Agency(new AgencyId("ubnd-cac-xa"), "Ủy ban nhân dân các xã, phường, đặc khu", new ValueList<string>(["UBND các xã, phường, đặc khu"]),
            new ValueList<string>([]), new ValueList<string>([]), null, new ValueList<AgencyId>([new AgencyId("so-tai-chinh")]), IsGroup: true)));

    [Theory]
    [InlineData("- Hội đồng Thi đua - Khen thưởng tỉnh.", "hoi-dong-tdkt-tinh")]
    [InlineData("Hội đồng Thi đua - Khen thưởng tỉnh; Sở Nội vụ", "hoi-dong-tdkt-tinh,so-noi-vu")]
    [InlineData("Hội đồng thi đua, khen thưởng tỉnh", "hoi-dong-tdkt-tinh")]
    [InlineData("Sở Văn hóa, Thể thao và Du lịch, Sở Tài chính", "so-van-hoa-the-thao-va-du-lich,so-tai-chinh")]
    [InlineData("UBND tỉnh - Sở Nội vụ", "ubnd-tinh,so-noi-vu")]
    [InlineData("Giám đốc Sở Nội vụ", "so-noi-vu")]
    [InlineData("Chánh Văn phòng UBND tỉnh", "van-phong-ubnd-tinh")]
    [InlineData("Chủ tịch UBND tỉnh; Giám đốc Sở Tài chính", "ubnd-tinh,so-tai-chinh")]
    [InlineData("Chủ tịch UBND các xã, phường, đặc khu", "so-tai-chinh")]
    [InlineData("- UBND tỉnh.\n- Hội đồng Thi đua - Khen thưởng tỉnh.\n- Các cơ quan, đơn vị liên quan.", "ubnd-tinh,hoi-dong-tdkt-tinh,so-giao-duc-va-dao-tao,so-tai-chinh,so-van-hoa-the-thao-va-du-lich")]
    public void A_cell_reads_as_the_agencies_it_names(string cell, string expected)
    {
        var result = Samples.Import(Header + "1\tPhát động phong trào thi đua\t" + cell.Replace("\n", "<br>", StringComparison.Ordinal) + "\n",
            directory: Directory());

        Assert.Empty(result.Errors);
        Assert.Equal(expected, string.Join(",", Assert.Single(result.Plan!.Tasks).Agencies.Select(a => a.Value)));
    }

    [Fact]
    public void A_name_with_a_dash_the_directory_lacks_is_one_unknown_name_not_two()
    {
        var result = Samples.Import(Header + "1\tPhát động phong trào thi đua\tSở Nội vụ; Phòng Văn hóa - Xã hội\n");

        var error = Assert.Single(result.Errors);
        Assert.Contains("Không có cơ quan “Phòng Văn hóa - Xã hội” trong danh bạ", error.Message, StringComparison.Ordinal);
        Assert.Equal("Phòng Văn hóa - Xã hội", Assert.Single(result.UnknownAgencies).Written);
    }

    [Fact]
    public void An_unknown_name_among_known_ones_is_named_alone()
    {
        var result = Samples.Import(Header + "1\tPhát động phong trào thi đua\tSở Nội vụ, Phòng Nội vụ huyện, Sở Tài chính\n");

        Assert.Equal(["Phòng Nội vụ huyện"], result.UnknownAgencies.Select(u => u.Written));
    }

    [Fact]
    public void The_sample_directory_keeps_a_quoted_alias_with_a_comma_whole()
    {
        var council = Samples.Directory().Find(new AgencyId("hoi-dong-tdkt-tinh"))!;

        Assert.Contains("Hội đồng thi đua, khen thưởng tỉnh", council.Aliases);
        Assert.DoesNotContain("khen thưởng tỉnh", council.Aliases);
    }
}
