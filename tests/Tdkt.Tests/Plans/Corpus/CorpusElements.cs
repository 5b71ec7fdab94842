namespace Tdkt.Tests.Plans.Corpus;

/// <summary>A piece of a corpus document before it is written in a format.</summary>
public abstract record CorpusElement;

/// <summary>How a paragraph is numbered: typed into the text by a text file, automatic in Word.</summary>
public enum CorpusList
{
    None,
    Bullet,

    /// <summary>"1.", "2.": numbered from 1 again after each roman heading.</summary>
    Numbered,
}

/// <summary>A paragraph: its text without its list label, the label's kind and number, and whether it is a header line.</summary>
public sealed record CorpusParagraph(string Text, CorpusList List = CorpusList.None, int Ordinal = 0, bool Header = false) : CorpusElement
{
    /// <summary>The text as a text file types it: with its label.</summary>
    public string Typed => List switch
    {
        CorpusList.Bullet => "- " + Text,
        CorpusList.Numbered => $"{Ordinal}. {Text}",
        _ => Text,
    };
}

/// <summary>The Decree 30 header: the issuer's lines on the left, the motto on the right, the number and the place and date.</summary>
public sealed record CorpusHeader(IReadOnlyList<string> Issuer, string Number, string PlaceAndDate) : CorpusElement;

/// <summary>A task table: its header row and rows; a row with one cell is a topic row spanning the table.</summary>
public sealed record CorpusTable(IReadOnlyList<string> Head, IReadOnlyList<IReadOnlyList<string>> Rows) : CorpusElement;

/// <summary>"Nơi nhận" and the signature, side by side.</summary>
public sealed record CorpusSignature(IReadOnlyList<string> Recipients, IReadOnlyList<string> Signature) : CorpusElement;

/// <summary>Lays a corpus plan out as the elements of its document.</summary>
public static class CorpusElements
{
    public static IReadOnlyList<CorpusElement> Of(CorpusPlan plan)
    {
        var issuer = plan.Issuer;
        var year = plan.Year;
        var elements = new List<CorpusElement>
        {
            new CorpusHeader(issuer.HeaderLines, $"Số: {plan.PlanNumber}",
                $"{issuer.Place}, ngày {plan.IssuedOn.Day:00} tháng {plan.IssuedOn.Month:00} năm {plan.IssuedOn.Year}"),
            new CorpusParagraph("KẾ HOẠCH"),
            new CorpusParagraph(plan.Title),
            new CorpusParagraph($"Căn cứ Luật Thi đua, khen thưởng ngày 15/6/2022; căn cứ tình hình thực tế, {issuer.ExpectedIssuer} ban hành Kế hoạch công tác thi đua, khen thưởng năm {year} như sau:"),
            new CorpusParagraph("I. MỤC ĐÍCH, YÊU CẦU"),
            new CorpusParagraph("Mục đích", CorpusList.Numbered, 1),
            new CorpusParagraph($"Phấn đấu 100% cơ quan, đơn vị đăng ký thi đua trước ngày 31/3/{year}."),
            new CorpusParagraph("Yêu cầu", CorpusList.Numbered, 2),
            new CorpusParagraph("Công tác khen thưởng bảo đảm chính xác, công khai, minh bạch, kịp thời."),
        };
        switch (plan.Layout)
        {
            case CorpusLayout.Table:
                elements.Add(new CorpusParagraph("II. NỘI DUNG"));
                elements.Add(new CorpusTable(Head, [.. plan.Groups.SelectMany(g => g.Tasks).Select((t, i) => Row((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t))]));
                break;
            case CorpusLayout.Prose:
                elements.Add(new CorpusParagraph("II. NHIỆM VỤ"));
                for (var g = 0; g < plan.Groups.Count; g++)
                {
                    elements.Add(new CorpusParagraph(Sentence(plan.Groups[g].Topic), CorpusList.Numbered, g + 1));
                    elements.AddRange(plan.Groups[g].Tasks.Select(t => new CorpusParagraph(Prose(t), CorpusList.Bullet)));
                }
                break;
            default:
                elements.Add(new CorpusParagraph("II. NỘI DUNG"));
                elements.Add(new CorpusParagraph("Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."));
                break;
        }
        elements.Add(new CorpusParagraph("III. TỔ CHỨC THỰC HIỆN"));
        elements.Add(new CorpusParagraph(plan.Follow.Content + ".", CorpusList.Numbered, 1));
        elements.Add(new CorpusParagraph($"{plan.Monitor.Written} bảo đảm kinh phí thực hiện Kế hoạch này.", CorpusList.Numbered, 2));
        elements.Add(new CorpusSignature(["Nơi nhận:", "- Như trên;", "- Thường trực cấp ủy;", "- Lưu: VT."],
            [.. issuer.SignedFor.Split('\n'), "(Đã ký)", issuer.Signer]));
        if (plan.Layout == CorpusLayout.Appendix)
        {
            elements.Add(new CorpusParagraph("PHỤ LỤC"));
            elements.Add(new CorpusParagraph($"NHIỆM VỤ CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM {year}"));
            elements.Add(new CorpusParagraph($"(Kèm theo Kế hoạch số {plan.PlanNumber} ngày {PlanCorpus.Date(plan.IssuedOn)} của {issuer.ExpectedIssuer})"));
            var rows = new List<IReadOnlyList<string>>();
            for (var g = 0; g < plan.Groups.Count; g++)
            {
                rows.Add([$"{CorpusPlan.Roman(g + 1)}. {plan.Groups[g].Topic}"]);
                rows.AddRange(plan.Groups[g].Tasks.Select((t, i) => Row((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t)));
            }
            elements.Add(new CorpusTable(Head, rows));
        }
        return elements;
    }

    private static readonly string[] Head = ["STT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];

    private static IReadOnlyList<string> Row(string number, CorpusTask task) => [number, task.Content, task.Lead.Written, task.Support?.Written ?? "", task.Time];

    /// <summary>A task written as a sentence: the lead first, the supporting agency after "phối hợp với", the time after "Thời gian:".</summary>
    private static string Prose(CorpusTask task) =>
        $"{task.Lead.Written} {char.ToLowerInvariant(task.Content[0])}{task.Content[1..]}{(task.Support is { } s ? $", phối hợp với {s.Written}" : "")}. Thời gian: {task.Time}.";

    private static string Sentence(string upper) => upper[..1] + upper[1..].ToLowerInvariant();
}
