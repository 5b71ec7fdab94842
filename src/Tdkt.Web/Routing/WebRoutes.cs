using Microsoft.AspNetCore.Http;
using Tdkt.Web.AgencyPage;
using Tdkt.Web.Completion;
using Tdkt.Web.Console.Agencies;
using Tdkt.Web.Console.Calendar;
using Tdkt.Web.Console.Dashboard;
using Tdkt.Web.Console.Import;
using Tdkt.Web.Console.Mail;
using Tdkt.Web.Console.Plans;
using Tdkt.Web.Console.SignIn;
using Tdkt.Web.Console.Users;
using Tdkt.Web.Health;
using Tdkt.Web.Outbox;
using Tdkt.Web.Plans;
using Tdkt.Web.Reports;

namespace Tdkt.Web.Routing;

/// <summary>
/// Every HTTP route, once. The function app's trigger attributes use these names and patterns (attributes need
/// constants); the self-hosted server maps <see cref="All"/>; a test checks that functions.metadata and the
/// self-hosted server's endpoints agree.
/// </summary>
public static class WebRoutes
{
    public const string Prefix = "api";

    public static class Names
    {
        public const string AgencyPage = "AgencyPage";
        public const string CompleteTask = "CompleteTask";
        public const string CompleteTasks = "CompleteTasks";
        public const string UndoCompletion = "UndoCompletion";
        public const string AgencyCalendar = "AgencyCalendar";
        public const string AttachFiles = "AttachFiles";
        public const string RemoveFile = "RemoveFile";
        public const string DownloadFile = "DownloadFile";
        public const string RequestExtension = "RequestExtension";
        public const string ApproveExtension = "ApproveExtension";
        public const string DeclineExtension = "DeclineExtension";
        public const string Health = "Health";
        public const string ImportPlan = "ImportPlan";
        public const string ListPlans = "ListPlans";
        public const string SetPlanStatus = "SetPlanStatus";
        public const string PlanReport = "PlanReport";
        public const string CompleteTaskForAgency = "CompleteTaskForAgency";
        public const string ReopenTask = "ReopenTask";
        public const string ListOutbox = "ListOutbox";
        public const string RetryDigest = "RetryDigest";
        public const string ConsoleDashboard = "ConsoleDashboard";
        public const string ConsoleUsers = "ConsoleUsers";
        public const string ConsoleSaveUser = "ConsoleSaveUser";
        public const string ConsoleRemoveUser = "ConsoleRemoveUser";
        public const string ConsoleSignInPage = "ConsoleSignInPage";
        public const string ConsoleRequestLink = "ConsoleRequestLink";
        public const string ConsoleSignInLink = "ConsoleSignInLink";
        public const string ConsoleUseLink = "ConsoleUseLink";
        public const string ConsoleSignOut = "ConsoleSignOut";
        public const string ConsolePlan = "ConsolePlan";
        public const string ConsoleCompleteTask = "ConsoleCompleteTask";
        public const string ConsoleReopenTask = "ConsoleReopenTask";
        public const string ConsoleMail = "ConsoleMail";
        public const string ConsoleViewMail = "ConsoleViewMail";
        public const string ConsoleRetryMail = "ConsoleRetryMail";
        public const string ConsoleRetryMailDay = "ConsoleRetryMailDay";
        public const string ConsoleAgencies = "ConsoleAgencies";
        public const string ConsoleRevokeLink = "ConsoleRevokeLink";
        public const string ConsoleExportAgencies = "ConsoleExportAgencies";
        public const string ConsoleImport = "ConsoleImport";
        public const string ConsolePreviewImport = "ConsolePreviewImport";
        public const string ConsoleSaveImport = "ConsoleSaveImport";
        public const string ConsoleFixImport = "ConsoleFixImport";
        public const string ConsolePlanReport = "ConsolePlanReport";
        public const string ConsolePlanStatus = "ConsolePlanStatus";
        public const string ConsoleRollForward = "ConsoleRollForward";
        public const string ConsolePlanNumber = "ConsolePlanNumber";
        public const string ConsoleEditAgency = "ConsoleEditAgency";
        public const string ConsoleSaveAgency = "ConsoleSaveAgency";
        public const string ConsolePreviewDirectory = "ConsolePreviewDirectory";
        public const string ConsoleSaveDirectory = "ConsoleSaveDirectory";
        public const string ConsoleTestMail = "ConsoleTestMail";
        public const string ConsoleResetCalendar = "ConsoleResetCalendar";
        public const string ConsoleExtendTask = "ConsoleExtendTask";
        public const string ConsoleSetDue = "ConsoleSetDue";
        public const string ConsoleCalendar = "ConsoleCalendar";
        public const string ConsoleSetCalendar = "ConsoleSetCalendar";
    }

