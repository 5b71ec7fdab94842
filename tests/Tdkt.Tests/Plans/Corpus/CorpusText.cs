namespace Tdkt.Tests.Plans.Corpus;

/// <summary>A corpus document as a text file: tables as tab-separated rows; a portal's copy with "|" in the header and HTML lists in cells.</summary>
public static class CorpusText
{
    public static string Render(IReadOnlyList<CorpusElement> elements, bool portal)
    {
        var lines = new List<string>();
        foreach (var element in elements)
        {
            switch (element)
            {
                case CorpusHeader h when portal:
                    // As a portal copies it: the two columns run together with bars, the motto cut in two.
                    lines.Add(string.Join(" ", h.Issuer) + " | CỘNG HÒA XÃ HỘI | CHỦ NGHĨA VIỆT NAM");
                    lines.Add("Độc lập - Tự do - Hạnh phúc");
                    lines.Add(h.Number + " | " + h.PlaceAndDate);
                    break;
                case CorpusHeader h:
                    lines.AddRange(h.Issuer);
                    lines.Add("-------");
                    lines.Add("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                    lines.Add("Độc lập - Tự do - Hạnh phúc");
                    lines.Add(h.Number);
                    lines.Add(h.PlaceAndDate);
                    break;
                case CorpusParagraph p:
                    lines.Add(p.Typed);
                    break;
                case CorpusTable t:
                    lines.Add(string.Join('\t', t.Head));
                    lines.AddRange(t.Rows.Select(r => r.Count == 1
                        ? r[0] + new string('\t', t.Head.Count - 1)
                        : string.Join('\t', portal ? r.Select((c, i) => i is 2 or 3 && c.Length > 0 ? $"<ul><li>{c}</li></ul>" : c) : r)));
                    break;
                case CorpusSignature s:
                    lines.AddRange(s.Recipients);
                    lines.AddRange(s.Signature);
                    break;
            }
        }
        return string.Join('\n', lines) + "\n";
    }
}
