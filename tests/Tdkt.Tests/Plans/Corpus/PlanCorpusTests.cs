using Tdkt.Agencies;
using Tdkt.Input;
using Tdkt.Plans;
using Tdkt.Plans.Import;

namespace Tdkt.Tests.Plans.Corpus;

/// <summary>
/// Every document of the generated corpus (<see cref="PlanCorpus"/>) imports as the plan it was made from: number,
/// issuer, date and year; every task with its number, due date and agencies (lead first); the line that names an
/// agency without a date and "Nơi nhận" listed as not read; nothing from the signature, a deleted revision or a comment.
/// </summary>
public sealed class PlanCorpusTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, CorpusDocument>> Corpus =
        new(() => PlanCorpus.Documents().ToDictionary(d => d.FileName, StringComparer.Ordinal));

    public static AgencyDirectory Directory()
    {
        var read = AgencyDirectoryFile.Read(PlanCorpus.DirectoryYaml, "corpus.yaml");
        Assert.Empty(read.Errors);
        return read.Directory!;
    }

    public static TheoryData<string> Names() => [.. PlanCorpus.Documents().Select(d => d.FileName)];

    [Fact]
    public void The_corpus_has_at_least_thirty_documents_across_issuers_layouts_and_formats()
    {
        var documents = Corpus.Value.Values.ToList();

        Assert.True(documents.Count >= 30, $"{documents.Count} documents");
        Assert.Equal(["commune", "ministry", "province", "sector"], documents.Select(d => d.Plan.Issuer.Kind).Distinct().Order());
        Assert.Equal(3, documents.Select(d => d.Plan.Layout).Distinct().Count());
        Assert.Equal([".docx", ".txt", ".xlsx"], documents.Select(d => Path.GetExtension(d.FileName)).Distinct().Order());
        Assert.Contains(documents, d => d.FileName.EndsWith("-nfd.txt", StringComparison.Ordinal));
        Assert.Contains(documents, d => d.FileName.EndsWith("-portal.txt", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void A_corpus_document_imports_as_the_plan_it_was_made_from(string name) => AssertReads(Corpus.Value[name]);

    [Fact]
    public async Task LibreOffice_PDFs_of_the_corpus_import_as_their_plans()
    {
        var pdfs = await PlanCorpus.PdfsAsync();

        Assert.Equal(8, pdfs.Count);
        var failures = new List<string>();
        foreach (var pdf in pdfs)
        {
            try
            {
                AssertReads(pdf);
            }
            catch (Xunit.Sdk.XunitException ex)
            {
                failures.Add(ex.Message);
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>
    /// In every text document of the corpus, each line after the header that names a directory agency or a deadline is part of a
    /// task, or listed as not read at its line (the end matter once, at its "Nơi nhận"), or the appendix's reference line.
    /// </summary>
    [Fact]
    public void No_line_that_names_an_agency_or_a_deadline_is_lost_without_a_word()
    {
        var directory = Directory();
        var names = directory.Agencies.SelectMany(a => a.Names).Select(VietnameseText.Fold).Where(n => n.Length >= 3).ToList();
        foreach (var document in Corpus.Value.Values.Where(d => d.FileName.EndsWith(".txt", StringComparison.Ordinal) && !d.FileName.EndsWith("-portal.txt", StringComparison.Ordinal)))
        {
            var result = PlanImporter.Import(document.Content, document.FileName, directory);
            var contents = result.Plan!.Tasks.Select(t => t.Content).ToList();
            var lines = System.Text.Encoding.UTF8.GetString(document.Content).Normalize(System.Text.NormalizationForm.FormC).Split('\n');
            var heading = Array.IndexOf(lines, "KẾ HOẠCH");
            var endMatter = false;
            for (var i = heading + 1; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                endMatter = line.StartsWith("Nơi nhận", StringComparison.Ordinal) || (endMatter && line != "PHỤ LỤC");
                var folded = VietnameseText.Fold(line);
                var named = names.Any(n => folded.Contains(n, StringComparison.Ordinal));
                var dated = DeadlineRules.FindInContent(line, 2026, out _) is not null || DeadlineRules.FindLabeled(line) is not null
                    || line.Split('\t').Any(c => c.Length is > 0 and < 40 && DeadlineRules.Parse(c, 2026, out _) is not null);
                if (!(named || dated) || line.StartsWith('(') || (endMatter && !line.StartsWith("Nơi nhận", StringComparison.Ordinal)))
                {
                    continue;
                }
                var text = line.Split('\t') is { Length: > 1 } cells ? cells[1]
                    : System.Text.RegularExpressions.Regex.Replace(line, @"^(?:\d+(?:\.\d+)*[.)]|[a-z][).]|[-+•])\s*", "");
                var part = text.Length > 40 ? text[..40] : text;
                Assert.True(contents.Any(c => c.Contains(part, StringComparison.Ordinal)) || result.NotRead.Any(u => u.Line == i + 1),
                    $"{document.FileName}:{i + 1}: “{line}” is neither a task nor listed as not read");
            }
        }
    }

    private static void AssertReads(CorpusDocument document)
    {
        var plan = document.Plan;
        var result = PlanImporter.Import(document.Content, document.FileName, Directory());

        Assert.True(result.Errors.Count == 0, $"{document.FileName} ({document.Axes}):\n" + string.Join("\n", result.Errors));
        var read = result.Plan!;
        Assert.True((plan.PlanNumber, plan.Issuer.ExpectedIssuer, plan.IssuedOn, plan.Year) == (read.Number, read.Issuer, read.IssuedOn, read.Year),
            $"{document.FileName}: header read as {read.Number}, {read.Issuer}, {read.IssuedOn}, {read.Year}");
        // A recurring duty is read as written once, with as many occurrences as its phrase states.
        var expected = plan.ExpectedTasks().Select(e => $"{e.Number} {PlanCorpus.Date(e.Task.Due)} {string.Join(",", e.Task.ExpectedIds)} ×{e.Task.Occurrences}");
        var actual = Tdkt.Plans.TaskSeries.Written(read.Tasks)
            .Select(w => $"{w.Written.Number} {PlanCorpus.Date(w.Written.Deadline.Due)} {string.Join(",", w.Written.Agencies.Select(a => a.Value))} ×{w.Occurrences.Count}");
        Assert.True(expected.SequenceEqual(actual), $"{document.FileName} ({document.Axes}):\nexpected\n{string.Join("\n", expected)}\nread\n{string.Join("\n", actual)}");
        Assert.DoesNotContain(read.Tasks, t => t.Content.Contains("XÓA BỎ", StringComparison.Ordinal) || t.Content.Contains(plan.Issuer.Signer, StringComparison.Ordinal)
            || t.Content.Contains("Người soạn", StringComparison.Ordinal));
        Assert.Contains(result.NotRead, u => u.Text.Contains("bảo đảm kinh phí", StringComparison.Ordinal) && u.Reason.Contains("không ghi thời hạn", StringComparison.Ordinal));
        Assert.Contains(result.NotRead, u => u.Reason.StartsWith("Nơi nhận", StringComparison.Ordinal));
        Assert.Contains(result.NotRead, u => u.Text.Contains("đăng ký thi đua trước ngày 31/3", StringComparison.Ordinal) && u.Reason.Contains("mục đích", StringComparison.Ordinal));
    }
}