    /// <summary>
    /// The full paths (the function host's route prefix is empty, so the API keeps <c>/api/</c> and the console has
    /// <c>/console/</c> of its own; <c>/admin</c> stays the Functions host's).
    /// </summary>
    public static class Patterns
    {
        private const string Api = Prefix + "/";
        public const string AgencyPage = Api + "a/{token}";
        public const string CompleteTask = Api + "a/{token}/tasks/{task}/complete";
        public const string CompleteTasks = Api + "a/{token}/tasks/complete";
        public const string UndoCompletion = Api + "a/{token}/tasks/{task}/undo";
        public const string AgencyCalendar = Api + "cal/{token}";
        public const string AttachFiles = Api + "a/{token}/tasks/{task}/files";
        public const string RemoveFile = Api + "a/{token}/tasks/{task}/files/{file}/remove";
        public const string DownloadFile = Api + "f/{token}";
        public const string RequestExtension = Api + "a/{token}/tasks/{task}/extension";
        public const string ApproveExtension = Api + "a/{token}/requests/{task}/{agency}/approve";
        public const string DeclineExtension = Api + "a/{token}/requests/{task}/{agency}/decline";
        public const string Health = Api + "health";
        public const string Plans = Api + "plans";
        public const string PlanReport = Api + "plans/{id}/report";
        public const string PlanStatus = Api + "plans/{id}/status";
        public const string CompleteTaskForAgency = Api + "plans/{id}/tasks/{task}/complete";
        public const string ReopenTask = Api + "plans/{id}/tasks/{task}/reopen";
        public const string Outbox = Api + "outbox";
        public const string RetryDigest = Api + "outbox/{date}/{kind}/{agency}/retry";

        // The administrators' console: its own prefix, its own sign-in (a session, not the admin key).
        public const string Console = "console";
        public const string ConsoleUsers = "console/users";
        public const string ConsoleRemoveUser = "console/users/remove";
        public const string ConsoleSignIn = "console/signin";
        public const string ConsoleSignInLink = "console/signin/{token}";
        public const string ConsoleSignOut = "console/signout";
        public const string ConsolePlan = "console/plans/{id}";
        public const string ConsoleCompleteTask = "console/plans/{id}/complete";
        public const string ConsoleReopenTask = "console/plans/{id}/reopen";
        public const string ConsoleMail = "console/mail";
        public const string ConsoleViewMail = "console/mail/view";
        public const string ConsoleRetryMail = "console/mail/retry";
        public const string ConsoleRetryMailDay = "console/mail/retry-day";
        public const string ConsoleAgencies = "console/agencies";
        public const string ConsoleRevokeLink = "console/agencies/revoke";
        public const string ConsoleExportAgencies = "console/agencies/export";
        public const string ConsoleImport = "console/import";
        public const string ConsoleSaveImport = "console/import/save";
        public const string ConsoleFixImport = "console/import/agencies";
        public const string ConsolePlanReport = "console/plans/{id}/report";
        public const string ConsolePlanStatus = "console/plans/{id}/status";
        public const string ConsoleRollForward = "console/plans/{id}/roll-forward";
        public const string ConsolePlanNumber = "console/plans/{id}/number";
        public const string ConsoleEditAgency = "console/agencies/edit";
        public const string ConsolePreviewDirectory = "console/agencies/import";
        public const string ConsoleSaveDirectory = "console/agencies/import/save";
        public const string ConsoleTestMail = "console/agencies/test-mail";
        public const string ConsoleResetCalendar = "console/calendar/reset";
        public const string ConsoleExtendTask = "console/plans/{id}/extend";
        public const string ConsoleSetDue = "console/plans/{id}/set-due";
        public const string ConsoleCalendar = "console/calendar";
    }

    private static readonly string[] Get = ["GET"];
    private static readonly string[] GetHead = ["GET", "HEAD"];
    private static readonly string[] Post = ["POST"];

