using System.Text;

namespace Tdkt.Input;

/// <summary>
/// Turns an uploaded file's bytes into NFC text. UTF-8 (with or without BOM) and UTF-16 with a BOM are
/// read as they are; Windows-1258 is converted; the old font encodings TCVN3 (ABC) and VNI are recognised
/// and rejected with a message that says how to convert them, since their letters cannot be mapped back safely.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The Vietnamese letters beyond ASCII, precomposed (NFC).
    private const string VietnameseLetters =
        "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ" +
        "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Decode(bytes[3..], file);
        }
        if (bytes.StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            return Normalize(Encoding.Unicode.GetString(bytes[2..]));
        }
        if (bytes.StartsWith(new byte[] { 0xFE, 0xFF }))
        {
            return Normalize(Encoding.BigEndianUnicode.GetString(bytes[2..]));
        }
        try
        {
            return Normalize(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            // Not UTF-8: one of the legacy Vietnamese 8-bit encodings, or not text at all.
        }

        var windows1258 = Normalize(Encoding.GetEncoding(1258).GetString(bytes));
        if (LooksVietnamese(windows1258))
        {
            return windows1258;
        }
        var legacy = LooksLikeTcvn3(bytes) ? "TCVN3 (ABC)" : "VNI";
        throw new InputRejectedException([new InputError(file, null, "encoding",
            $"Tệp không phải Unicode: có vẻ là bảng mã {legacy}. Hãy chuyển sang Unicode (UTF-8), ví dụ bằng " +
            "chức năng chuyển mã của Unikey, rồi nhập lại.")]);
    }

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormC);

    /// <summary>True when nearly every non-ASCII letter is a Vietnamese letter (what Windows-1258 text becomes after NFC).</summary>
    private static bool LooksVietnamese(string text)
    {
        int vietnamese = 0, other = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }
            if (VietnameseLetters.Contains(c, StringComparison.Ordinal))
            {
                vietnamese++;
            }
            else if (char.IsLetter(c) || char.IsSymbol(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                other++;
            }
        }
        return vietnamese > 0 && other * 20 <= vietnamese;
    }

    /// <summary>TCVN3 puts its most frequent letters (ă â ê ô ơ ư đ, à á ả ã ạ) in 0xA1-0xBF; VNI's marks sit above 0xC0.</summary>
    private static bool LooksLikeTcvn3(ReadOnlySpan<byte> bytes)
    {
        int low = 0, high = 0;
        foreach (var b in bytes)
        {
            if (b is >= 0xA1 and <= 0xBF)
            {
                low++;
            }
            else if (b >= 0xC0)
            {
                high++;
            }
        }
        return low * 3 >= high;
    }
}
