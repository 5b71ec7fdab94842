using NodaTime;

namespace Tdkt.Tests.Plans.Corpus;

/// <summary>Who issues a corpus plan: its header lines as Decree 30 writes them, and what the importer should read from them.</summary>
public sealed record CorpusIssuer(string Kind, IReadOnlyList<string> HeaderLines, string Place, string Symbol, string ExpectedIssuer, string SignedFor, string Signer,
    IReadOnlyList<CorpusAgency> Agencies, string Supervisor);

/// <summary>An agency as a plan writes it, and the directory agencies it stands for (a group's members, in order).</summary>
public sealed record CorpusAgency(string Written, IReadOnlyList<string> Ids);

/// <summary>One task as the generator writes it: its text, the time phrase, the due date that phrase means, the lead and supporting agencies.</summary>
public sealed record CorpusTask(string Content, string Time, LocalDate Due, CorpusAgency Lead, CorpusAgency? Support)
{
    public IEnumerable<string> ExpectedIds => Lead.Ids.Concat(Support?.Ids ?? []).Distinct();

    /// <summary>How many deadlines the phrase states: 12 for "Định kỳ hằng tháng, …" (<see cref="Due"/> is the first), 1 for most.</summary>
    public int Occurrences { get; init; } = 1;
}

/// <summary>How the plan lays its tasks out.</summary>
public enum CorpusLayout
{
    /// <summary>A task table in section II, numbered 1..n, lead and supporting columns.</summary>
    Table,

    /// <summary>Numbered topics under "II. NHIỆM VỤ" with one bullet per task (II.1.1, II.1.2, II.2.1, …).</summary>
    Prose,

    /// <summary>A body without tasks but one in "III. Tổ chức thực hiện", then a "PHỤ LỤC" table by topics I-III (numbers meet the body's III.1).</summary>
    Appendix,
}

/// <summary>A plan of the corpus: who, which number and day, the tasks by topic, and how it is laid out.</summary>
public sealed record CorpusPlan(string Name, CorpusIssuer Issuer, int Number, LocalDate IssuedOn, int Year, CorpusLayout Layout,
    IReadOnlyList<(string Topic, IReadOnlyList<CorpusTask> Tasks)> Groups, CorpusTask Follow, CorpusAgency Monitor)
{
    public string PlanNumber => $"{Number}/KH-{Issuer.Symbol}";

    public string Title => $"Công tác thi đua, khen thưởng năm {Year}";

    /// <summary>The tasks in the order the importer returns them, each with the number it should carry.</summary>
    public IReadOnlyList<(string Number, CorpusTask Task)> ExpectedTasks() => Layout switch
    {
        CorpusLayout.Table => [.. Groups.SelectMany(g => g.Tasks).Select((t, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), t)), ("III.1", Follow)],
        CorpusLayout.Prose => [.. Groups.SelectMany((g, gi) => g.Tasks.Select((t, ti) => ($"II.{gi + 1}.{ti + 1}", t))), ("III.1", Follow)],
        _ => [.. Groups.SelectMany((g, gi) => g.Tasks.Select((t, ti) => ($"PL.{Roman(gi + 1)}.{ti + 1}", t))), ("III.1", Follow)],
    };

    public static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => "V" };
}

/// <summary>A generated document and the reading the importer must give of it.</summary>
public sealed record CorpusDocument(string FileName, byte[] Content, CorpusPlan Plan, string Axes)
{
    public override string ToString() => FileName;
}
