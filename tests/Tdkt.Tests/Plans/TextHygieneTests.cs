using System.Text;
using Tdkt.Input;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class TextHygieneTests
{
    private static readonly string Seed = File.ReadAllText(Samples.PlanTextPath);

    [Fact]
    public void Decomposed_Unicode_with_BOM_and_CRLF_gives_the_same_plan()
    {
        var messy = Encoding.UTF8.GetPreamble()
            .Concat(Encoding.UTF8.GetBytes(Seed.Normalize(NormalizationForm.FormD).ReplaceLineEndings("\r\n")))
            .ToArray();

        var result = Tdkt.Plans.Import.PlanImporter.Import(messy, "plan.txt", Samples.Directory());

        Assert.Empty(result.Errors);
        Assert.Equal(Samples.Plan(), result.Plan);
        Assert.True(result.Plan!.Tasks[0].Content.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void UTF16_with_BOM_is_read()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Seed)).ToArray();

        Assert.Equal(Samples.Plan(), Tdkt.Plans.Import.PlanImporter.Import(bytes, "plan.txt", Samples.Directory()).Plan);
    }

    [Fact]
    public void Windows_1258_text_is_converted()
    {
        // "Việt Nam, Sở Nội vụ" in Windows-1258: base letters with separate tone-mark bytes.
        byte[] bytes = [0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D, 0x2C, 0x20, 0x53, 0xF5, 0xD2, 0x20, 0x4E, 0xF4, 0xF2, 0x69, 0x20, 0x76, 0x75, 0xF2];

        Assert.Equal("Việt Nam, Sở Nội vụ", TextDecoder.Decode(bytes, "plan.txt"));
    }

    [Fact]
    public void VNI_text_is_rejected_naming_the_encoding()
    {
        // "Sở Nội vụ Lạng Sơn" typed with the VNI font encoding.
        byte[] bytes = [0x53, 0xF4, 0xFB, 0x20, 0x4E, 0x6F, 0xE4, 0x69, 0x20, 0x76, 0x75, 0xEF, 0x20, 0x4C, 0x61, 0xEF, 0x6E, 0x67, 0x20, 0x53, 0xF4, 0x6E];

        var error = Assert.Single(Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes, "plan.txt")).Errors);

        Assert.Equal("encoding", error.Field);
        Assert.Contains("bảng mã VNI", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TCVN3_text_is_rejected_naming_the_encoding()
    {
        // "Sở Nội vụ, Đào tạo" typed with TCVN3 (ABC): ở=0xEB, ộ=0xE9, ụ=0xF4, Đ=0xA7, à=0xB5, ạ=0xB9.
        byte[] bytes = [0x53, 0xEB, 0x20, 0x4E, 0xE9, 0x69, 0x20, 0x76, 0xF4, 0x2C, 0x20, 0xA7, 0xB5, 0x6F, 0x20, 0x74, 0xB9, 0x6F];

        var error = Assert.Single(Assert.Throws<InputRejectedException>(() => TextDecoder.Decode(bytes, "plan.txt")).Errors);

        Assert.Contains("bảng mã TCVN3 (ABC)", error.Message, StringComparison.Ordinal);
    }
}
