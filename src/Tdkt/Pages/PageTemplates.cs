namespace Tdkt.Pages;

/// <summary>
/// The library's own page: the report's HTML, which the CLI writes too. No scripts, fonts or styles from elsewhere.
/// </summary>
public sealed class PageTemplates
{
    private readonly TemplateSet templates = new(typeof(PageTemplates).Assembly, "Tdkt.Pages.Templates.", typeof(PageTemplates).Assembly);

    public string Render(string name, object view) => templates.Render(name, view);
}
