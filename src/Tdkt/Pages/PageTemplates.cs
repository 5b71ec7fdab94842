using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using Tdkt.Assignments;
using Tdkt.Completion;
using Tdkt.Reports;

namespace Tdkt.Pages;

/// <summary>
/// The server-rendered pages (agency page, bad-link page, report page): Liquid templates embedded in the
/// library, every value HTML-encoded, no scripts, fonts or styles from elsewhere.
/// </summary>
public sealed class PageTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private static readonly TemplateOptions Access = CreateAccess();
    private readonly ConcurrentDictionary<string, IFluidTemplate> parsed = new(StringComparer.Ordinal);

    private static readonly string Style = Resource("style.css");

    public string Render(string name, object view)
    {
        var context = new TemplateContext(view, Access);
        context.SetValue("style", Style);
        context.SetValue("Accept", EvidenceKinds.Accept);
        return parsed.GetOrAdd(name, Load).Render(context, Html);
    }

    private static IFluidTemplate Load(string name) =>
        Parser.TryParse(Resource(name), out var template, out var error)
            ? template
            : throw new InvalidOperationException($"The page template {name} does not parse: {error}");

    private static string Resource(string name)
    {
        using var stream = typeof(PageTemplates).Assembly.GetManifestResourceStream("Tdkt.Pages.Templates." + name)
            ?? throw new InvalidOperationException($"The page template {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TemplateOptions CreateAccess()
    {
        var access = new TemplateOptions();
        access.MemberAccessStrategy.Register<AgencyPageView>();
        access.MemberAccessStrategy.Register<MessageView>();
        access.MemberAccessStrategy.Register<PlanView>();
        access.MemberAccessStrategy.Register<QuarterView>();
        access.MemberAccessStrategy.Register<TaskRowView>();
        access.MemberAccessStrategy.Register<FileView>();
        access.MemberAccessStrategy.Register<InboxView>();
        access.MemberAccessStrategy.Register<ProblemPageView>();
        access.MemberAccessStrategy.Register<ReportView>();
        access.MemberAccessStrategy.Register<ReportTableView>();
        access.MemberAccessStrategy.Register<ReportFileView>();
        access.MemberAccessStrategy.Register<ReportRowView>();
        access.MemberAccessStrategy.Register<Administration.ConsolePageView>();
        access.MemberAccessStrategy.Register<Administration.DashboardPlanView>();
        access.MemberAccessStrategy.Register<Administration.DashboardView>();
        access.MemberAccessStrategy.Register<Administration.DeadlineView>();
        access.MemberAccessStrategy.Register<Administration.SweepView>();
        access.MemberAccessStrategy.Register<Administration.AdminUser>();
        access.MemberAccessStrategy.Register<Administration.AuditView>();
        access.MemberAccessStrategy.Register<Administration.PlanDetailView>();
        access.MemberAccessStrategy.Register<Administration.PlanAgencyView>();
        access.MemberAccessStrategy.Register<Administration.PlanRowView>();
        access.MemberAccessStrategy.Register<Administration.FilterOption>();
        access.MemberAccessStrategy.Register<Administration.MailPageView>();
        access.MemberAccessStrategy.Register<Administration.MailRowView>();
        access.MemberAccessStrategy.Register<Administration.MailDayView>();
        access.MemberAccessStrategy.Register<Administration.AgenciesPageView>();
        access.MemberAccessStrategy.Register<Administration.AgencyRowView>();
        access.MemberAccessStrategy.Register<Administration.ImportPreviewView>();
        access.MemberAccessStrategy.Register<Administration.ImportTaskView>();
        access.MemberAccessStrategy.Register<Administration.NotReadView>();
        access.MemberAccessStrategy.Register<Administration.UnknownAgencyView>();
        access.MemberAccessStrategy.Register<Administration.AgencyEditView>();
        access.MemberAccessStrategy.Register<Agencies.AgencyForm>();
        access.MemberAccessStrategy.Register<Administration.DirectoryImportView>();
        access.MemberAccessStrategy.Register<Administration.ForecastDayView>();
        access.MemberAccessStrategy.Register<Administration.ForecastRowView>();
        access.MemberAccessStrategy.Register<Administration.CalendarPageView>();
        return access;
    }
}