    public static IReadOnlyList<WebRoute> All { get; } =
    [
        new(Names.AgencyPage, Patterns.AgencyPage, GetHead, RouteAccess.Anonymous, RouteKind.Page,
            (AgencyPageHandlers h, HttpRequest request, string token, CancellationToken ct) => h.PageAsync(request, token, ct)),
        new(Names.CompleteTask, Patterns.CompleteTask, Post, RouteAccess.Anonymous, RouteKind.Page,
            (AgencyPageHandlers h, HttpRequest request, string token, string task, CancellationToken ct) => h.CompleteAsync(request, token, task, ct)),
        new(Names.CompleteTasks, Patterns.CompleteTasks, Post, RouteAccess.Anonymous, RouteKind.Page,
            (AgencyPageHandlers h, HttpRequest request, string token, CancellationToken ct) => h.CompleteManyAsync(request, token, ct)),
        new(Names.UndoCompletion, Patterns.UndoCompletion, Post, RouteAccess.Anonymous, RouteKind.Page,
            (AgencyPageHandlers h, HttpRequest request, string token, string task, CancellationToken ct) => h.UndoAsync(request, token, task, ct)),
        new(Names.AgencyCalendar, Patterns.AgencyCalendar, GetHead, RouteAccess.Anonymous, RouteKind.Page,
            (CalendarFeedHandler h, HttpRequest request, string token, CancellationToken ct) => h.GetAsync(request, token, ct)),
        new(Names.AttachFiles, Patterns.AttachFiles, Post, RouteAccess.Anonymous, RouteKind.Page,
            (AgencyPageHandlers h, HttpRequest request, string token, string task, CancellationToken ct) => h.AttachAsync(request, token, task, ct)),
        new(Names.RemoveFile, Patterns.RemoveFile, Post, RouteAccess.Anonymous, RouteKind.Page,
            (AgencyPageHandlers h, HttpRequest request, string token, string task, string file, CancellationToken ct) => h.RemoveFileAsync(request, token, task, file, ct)),
        new(Names.DownloadFile, Patterns.DownloadFile, GetHead, RouteAccess.Anonymous, RouteKind.Page,
            (EvidenceDownloadHandler h, HttpRequest request, string token, CancellationToken ct) => h.GetAsync(request, token, ct)),
        new(Names.RequestExtension, Patterns.RequestExtension, Post, RouteAccess.Anonymous, RouteKind.Page,
            (ExtensionHandlers h, HttpRequest request, string token, string task, CancellationToken ct) => h.RequestAsync(request, token, task, ct)),
        new(Names.ApproveExtension, Patterns.ApproveExtension, Post, RouteAccess.Anonymous, RouteKind.Page,
            (ExtensionHandlers h, HttpRequest request, string token, string task, string agency, CancellationToken ct) => h.DecideAsync(request, token, task, agency, true, ct)),
        new(Names.DeclineExtension, Patterns.DeclineExtension, Post, RouteAccess.Anonymous, RouteKind.Page,
            (ExtensionHandlers h, HttpRequest request, string token, string task, string agency, CancellationToken ct) => h.DecideAsync(request, token, task, agency, false, ct)),
        new(Names.Health, Patterns.Health, Get, RouteAccess.Anonymous, RouteKind.Api,
            (HealthHandler h, CancellationToken ct) => h.CheckAsync(ct)),
        new(Names.ImportPlan, Patterns.Plans, Post, RouteAccess.AdminKey, RouteKind.Api,
            (PlanHandlers h, HttpRequest request, CancellationToken ct) => h.ImportAsync(request, ct)),
        new(Names.ListPlans, Patterns.Plans, Get, RouteAccess.AdminKey, RouteKind.Api,
            (PlanHandlers h, CancellationToken ct) => h.ListAsync(ct)),
        new(Names.SetPlanStatus, Patterns.PlanStatus, Post, RouteAccess.AdminKey, RouteKind.Api,
            (PlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.SetStatusAsync(request, id, ct)),
        new(Names.PlanReport, Patterns.PlanReport, Get, RouteAccess.AdminKey, RouteKind.Api,
            (ReportHandler h, HttpRequest request, string id, CancellationToken ct) => h.ReportAsync(request, id, ct)),
        new(Names.CompleteTaskForAgency, Patterns.CompleteTaskForAgency, Post, RouteAccess.AdminKey, RouteKind.Api,
            (AdminTaskHandlers h, HttpRequest request, string id, string task, CancellationToken ct) => h.CompleteAsync(request, id, task, ct)),
        new(Names.ReopenTask, Patterns.ReopenTask, Post, RouteAccess.AdminKey, RouteKind.Api,
            (AdminTaskHandlers h, HttpRequest request, string id, string task, CancellationToken ct) => h.ReopenAsync(request, id, task, ct)),
        new(Names.ListOutbox, Patterns.Outbox, Get, RouteAccess.AdminKey, RouteKind.Api,
            (OutboxHandlers h, HttpRequest request, CancellationToken ct) => h.ListAsync(request, ct)),
        new(Names.RetryDigest, Patterns.RetryDigest, Post, RouteAccess.AdminKey, RouteKind.Api,
            (OutboxHandlers h, string date, string kind, string agency, CancellationToken ct) => h.RetryAsync(date, kind, agency, ct)),
        new(Names.ConsoleDashboard, Patterns.Console, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleDashboardHandlers h, HttpRequest request, CancellationToken ct) => h.DashboardAsync(request, ct)),
        new(Names.ConsoleUsers, Patterns.ConsoleUsers, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleUserHandlers h, HttpRequest request, CancellationToken ct) => h.UsersAsync(request, ct)),
        new(Names.ConsoleSaveUser, Patterns.ConsoleUsers, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleUserHandlers h, HttpRequest request, CancellationToken ct) => h.SaveUserAsync(request, ct)),
        new(Names.ConsoleRemoveUser, Patterns.ConsoleRemoveUser, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleUserHandlers h, HttpRequest request, CancellationToken ct) => h.RemoveUserAsync(request, ct)),
        new(Names.ConsoleSignInPage, Patterns.ConsoleSignIn, GetHead, RouteAccess.Anonymous, RouteKind.Page,
            (ConsoleSignInHandlers h, HttpRequest request, CancellationToken ct) => h.SignInPageAsync(request, ct)),
        new(Names.ConsoleRequestLink, Patterns.ConsoleSignIn, Post, RouteAccess.Anonymous, RouteKind.Page,
            (ConsoleSignInHandlers h, HttpRequest request, CancellationToken ct) => h.RequestLinkAsync(request, ct)),
        new(Names.ConsoleSignInLink, Patterns.ConsoleSignInLink, GetHead, RouteAccess.Anonymous, RouteKind.Page,
            (ConsoleSignInHandlers h, string token, CancellationToken ct) => h.SignInLinkAsync(token, ct)),
        new(Names.ConsoleUseLink, Patterns.ConsoleSignInLink, Post, RouteAccess.Anonymous, RouteKind.Page,
            (ConsoleSignInHandlers h, HttpRequest request, string token, CancellationToken ct) => h.UseLinkAsync(request, token, ct)),
        new(Names.ConsoleSignOut, Patterns.ConsoleSignOut, Post, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleSignInHandlers h, HttpRequest request, CancellationToken ct) => h.SignOutAsync(request, ct)),
        new(Names.ConsolePlan, Patterns.ConsolePlan, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.PageAsync(request, id, ct)),
        new(Names.ConsoleCompleteTask, Patterns.ConsoleCompleteTask, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.CompleteAsync(request, id, ct)),
        new(Names.ConsoleReopenTask, Patterns.ConsoleReopenTask, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.ReopenAsync(request, id, ct)),
        new(Names.ConsoleMail, Patterns.ConsoleMail, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleMailHandlers h, HttpRequest request, CancellationToken ct) => h.PageAsync(request, ct)),
        new(Names.ConsoleViewMail, Patterns.ConsoleViewMail, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleMailHandlers h, HttpRequest request, CancellationToken ct) => h.ViewAsync(request, ct)),
        new(Names.ConsoleRetryMail, Patterns.ConsoleRetryMail, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleMailHandlers h, HttpRequest request, CancellationToken ct) => h.RetryAsync(request, ct)),
        new(Names.ConsoleRetryMailDay, Patterns.ConsoleRetryMailDay, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleMailHandlers h, HttpRequest request, CancellationToken ct) => h.RetryDayAsync(request, ct)),
        new(Names.ConsoleAgencies, Patterns.ConsoleAgencies, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleAgencyHandlers h, HttpRequest request, CancellationToken ct) => h.PageAsync(request, ct)),
        new(Names.ConsoleRevokeLink, Patterns.ConsoleRevokeLink, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleAgencyHandlers h, HttpRequest request, CancellationToken ct) => h.RevokeAsync(request, ct)),
        new(Names.ConsoleExportAgencies, Patterns.ConsoleExportAgencies, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleAgencyHandlers h, HttpRequest request, CancellationToken ct) => h.ExportAsync(request, ct)),
        new(Names.ConsoleImport, Patterns.ConsoleImport, GetHead, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleImportHandlers h, HttpRequest request) => h.Page(request)),
        new(Names.ConsolePreviewImport, Patterns.ConsoleImport, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleImportHandlers h, HttpRequest request, CancellationToken ct) => h.PreviewAsync(request, ct), ConsoleImportHandlers.MaxUpload),
        new(Names.ConsoleSaveImport, Patterns.ConsoleSaveImport, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleImportHandlers h, HttpRequest request, CancellationToken ct) => h.SaveAsync(request, ct), ConsoleImportHandlers.MaxSave),
        new(Names.ConsoleFixImport, Patterns.ConsoleFixImport, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleImportHandlers h, HttpRequest request, CancellationToken ct) => h.FixAsync(request, ct), ConsoleImportHandlers.MaxSave),
        new(Names.ConsolePlanReport, Patterns.ConsolePlanReport, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.ReportAsync(request, id, ct)),
        new(Names.ConsolePlanStatus, Patterns.ConsolePlanStatus, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.SetStatusAsync(request, id, ct)),
        new(Names.ConsoleRollForward, Patterns.ConsoleRollForward, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.RollForwardAsync(request, id, ct)),
        new(Names.ConsolePlanNumber, Patterns.ConsolePlanNumber, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.SetNumberAsync(request, id, ct)),
        new(Names.ConsoleEditAgency, Patterns.ConsoleEditAgency, GetHead, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleAgencyEditHandlers h, HttpRequest request, CancellationToken ct) => h.FormAsync(request, ct)),
        new(Names.ConsoleSaveAgency, Patterns.ConsoleEditAgency, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleAgencyEditHandlers h, HttpRequest request, CancellationToken ct) => h.SaveAsync(request, ct)),
        new(Names.ConsolePreviewDirectory, Patterns.ConsolePreviewDirectory, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleAgencyEditHandlers h, HttpRequest request, CancellationToken ct) => h.PreviewImportAsync(request, ct), ConsoleAgencyEditHandlers.MaxUpload),
        new(Names.ConsoleSaveDirectory, Patterns.ConsoleSaveDirectory, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleAgencyEditHandlers h, HttpRequest request, CancellationToken ct) => h.SaveImportAsync(request, ct), ConsoleAgencyEditHandlers.MaxSave),
        new(Names.ConsoleTestMail, Patterns.ConsoleTestMail, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleAgencyEditHandlers h, HttpRequest request, CancellationToken ct) => h.TestMailAsync(request, ct)),
        new(Names.ConsoleResetCalendar, Patterns.ConsoleResetCalendar, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleCalendarHandlers h, HttpRequest request, CancellationToken ct) => h.ResetAsync(request, ct)),
        new(Names.ConsoleExtendTask, Patterns.ConsoleExtendTask, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.ExtendAsync(request, id, ct)),
        new(Names.ConsoleSetDue, Patterns.ConsoleSetDue, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsolePlanHandlers h, HttpRequest request, string id, CancellationToken ct) => h.SetDueAsync(request, id, ct)),
        new(Names.ConsoleCalendar, Patterns.ConsoleCalendar, GetHead, RouteAccess.ConsoleSession, RouteKind.Page,
            (ConsoleCalendarHandlers h, HttpRequest request, CancellationToken ct) => h.PageAsync(request, ct)),
        new(Names.ConsoleSetCalendar, Patterns.ConsoleCalendar, Post, RouteAccess.ConsoleChange, RouteKind.Page,
            (ConsoleCalendarHandlers h, HttpRequest request, CancellationToken ct) => h.SetAsync(request, ct)),
    ];

    /// <summary>The route a function of this name serves, or null (a timer or queue function).</summary>
    public static WebRoute? Named(string name) => All.FirstOrDefault(r => r.Name == name);
}
