using Tdkt.Tests.Infrastructure;
using Tdkt.Web.Console;
using Tdkt.Web.Pages;

namespace Tdkt.Tests.Web;

/// <summary>
/// The console's pages: one layout and one template per page, each page's template reading the frame and its own
/// view only. A template that reads a name its model lacks fails the render (in the Debug build every test runs)
/// instead of showing a blank.
/// </summary>
[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class PageTemplateTests
{
    private static readonly WebTemplates Templates = new();

    [Fact]
    public void A_page_template_that_reads_a_view_it_was_not_given_fails_and_names_it()
    {
        var frame = new ConsoleFrame("Tổng quan", "dashboard") { User = "quantri@example.org", CanChange = true };

        var error = Assert.Throws<InvalidOperationException>(() => Templates.Render("dashboard.html.liquid", frame));

        Assert.Contains("“Dashboard”", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layout_reads_only_the_frame_and_the_body()
    {
        var frame = new ConsoleFrame("Không thực hiện được", "refused") { User = "quantri@example.org", RoleLabel = "Quản trị", Csrf = "t" };

        var html = Templates.Render("layout.html.liquid", frame, [KeyValuePair.Create<string, object?>("Body", "<p id=\"body\">nội dung</p>")]);

        Assert.Contains("<h1>Không thực hiện được</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<p id=\"body\">nội dung</p>", html, StringComparison.Ordinal);
        Assert.Contains("quantri@example.org (Quản trị)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_console_section_has_its_own_template_in_its_page_folder_and_the_library_has_none()
    {
        var web = typeof(WebTemplates).Assembly.GetManifestResourceNames();
        foreach (var page in new[] { "signin", "dashboard", "users", "plan", "mail", "import", "agencies", "agency-edit", "directory-import", "calendar" })
        {
            Assert.Contains($"Tdkt.Web.Templates.{page}.html.liquid", web);
        }
        Assert.Contains("Tdkt.Web.Templates.layout.html.liquid", web);
        Assert.Contains("Tdkt.Web.Templates.agency.html.liquid", web);

        // The library keeps the formats the CLI writes too (the report, the mails), not the web's pages.
        var library = typeof(Tdkt.Pages.TemplateSet).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Tdkt.Pages.", StringComparison.Ordinal) && n.EndsWith(".liquid", StringComparison.Ordinal));
        Assert.Equal(["Tdkt.Pages.Templates.report.html.liquid"], library.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(typeof(Tdkt.Pages.TemplateSet).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
