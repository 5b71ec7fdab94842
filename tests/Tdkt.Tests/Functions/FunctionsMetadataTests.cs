using Tdkt.Tests.Infrastructure;

namespace Tdkt.Tests.Functions;

[Trait(ServiceFree.Trait, ServiceFree.Value)]
public sealed class FunctionsMetadataTests
{
    /// <summary>Every function the app exposes, with its trigger; a new function must be added here on purpose.</summary>
    private static readonly FunctionTrigger[] Expected =
    [
        // The agency page and its forms are anonymous: the signed token in the route is the credential.
        new("AgencyPage", "httpTrigger", "api/a/{token}", "GET,HEAD", "Anonymous", null, null),
        new("CompleteTask", "httpTrigger", "api/a/{token}/tasks/{task}/complete", "POST", "Anonymous", null, null),
        new("CompleteTasks", "httpTrigger", "api/a/{token}/tasks/complete", "POST", "Anonymous", null, null),
        new("UndoCompletion", "httpTrigger", "api/a/{token}/tasks/{task}/undo", "POST", "Anonymous", null, null),
        // The agency's calendar feed, anonymous too: its own signed token is the credential.
        new("AgencyCalendar", "httpTrigger", "api/cal/{token}", "GET,HEAD", "Anonymous", null, null),
        // Attached files: added and removed through the page's forms; downloaded by their own short-lived signed token.
        new("AttachFiles", "httpTrigger", "api/a/{token}/tasks/{task}/files", "POST", "Anonymous", null, null),
        new("RemoveFile", "httpTrigger", "api/a/{token}/tasks/{task}/files/{file}/remove", "POST", "Anonymous", null, null),
        new("DownloadFile", "httpTrigger", "api/f/{token}", "GET,HEAD", "Anonymous", null, null),
        // Requests for more time: asked on the agency's page, answered on its supervising agency's page.
        new("RequestExtension", "httpTrigger", "api/a/{token}/tasks/{task}/extension", "POST", "Anonymous", null, null),
        new("ApproveExtension", "httpTrigger", "api/a/{token}/requests/{task}/{agency}/approve", "POST", "Anonymous", null, null),
        new("DeclineExtension", "httpTrigger", "api/a/{token}/requests/{task}/{agency}/decline", "POST", "Anonymous", null, null),
        new("Dispatch", "queueTrigger", null, null, null, null, "%Tdkt:Mail:DispatchQueue%"),
        new("DispatchPending", "timerTrigger", null, null, null, "0 */5 * * * *", null),
        new("Health", "httpTrigger", "api/health", "GET", "Anonymous", null, null),
        new("ImportPlan", "httpTrigger", "api/plans", "POST", "Function", null, null),
        new("ListPlans", "httpTrigger", "api/plans", "GET", "Function", null, null),
        new("PlanReport", "httpTrigger", "api/plans/{id}/report", "GET", "Function", null, null),
        new("SetPlanStatus", "httpTrigger", "api/plans/{id}/status", "POST", "Function", null, null),
        new("CompleteTaskForAgency", "httpTrigger", "api/plans/{id}/tasks/{task}/complete", "POST", "Function", null, null),
        new("ReopenTask", "httpTrigger", "api/plans/{id}/tasks/{task}/reopen", "POST", "Function", null, null),
        new("ListOutbox", "httpTrigger", "api/outbox", "GET", "Function", null, null),
        new("RetryDigest", "httpTrigger", "api/outbox/{date}/{kind}/{agency}/retry", "POST", "Function", null, null),
        new("Sweep", "timerTrigger", null, null, null, "%Tdkt:Sweep:Schedule%", null),
        // The console, under its own prefix: anonymous to the host, since the handlers ask for a console session
        // (or the platform's sign-in) and, for a change, an administrator and the anti-forgery token.
        new("ConsoleDashboard", "httpTrigger", "console", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleUsers", "httpTrigger", "console/users", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleSaveUser", "httpTrigger", "console/users", "POST", "Anonymous", null, null),
        new("ConsoleRemoveUser", "httpTrigger", "console/users/remove", "POST", "Anonymous", null, null),
        new("ConsoleSignInPage", "httpTrigger", "console/signin", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleRequestLink", "httpTrigger", "console/signin", "POST", "Anonymous", null, null),
        new("ConsoleSignInLink", "httpTrigger", "console/signin/{token}", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleUseLink", "httpTrigger", "console/signin/{token}", "POST", "Anonymous", null, null),
        new("ConsoleSignOut", "httpTrigger", "console/signout", "POST", "Anonymous", null, null),
        new("ConsolePlan", "httpTrigger", "console/plans/{id}", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleCompleteTask", "httpTrigger", "console/plans/{id}/complete", "POST", "Anonymous", null, null),
        new("ConsoleReopenTask", "httpTrigger", "console/plans/{id}/reopen", "POST", "Anonymous", null, null),
        new("ConsoleMail", "httpTrigger", "console/mail", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleViewMail", "httpTrigger", "console/mail/view", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleRetryMail", "httpTrigger", "console/mail/retry", "POST", "Anonymous", null, null),
        new("ConsoleRetryMailDay", "httpTrigger", "console/mail/retry-day", "POST", "Anonymous", null, null),
        new("ConsoleAgencies", "httpTrigger", "console/agencies", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleRevokeLink", "httpTrigger", "console/agencies/revoke", "POST", "Anonymous", null, null),
        new("ConsoleExportAgencies", "httpTrigger", "console/agencies/export", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleImport", "httpTrigger", "console/import", "GET,HEAD", "Anonymous", null, null),
        new("ConsolePreviewImport", "httpTrigger", "console/import", "POST", "Anonymous", null, null),
        new("ConsoleSaveImport", "httpTrigger", "console/import/save", "POST", "Anonymous", null, null),
        new("ConsoleFixImport", "httpTrigger", "console/import/agencies", "POST", "Anonymous", null, null),
        new("ConsolePlanReport", "httpTrigger", "console/plans/{id}/report", "GET,HEAD", "Anonymous", null, null),
        new("ConsolePlanStatus", "httpTrigger", "console/plans/{id}/status", "POST", "Anonymous", null, null),
        new("ConsoleRollForward", "httpTrigger", "console/plans/{id}/roll-forward", "POST", "Anonymous", null, null),
        new("ConsolePlanNumber", "httpTrigger", "console/plans/{id}/number", "POST", "Anonymous", null, null),
        new("ConsoleEditAgency", "httpTrigger", "console/agencies/edit", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleSaveAgency", "httpTrigger", "console/agencies/edit", "POST", "Anonymous", null, null),
        new("ConsolePreviewDirectory", "httpTrigger", "console/agencies/import", "POST", "Anonymous", null, null),
        new("ConsoleSaveDirectory", "httpTrigger", "console/agencies/import/save", "POST", "Anonymous", null, null),
        new("ConsoleTestMail", "httpTrigger", "console/agencies/test-mail", "POST", "Anonymous", null, null),
        new("ConsoleResetCalendar", "httpTrigger", "console/calendar/reset", "POST", "Anonymous", null, null),
        new("ConsoleExtendTask", "httpTrigger", "console/plans/{id}/extend", "POST", "Anonymous", null, null),
        new("ConsoleSetDue", "httpTrigger", "console/plans/{id}/set-due", "POST", "Anonymous", null, null),
        new("ConsoleCalendar", "httpTrigger", "console/calendar", "GET,HEAD", "Anonymous", null, null),
        new("ConsoleSetCalendar", "httpTrigger", "console/calendar", "POST", "Anonymous", null, null),
    ];

    [Fact]
    public void The_build_declares_exactly_the_intended_functions_and_bindings()
    {
        var actual = FunctionsMetadata.Read();

        Assert.Equal(
            Expected.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => f.ToString()),
            actual.Select(f => f.ToString()));
    }

    [Fact]
    public void Run_from_the_example_settings_the_host_answers_no_welcome_page_at_its_root_as_deployed()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Infrastructure.RepositoryRoot.File("functions", "local.settings.example.json")));
        var bicep = File.ReadAllText(Infrastructure.RepositoryRoot.File("infra", "modules", "functionapp.bicep"));

        Assert.Equal("true", document.RootElement.GetProperty("Values").GetProperty("AzureWebJobsDisableHomepage").GetString());
        Assert.Contains("AzureWebJobsDisableHomepage: 'true'", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_a_binding_names_is_a_documented_product_setting()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Infrastructure.RepositoryRoot.File("functions", "local.settings.example.json")));
        var documented = document.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        var named = FunctionsMetadata.Read()
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(f.ToString(), "%([^%]+)%").Select(m => m.Groups[1].Value))
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, setting => Assert.Contains(setting, documented));
    }
}
