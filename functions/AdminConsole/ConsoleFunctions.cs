using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tdkt.Web.Console;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Console.Calendar;
using Tdkt.Web.Console.Import;
using Tdkt.Web.Console.Mail;
using Tdkt.Web.Console.Plans;
using Tdkt.Web.Routing;

namespace Tdkt.Functions.AdminConsole;

/// <summary>
/// The administrators' console under <c>/console</c>: anonymous to the host, since a browser carries no function key;
/// the handlers ask for the console session (or the platform's sign-in) themselves.
/// </summary>
public sealed class ConsoleFunctions(ConsoleHandlers console, ConsolePlanHandlers plans, ConsoleMailHandlers mail, ConsoleAgencyHandlers agencies,
    ConsoleImportHandlers import, ConsoleCalendarHandlers calendar, ConsoleAgencyEditHandlers directory)
{
    [Function(WebRoutes.Names.ConsoleDashboard)]
    public Task<IResult> Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.Console)] HttpRequest request,
        CancellationToken cancellationToken) => console.DashboardAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleUsers)]
    public Task<IResult> Users([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleUsers)] HttpRequest request,
        CancellationToken cancellationToken) => console.UsersAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveUser)]
    public Task<IResult> SaveUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleUsers)] HttpRequest request,
        CancellationToken cancellationToken) => console.SaveUserAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRemoveUser)]
    public Task<IResult> RemoveUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRemoveUser)] HttpRequest request,
        CancellationToken cancellationToken) => console.RemoveUserAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignInPage)]
    public Task<IResult> SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleSignIn)] HttpRequest request,
        CancellationToken cancellationToken) => console.SignInPageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRequestLink)]
    public Task<IResult> RequestLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignIn)] HttpRequest request,
        CancellationToken cancellationToken) => console.RequestLinkAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignInLink)]
    public Task<IResult> SignInLink([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleSignInLink)] HttpRequest request,
        string token, CancellationToken cancellationToken) => console.SignInLinkAsync(token, cancellationToken);

    [Function(WebRoutes.Names.ConsoleUseLink)]
    public Task<IResult> UseLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignInLink)] HttpRequest request,
        string token, CancellationToken cancellationToken) => console.UseLinkAsync(request, token, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSignOut)]
    public Task<IResult> SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSignOut)] HttpRequest request,
        CancellationToken cancellationToken) => console.SignOutAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlan)]
    public Task<IResult> Plan([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsolePlan)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.PageAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleCompleteTask)]
    public Task<IResult> CompleteTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleCompleteTask)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.CompleteAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleReopenTask)]
    public Task<IResult> ReopenTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleReopenTask)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.ReopenAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleMail)]
    public Task<IResult> Mail([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleMail)] HttpRequest request,
        CancellationToken cancellationToken) => mail.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleViewMail)]
    public Task<IResult> ViewMail([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleViewMail)] HttpRequest request,
        CancellationToken cancellationToken) => mail.ViewAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRetryMail)]
    public Task<IResult> RetryMail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRetryMail)] HttpRequest request,
        CancellationToken cancellationToken) => mail.RetryAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRetryMailDay)]
    public Task<IResult> RetryMailDay([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRetryMailDay)] HttpRequest request,
        CancellationToken cancellationToken) => mail.RetryDayAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleAgencies)]
    public Task<IResult> Agencies([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleAgencies)] HttpRequest request,
        CancellationToken cancellationToken) => agencies.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRevokeLink)]
    public Task<IResult> RevokeLink([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRevokeLink)] HttpRequest request,
        CancellationToken cancellationToken) => agencies.RevokeAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleExportAgencies)]
    public Task<IResult> ExportAgencies([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleExportAgencies)] HttpRequest request,
        CancellationToken cancellationToken) => agencies.ExportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleImport)]
    public Task<IResult> Import([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsolePreviewImport)]
    public Task<IResult> PreviewImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.PreviewAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveImport)]
    public Task<IResult> SaveImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSaveImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.SaveAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleFixImport)]
    public Task<IResult> FixImport([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleFixImport)] HttpRequest request,
        CancellationToken cancellationToken) => import.FixAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlanReport)]
    public Task<IResult> PlanReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsolePlanReport)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.ReportAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlanStatus)]
    public Task<IResult> PlanStatus([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsolePlanStatus)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.SetStatusAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleRollForward)]
    public Task<IResult> RollForward([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleRollForward)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.RollForwardAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsolePlanNumber)]
    public Task<IResult> PlanNumber([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsolePlanNumber)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.SetNumberAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleEditAgency)]
    public Task<IResult> EditAgency([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleEditAgency)] HttpRequest request,
        CancellationToken cancellationToken) => directory.FormAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveAgency)]
    public Task<IResult> SaveAgency([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleEditAgency)] HttpRequest request,
        CancellationToken cancellationToken) => directory.SaveAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsolePreviewDirectory)]
    public Task<IResult> PreviewDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsolePreviewDirectory)] HttpRequest request,
        CancellationToken cancellationToken) => directory.PreviewImportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSaveDirectory)]
    public Task<IResult> SaveDirectory([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSaveDirectory)] HttpRequest request,
        CancellationToken cancellationToken) => directory.SaveImportAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleTestMail)]
    public Task<IResult> TestMail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleTestMail)] HttpRequest request,
        CancellationToken cancellationToken) => directory.TestMailAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleResetCalendar)]
    public Task<IResult> ResetCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleResetCalendar)] HttpRequest request,
        CancellationToken cancellationToken) => calendar.ResetAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleExtendTask)]
    public Task<IResult> ExtendTask([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleExtendTask)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.ExtendAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSetDue)]
    public Task<IResult> SetDue([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleSetDue)] HttpRequest request,
        string id, CancellationToken cancellationToken) => plans.SetDueAsync(request, id, cancellationToken);

    [Function(WebRoutes.Names.ConsoleCalendar)]
    public Task<IResult> Calendar([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = WebRoutes.Patterns.ConsoleCalendar)] HttpRequest request,
        CancellationToken cancellationToken) => calendar.PageAsync(request, cancellationToken);

    [Function(WebRoutes.Names.ConsoleSetCalendar)]
    public Task<IResult> SetCalendar([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = WebRoutes.Patterns.ConsoleCalendar)] HttpRequest request,
        CancellationToken cancellationToken) => calendar.SetAsync(request, cancellationToken);
}
