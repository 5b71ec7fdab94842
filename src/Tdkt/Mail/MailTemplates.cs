using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Microsoft.Extensions.Options;
using Tdkt.Pages;

namespace Tdkt.Mail;

/// <summary>
/// The mail templates (Liquid, rendered by Fluid): the built-in ones, or a deployment's own files of the
/// same names in <c>Tdkt:Mail:TemplatesDirectory</c>. HTML templates encode every value they print;
/// the templates can only read the view records, never call code.
/// </summary>
public sealed class MailTemplates(IOptions<MailOptions> options)
{
    public static readonly string[] Names = ["digest.html.liquid", "digest.txt.liquid", "weekly.html.liquid", "weekly.txt.liquid", "report.html.liquid", "report.txt.liquid"];

    private static readonly FluidParser Parser = new();

    /// <summary>Encodes what HTML needs (&lt; &gt; &amp; quotes), and leaves Vietnamese letters as they are.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly TemplateOptions Access = CreateAccess();
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);

    public string Render(string name, object view)
    {
        var template = parsed.GetOrAdd(name, Load);
        var context = new TemplateContext(view, Access);
        return template.Render(context, name.Contains(".html.", StringComparison.Ordinal) ? Html : NullEncoder.Default);
    }

    /// <summary>The built-in text of a template, for a deployment that wants to start its own from it.</summary>
    public static string BuiltIn(string name)
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream("Tdkt.Mail.Templates." + name)
            ?? throw new InvalidOperationException($"The built-in template {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private IFluidTemplate Load(string name)
    {
        var directory = options.Value.TemplatesDirectory;
        var own = string.IsNullOrEmpty(directory) ? null : Path.Combine(directory, name);
        var source = own is not null && File.Exists(own) ? File.ReadAllText(own) : BuiltIn(name);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"Mẫu thư {own ?? name} có lỗi cú pháp Liquid: {error}");
        }
        return template;
    }

    private static TemplateOptions CreateAccess()
    {
        var access = new TemplateOptions().Checked();
        access.MemberAccessStrategy.Register<DigestView>();
        access.MemberAccessStrategy.Register<SectionView>();
        access.MemberAccessStrategy.Register<TaskView>();
        access.MemberAccessStrategy.Register<ExtensionSectionView>();
        access.MemberAccessStrategy.Register<ExtensionView>();
        access.MemberAccessStrategy.Register<WeeklyView>();
        access.MemberAccessStrategy.Register<ProgressRowView>();
        access.MemberAccessStrategy.Register<ReportMailView>();
        access.MemberAccessStrategy.Register<ReportMailItemView>();
        return access;
    }
}
