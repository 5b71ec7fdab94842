using Microsoft.AspNetCore.Http;
using Tdkt.Web.TaskPages;
using Tdkt.Web.Completion;
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
        public const string PlanReport = "PlanReport";
        public const string CompleteTaskForAgency = "CompleteTaskForAgency";
        public const string ReopenTask = "ReopenTask";
        public const string ListOutbox = "ListOutbox";
        public const string RetryDigest = "RetryDigest";
    }

    public static class Patterns
    {
        public const string AgencyPage = "a/{token}";
        public const string CompleteTask = "a/{token}/tasks/{task}/complete";
        public const string CompleteTasks = "a/{token}/tasks/complete";
        public const string UndoCompletion = "a/{token}/tasks/{task}/undo";
        public const string AgencyCalendar = "cal/{token}";
        public const string AttachFiles = "a/{token}/tasks/{task}/files";
        public const string RemoveFile = "a/{token}/tasks/{task}/files/{file}/remove";
        public const string DownloadFile = "f/{token}";
        public const string RequestExtension = "a/{token}/tasks/{task}/extension";
        public const string ApproveExtension = "a/{token}/requests/{task}/{agency}/approve";
        public const string DeclineExtension = "a/{token}/requests/{task}/{agency}/decline";
        public const string Health = "health";
        public const string Plans = "plans";
        public const string PlanReport = "plans/{id}/report";
        public const string CompleteTaskForAgency = "plans/{id}/tasks/{task}/complete";
        public const string ReopenTask = "plans/{id}/tasks/{task}/reopen";
        public const string Outbox = "outbox";
        public const string RetryDigest = "outbox/{date}/{kind}/{agency}/retry";
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
    ];

    /// <summary>The route a function of this name serves, or null (a timer or queue function).</summary>
    public static WebRoute? Named(string name) => All.FirstOrDefault(r => r.Name == name);
}
