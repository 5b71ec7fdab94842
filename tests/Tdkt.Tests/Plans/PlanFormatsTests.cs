using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Tdkt.Agencies;
using Tdkt.Plans.Import;
using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Plans;

/// <summary>Every format gives the same plan as the published text.</summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed partial class PlanFormatsTests
{
    [Theory]
    [InlineData("plan.yaml")]
    [InlineData("plan.json")]
    [InlineData("plan.csv")]
    public void Export_then_import_gives_an_equal_plan(string fileName)
    {
        var plan = Samples.Plan();
        var exported = fileName switch
        {
            "plan.yaml" => CanonicalPlan.ToYaml(plan),
            "plan.json" => CanonicalPlan.ToJson(plan),
            _ => PlanCsv.Write(plan),
        };

        var result = Samples.Import(exported, fileName);

        Assert.Empty(result.Errors);
        Assert.Equal(plan, result.Plan);
    }

    [Fact]
    public void The_sample_YAML_is_the_canonical_form_of_the_published_sample()
    {
        var result = PlanImporter.Import(File.ReadAllBytes(Samples.PlanYamlPath), Samples.PlanYamlPath, Samples.Directory());

        Assert.Empty(result.Errors);
        Assert.Equal(Samples.Plan(), result.Plan);
        Assert.Equal(CanonicalPlan.ToYaml(Samples.Plan()), File.ReadAllText(Samples.PlanYamlPath).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_docx_holding_the_seed_table_gives_an_equal_plan()
    {
        var docx = BuildDocx(File.ReadAllText(Samples.PlanTextPath));

        var result = PlanImporter.Import(docx, "ke-hoach-252.docx", Samples.Directory());

        Assert.Empty(result.Errors);
        Assert.Equal(Samples.Plan(), result.Plan);
    }

    [Fact]
    public void A_broken_docx_is_rejected_clearly()
    {
        var result = PlanImporter.Import(Encoding.UTF8.GetBytes("not a zip"), "ke-hoach.docx", Samples.Directory());

        var error = Assert.Single(result.Errors);
        Assert.Equal(("ke-hoach.docx", "file"), (error.File, error.Field));
    }

    [Fact]
    public void A_stated_due_date_that_disagrees_with_the_phrase_is_reported()
    {
        var yaml = CanonicalPlan.ToYaml(Samples.Plan()).Replace("due: 2023-01-14", "due: 2023-01-15", StringComparison.Ordinal);

        var error = Assert.Single(Samples.Import(yaml, "plan.yaml").Errors);

        Assert.Equal("due", error.Field);
        Assert.Contains("“trước ngày 15/01/2023” có nghĩa là 14/01/2023", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JSON_errors_name_the_task_path()
    {
        var json = CanonicalPlan.ToJson(Samples.Plan()).Replace("\"so-noi-vu\"", "\"so-noi-vuu\"", StringComparison.Ordinal);

        var errors = Samples.Import(json, "plan.json").Errors;

        Assert.Contains(errors, e => e.Field == "tasks[0].agencies" && e.Line is null && e.Message.Contains("Sở Nội vụ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("agencies.yaml")]
    [InlineData("agencies.csv")]
    public void The_agency_directory_round_trips(string fileName)
    {
        var directory = Samples.Directory();
        var text = fileName.EndsWith(".csv", StringComparison.Ordinal) ? AgencyDirectoryFile.WriteCsv(directory) : AgencyDirectoryFile.WriteYaml(directory);

        var result = AgencyDirectoryFile.Read(text, fileName);

        Assert.Empty(result.Errors);
        Assert.Equal(directory.Agencies, result.Directory!.Agencies);
    }

    /// <summary>Lays the seed out as Word would: paragraphs, and each run of rows as a table whose list cells hold one paragraph per item.</summary>
    private static byte[] BuildDocx(string seed)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            Table? table = null;
            foreach (var line in seed.ReplaceLineEndings("\n").Split('\n').Where(l => l.Trim().Length > 0))
            {
                if (!line.Contains('\t', StringComparison.Ordinal))
                {
                    table = null;
                    body.Append(new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })));
                    continue;
                }
                if (table is null)
                {
                    table = new Table();
                    body.Append(table);
                }
                var row = new TableRow();
                foreach (var cell in line.Split('\t'))
                {
                    var items = cell.Contains("<ul", StringComparison.Ordinal)
                        ? ListBullet().Split(Tags().Replace(cell, " ")).Select(i => i.Trim()).Where(i => i.Length > 0).Select(i => "- " + i)
                        : [cell];
                    var tableCell = new TableCell();
                    foreach (var item in items.DefaultIfEmpty(""))
                    {
                        tableCell.Append(new Paragraph(new Run(new Text(item) { Space = SpaceProcessingModeValues.Preserve })));
                    }
                    row.Append(tableCell);
                }
                table.Append(row);
            }
            document.AddMainDocumentPart().Document = new Document(body);
        }
        return stream.ToArray();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"(?:^|\s)-\s+")]
    private static partial Regex ListBullet();
}
